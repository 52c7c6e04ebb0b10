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
    /// <summary>The resultaat of a withdrawn application: it no longer counts in its round.</summary>
    public const string Withdrawn = "ingetrokken";

    private const string RejectedResultaat = "afgewezen";
    private const string RejectionBesluit = "afwijzing";

    /// <param name="loketJudgementsRequired">False at the gemeente's submission; true from the admission check on
    /// (a herkansing then needs the loket's "same project" judgement).</param>
    public async Task<AdmissionContext> LoadAsync(FundingApplication application, DateTimeOffset submittedAt, CancellationToken ct, bool loketJudgementsRequired = false)
    {
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == application.TrancheId, ct);
        var ceiling = await db.Set<RoundBudget>().AsNoTracking().Where(b => b.Id == new RoundBudgetId(tranche.Id)).Select(b => b.Ceiling).FirstAsync(ct);

        // A round without an opening instant (VHF 2024-R3 in the seed) is not open for submissions.
        var round = new RoundFacts(tranche.RuleSet, tranche.OpensAt ?? DateTimeOffset.MaxValue, tranche.ClosesAt, ceiling, tranche.AnnouncedOn);

        var others = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.TrancheId == tranche.Id && a.ApplicantCbsCode == application.ApplicantCbsCode && a.Id != application.Id)
            .Join(db.Cases, a => a.Id, c => c.Id, (a, c) => new { a.SubmittedAt, a.AwardedAmount, c.Resultaat })
            .ToListAsync(ct);

        return new AdmissionContext
        {
            Round = round,
            SubmittedAt = submittedAt,
            ApplicantPopulation = await PopulationAsync(application.ApplicantCbsCode, tranche, ct),
            AreaIsStedelijkFocusgebied = application.FocusgebiedCode is not null,
            AreaGemeenteCbsCode = application.FocusgebiedCode is { } focusgebied
                ? await db.Focusgebieden.AsNoTracking().Where(f => f.Code == focusgebied).Select(f => f.GemeenteCode).FirstOrDefaultAsync(ct)
                : null,
            AreaIsInDesignatedHousingMarketRegion = await DesignatedRegions.ContainsAsync(db, tranche.RuleSet.MinimumHomes, application.ApplicantCbsCode, ct),
            ApplicationsAlreadySubmittedByGemeente = others.Count(o => o.SubmittedAt is not null && (o.Resultaat == null || o.Resultaat != Withdrawn)),
            GemeenteAlreadyAwardedInRound = others.Any(o => o.AwardedAmount is not null),
            PreviousApplication = application.IsHerkansing ? await PreviousAsync(application, ct) : null,
            LoketJudgementsRequired = loketJudgementsRequired,
            DocumentTypesPresent = await ApplicationMapping.DocumentTypesAsync(db, application.Id, ct),
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

    /// <summary>
    /// The earlier application the loket linked (or, before it has, the one the gemeente named by reference).
    /// "Same project" is the loket's judgement only: null until recorded.
    /// </summary>
    private async Task<HerkansingFacts?> PreviousAsync(FundingApplication application, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking();
        if (application.HerkansingOfApplicationId is { } linked)
        {
            cases = cases.Where(c => c.Id == linked);
        }
        else if (!string.IsNullOrWhiteSpace(application.PreviousApplicationReference))
        {
            cases = cases.Where(c => c.Reference == application.PreviousApplicationReference);
        }
        else
        {
            return null;
        }

        var previous = await cases
            .Join(db.Set<FundingApplication>(), c => c.Id, a => a.Id, (c, a) => new { c.Id, c.Reference, c.Resultaat, a.ApplicantCbsCode, a.TrancheId })
            .FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return null;
        }

        var closes = await db.Set<Tranche>().AsNoTracking().Where(t => t.Id == previous.TrancheId).Select(t => t.ClosesAt).FirstAsync(ct);
        // Rejected: closed as such, or its latest besluit is an afwijzing (the bezwaartermijn may still run, or an
        // objection against it); a well-founded objection's besluit comes after it and lifts the rejection.
        var latest = await db.Decisions.AsNoTracking().Where(d => d.CaseId == previous.Id).OrderByDescending(d => d.RecordedAt).Select(d => d.BesluitType).FirstOrDefaultAsync(ct);
        var rejected = previous.Resultaat == RejectedResultaat || latest == RejectionBesluit;
        return new HerkansingFacts(previous.Reference, previous.ApplicantCbsCode, rejected, application.HerkansingSameProject, closes ?? DateTimeOffset.MinValue);
    }
}
