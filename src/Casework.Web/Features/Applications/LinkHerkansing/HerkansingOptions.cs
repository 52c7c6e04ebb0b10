using Casework.Domain.Access;
using Casework.Domain.Funding;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Loading;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>What the pages offer around a herkansing of the application <paramref name="CaseId"/>.</summary>
public sealed record HerkansingOptionsQuery(Guid CaseId) : IQuery<HerkansingOptionsDto>;

/// <summary>
/// <paramref name="MayLink"/>: the caller is the RVO loket and the application (a herkansing as the gemeente says) is
/// between indienen and toelaten, where <c>PUT /applications/{id}/herkansing</c> records the link; the earlier
/// applications of the same regeling and gemeente to choose from (<paramref name="Candidates"/>, the one the gemeente
/// named first). <paramref name="NextRound"/>: the caller is the gemeente, this application was rejected, and a round
/// of the regeling is open now whose rule set allows a herkansing of it (opening within its weeks of this round's close).
/// </summary>
public sealed record HerkansingOptionsDto(Guid CaseId, string Reference, bool MayLink, IReadOnlyList<CaseChoiceDto> Candidates, Guid? SuggestedPreviousId, HerkansingRoundDto? NextRound);

/// <summary>An open round that allows a herkansing, by id and name.</summary>
public sealed record HerkansingRoundDto(Guid Id, string Name);

internal sealed class HerkansingOptionsHandler(CaseworkDbContext db, ICurrentActor current, DefinitionCatalog catalog, TimeProvider time) : IQueryHandler<HerkansingOptionsQuery, HerkansingOptionsDto>
{
    private const string RejectedResultaat = "afgewezen";
    private const string RejectionBesluit = "afwijzing";

    public async ValueTask<HerkansingOptionsDto> Handle(HerkansingOptionsQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var caseFile = await CaseAccess.LoadVisibleAsync(db, query.CaseId, actor, cancellationToken, tracked: false, withHistory: false);
        var application = await db.Set<FundingApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == caseFile.Id, cancellationToken);
        var none = new HerkansingOptionsDto(caseFile.Id, caseFile.Reference, false, [], null, null);
        if (application is null)
        {
            return none;
        }

        if (actor.Organisation == "RVO" && actor.Roles.Contains(Role.Loket) && application.IsHerkansing
            && catalog.Find(caseFile.DefinitionId, caseFile.DefinitionVersion)?.Definition is { } definition
            && RecordHerkansingLinkHandler.OpenForLinking(definition, caseFile.State))
        {
            var candidates = await db.Set<FundingApplication>().AsNoTracking()
                .Where(a => a.Regeling == application.Regeling && a.ApplicantCbsCode == application.ApplicantCbsCode && a.Id != application.Id)
                .Join(db.Cases, a => a.Id, c => c.Id, (a, c) => new { a.Id, c.Reference, a.ProjectName, c.StateLabel, c.CreatedAt })
                .ToListAsync(cancellationToken);
            var ordered = candidates.OrderByDescending(c => c.CreatedAt).ToList();
            var suggested = ordered.FirstOrDefault(c => c.Id == application.HerkansingOfApplicationId)
                ?? ordered.FirstOrDefault(c => string.Equals(c.Reference, application.PreviousApplicationReference?.Trim(), StringComparison.OrdinalIgnoreCase));
            return new HerkansingOptionsDto(
                caseFile.Id,
                caseFile.Reference,
                true,
                ordered.Select(c => new CaseChoiceDto(c.Id.ToString(), $"{c.Reference}: {c.ProjectName} ({c.StateLabel})")).ToList(),
                suggested?.Id,
                null);
        }

        if (!actor.Roles.Contains(Role.GemeenteAanvrager) || !await WasRejectedAsync(caseFile, cancellationToken))
        {
            return none;
        }

        var closedAt = await db.Set<Tranche>().AsNoTracking().Where(t => t.Id == application.TrancheId).Select(t => t.ClosesAt).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        var rounds = await db.Set<Tranche>().AsNoTracking().Where(t => t.Regeling == application.Regeling && t.Id != application.TrancheId).ToListAsync(cancellationToken);
        var next = rounds
            .Where(t => t.StatusAt(now) == TrancheStatus.Open && closedAt is { } closed && t.OpensAt is { } opens && opens >= closed
                && t.RuleSet.Herkansing is { } herkansing && opens <= closed.AddDays(7 * herkansing.MaxWeeksAfterPreviousRoundClosed))
            .OrderBy(t => t.OpensAt)
            .FirstOrDefault();
        return next is null ? none : none with { NextRound = new HerkansingRoundDto(next.Id, next.Name) };
    }

    /// <summary>Rejected as the admission rule reads it: closed as such, or its latest besluit an afwijzing.</summary>
    private async Task<bool> WasRejectedAsync(Casework.Domain.Cases.CaseFile caseFile, CancellationToken ct)
    {
        if (caseFile.Resultaat == RejectedResultaat)
        {
            return true;
        }

        var latest = await db.Decisions.AsNoTracking().Where(d => d.CaseId == caseFile.Id).OrderByDescending(d => d.RecordedAt).Select(d => d.BesluitType).FirstOrDefaultAsync(ct);
        return latest == RejectionBesluit;
    }
}
