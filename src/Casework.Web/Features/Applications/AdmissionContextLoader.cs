using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Casework.Domain.Time;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// Builds the <see cref="AdmissionContext"/> of an application from the database, inside the caller's
/// transaction: the round's window, rule set and (current) ceiling, the lead gemeente's population figure in
/// force at the round's announcement, the focusgebied flag, the gemeente's other submitted applications and
/// awards in the round, and what is known of the application a herkansing refers to.
/// </summary>
internal sealed class AdmissionContextLoader(CaseworkDbContext db)
{
    public const string Withdrawn = "ingetrokken";

    public async Task<AdmissionContext> LoadAsync(FundingApplication application, DateTimeOffset submittedAt, CancellationToken ct)
    {
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, ct);
        var ceiling = await db.Set<RoundBudget>().AsNoTracking().Where(b => b.Id == new RoundBudgetId(tranche.Id)).Select(b => b.Ceiling).FirstAsync(ct);

        // A round without an opening instant (VHF 2024-R3 in the seed) is not open for submissions.
        var round = new RoundFacts(tranche.RuleSet, tranche.OpensAt ?? DateTimeOffset.MaxValue, tranche.ClosesAt, ceiling, tranche.AnnouncedOn);

        var others = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.TrancheId == tranche.Id && a.ApplicantCbsCode == application.ApplicantCbsCode && a.Id != application.Id)
            .Join(db.Cases, a => a.Id, c => c.Id, (a, c) => new { a.SubmittedAt, a.AwardedAmount, c.State })
            .ToListAsync(ct);

        return new AdmissionContext
        {
            Round = round,
            SubmittedAt = submittedAt,
            ApplicantPopulation = await PopulationAsync(application.ApplicantCbsCode, tranche, ct),
            AreaIsStedelijkFocusgebied = application.FocusgebiedCode is not null,
            AreaIsInDesignatedHousingMarketRegion = false,
            ApplicationsAlreadySubmittedByGemeente = others.Count(o => o.SubmittedAt is not null && o.State != Withdrawn),
            GemeenteAlreadyAwardedInRound = others.Any(o => o.AwardedAmount is not null),
            PreviousApplication = application.IsHerkansing ? await PreviousAsync(application, ct) : null,
        };
    }

    /// <summary>The CBS figure in force when the round was announced (for a round without an announcement date: when it opened).</summary>
    private async Task<PopulationFact?> PopulationAsync(string cbsCode, Tranche tranche, CancellationToken ct)
    {
        var gemeente = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == cbsCode, ct);
        if (gemeente is null || gemeente.Population.Count == 0)
        {
            return null;
        }

        var reference = tranche.AnnouncedOn ?? (tranche.OpensAt is { } opens ? AmsterdamClock.ToLocalDate(opens) : (DateOnly?)null);
        var figures = gemeente.Population.Select(p => new PopulationFact(p.Inhabitants, p.ReferenceDate)).ToList();
        return reference is { } on ? PopulationFact.InForceOn(figures, on) : figures.MaxBy(f => f.ReferenceDate)! with { IsStandIn = true };
    }

    private async Task<HerkansingFacts?> PreviousAsync(FundingApplication application, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(application.PreviousApplicationReference))
        {
            return null;
        }

        var previous = await db.Cases.AsNoTracking()
            .Where(c => c.Reference == application.PreviousApplicationReference)
            .Join(db.Set<FundingApplication>(), c => c.Id, a => a.Id, (c, a) => new { c.Reference, c.State, c.Resultaat, a.ApplicantCbsCode, a.ProjectName, a.TrancheId })
            .FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return null;
        }

        var closes = await db.Set<Tranche>().AsNoTracking().Where(t => t.Id == previous.TrancheId).Select(t => t.ClosesAt).FirstAsync(ct);
        var rejected = previous.Resultaat == "afgewezen" || previous.State is "afgewezen" or "bezwaarAfwijzing";

        // Until the loket records its judgement, the same project name stands for "the same project".
        var sameProject = application.HerkansingSameProject
            || string.Equals(previous.ProjectName.Trim(), application.ProjectName.Trim(), StringComparison.OrdinalIgnoreCase);
        return new HerkansingFacts(previous.Reference, previous.ApplicantCbsCode, rejected, sameProject, closes ?? DateTimeOffset.MinValue);
    }
}
