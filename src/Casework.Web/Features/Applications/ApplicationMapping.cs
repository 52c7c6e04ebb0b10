using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Common;
using Casework.Domain.Documents;
using Casework.Domain.Funding;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

internal static class ApplicationMapping
{
    public static string DefinitionFor(Regeling regeling) => regeling == Regeling.Wbi ? "wbi-application" : "vhf-application";

    public static ApplicationProposal ToProposal(ApplicationRequest r, Regeling regeling, string applicant, string? focusgebiedName) => new()
    {
        Regeling = regeling,
        ApplicantCbsCode = applicant,
        JointMemberCbsCodes = r.JointMembers ?? [],
        ProjectName = r.ProjectName!.Trim(),
        Area = new ProjectArea(focusgebiedName, focusgebiedName is null ? r.OtherArea?.Trim() : null),
        Homes = new HomesByCategory(r.Homes!.SocialeHuur, r.Homes.Middenhuur, r.Homes.BetaalbareKoop, r.Homes.Other),
        MaxKoopPrice = Optional(r.MaxKoopPrice),
        InvestmentVolume = Optional(r.InvestmentVolume),
        FinancialDeficit = new Money(r.FinancialDeficit),
        RequestedAmount = new Money(r.RequestedAmount),
        OwnContribution = new Money(r.OwnContribution),
        GemeenteProjectCosts = new Money(r.GemeenteProjectCosts ?? 0m),
        PrimaryActivitiesAmount = Optional(r.PrimaryActivitiesAmount),
        SecondaryActivitiesAmount = Optional(r.SecondaryActivitiesAmount),
        PlannedConstructionStart = r.PlannedConstructionStartDate,
        PlannedCompletion = r.PlannedCompletionDate,
        ResidentsInterests = r.ResidentsInterests is { } ri
            ? new ResidentsInterests(ri.RightOfReturn, ri.RightOfReturnExplanation, ri.RehousingArranged, ri.RehousingPlan, ri.ResidentParticipation, ri.ParticipationPlan)
            : null,
        StudentHousing = r.StudentHousing,
        IsHerkansing = r.Herkansing,
        PreviousApplicationReference = r.Herkansing ? r.PreviousApplicationReference?.Trim() : null,
    };

    public static ApplicationDto ToDto(FundingApplication a, CaseFile c, Tranche t) => new(
        a.Id,
        c.Reference,
        a.TrancheId,
        a.Regeling,
        t.Name,
        c.State,
        c.StateLabel,
        c.Version,
        a.ApplicantCbsCode,
        a.JointMemberCbsCodes,
        a.ProjectName,
        a.FocusgebiedCode,
        a.OtherAreaDescription,
        new HomesDto(a.SocialeHuur, a.Middenhuur, a.BetaalbareKoop, a.OtherHomes),
        a.Homes.Total,
        a.Homes.Affordable,
        a.MaxKoopPrice?.Euros,
        a.InvestmentVolume?.Euros,
        a.FinancialDeficit.Euros,
        a.RequestedAmount.Euros,
        a.OwnContribution.Euros,
        a.GemeenteProjectCosts.Euros,
        a.PrimaryActivitiesAmount?.Euros,
        a.SecondaryActivitiesAmount?.Euros,
        a.PlannedConstructionStart,
        a.PlannedCompletion,
        a.ResidentsInterests is { } ri
            ? new ResidentsInterestsDto(ri.RightOfReturn, ri.RightOfReturnExplanation, ri.RehousingArranged, ri.RehousingPlan, ri.ResidentParticipation, ri.ParticipationPlan)
            : null,
        a.IsHerkansing,
        a.PreviousApplicationReference,
        a.CreatedAt,
        a.SubmittedAt,
        a.ScoresJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, decimal>>(a.ScoresJson),
        a.TotalScore,
        a.Advice,
        a.AwardedAmount?.Euros)
    {
        StudentHousing = a.StudentHousing,
        HerkansingOfApplicationId = a.HerkansingOfApplicationId,
        HerkansingSameProject = a.HerkansingSameProject,
        ProposedDecision = c.ProposedAction,
    };

    private static Money? Optional(decimal? euros) => euros is { } e ? new Money(e) : null;

    /// <summary>The application of a case that a command just changed, as the response shows it (the tracked row when there is one).</summary>
    public static async Task<ApplicationDto> LoadDtoAsync(CaseworkDbContext db, Domain.Cases.CaseFile caseFile, CancellationToken ct)
    {
        var application = await db.Set<FundingApplication>().FindAsync([caseFile.Id], ct)
            ?? throw new InvalidOperationException($"Case {caseFile.Id} has no application.");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, ct);
        return await ToDtoAsync(db, application, caseFile, tranche, ct);
    }

    /// <summary>The application with, per bijlage its round requires, whether its dossier holds one (the loket's completeness check).</summary>
    public static async Task<ApplicationDto> ToDtoAsync(CaseworkDbContext db, FundingApplication a, CaseFile c, Tranche t, CancellationToken ct)
    {
        var dto = ToDto(a, c, t);
        var required = t.RuleSet.RequiredDocuments ?? [];
        if (required.Count == 0)
        {
            return dto;
        }

        var present = await DocumentTypesAsync(db, a.Id, ct);
        return dto with
        {
            RequiredDocuments = required
                .Select(r => new RequiredDocumentDto(r.Informatieobjecttype, InformatieobjecttypeCatalogus.Label(r.Informatieobjecttype), r.Source, present.Contains(r.Informatieobjecttype)))
                .ToList(),
        };
    }

    /// <summary>The informatieobjecttypen of the documents a case's own dossier holds (not its agenda items' papers).</summary>
    public static async Task<IReadOnlySet<string>> DocumentTypesAsync(CaseworkDbContext db, Guid caseId, CancellationToken ct) =>
        (await db.Set<Document>().AsNoTracking()
            .Where(d => d.CaseId == caseId && d.OwnerKind == DocumentOwnerKind.Zaak)
            .Select(d => d.Informatieobjecttype).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
}
