using Casework.Domain.Access;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Tranches;

internal static class RankingQueries
{
    public static async Task<IReadOnlyList<RankingEntryDto>> EntriesAsync(CaseworkDbContext db, Guid trancheId, CancellationToken ct)
    {
        var ranking = await RoundRanking.LoadAsync(db, trancheId, ct);
        var ids = ranking.Applications.Select(a => Guid.Parse(a.ApplicationReference)).ToList();
        var rows = await db.Set<FundingApplication>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Join(db.Cases, a => a.Id, c => c.Id, (a, c) => new { a.Id, a.ProjectName, a.AwardedAmount, c.Reference, c.State })
            .ToDictionaryAsync(x => x.Id, ct);
        return ranking.Applications.Select(r =>
        {
            var row = rows[Guid.Parse(r.ApplicationReference)];
            return new RankingEntryDto(r.Position, row.Id, row.Reference, r.GemeenteCbsCode, row.ProjectName, r.RequestedAmount.Euros, r.TotalScore, r.TieUnresolved, row.State, row.AwardedAmount?.Euros)
            {
                PriorityPoints = r.Candidate.PriorityPoints,
                RankingScore = r.RankingScore,
                PriorityBudget = r.Candidate.QualifiesForPriorityBudget,
            };
        }).ToList();
    }
}

/// <summary>The audit stream of a round: its announcement, ceiling and window changes, tie-breaks and the ledger bookings of its applications.</summary>
internal static class TrancheAudit
{
    public static string Stream(Guid trancheId) => "tranche:" + trancheId.ToString("N");
}

/// <summary>Who may administer a round: the role (and organisation) the use case names, refused in the words a user knows.</summary>
internal static class TrancheAccess
{
    public static Casework.Workflows.Engine.Actor Require(ICurrentActor current, Role role, string? organisation)
    {
        var actor = current.Actor;
        if (!actor.Roles.Contains(role) || (organisation is not null && actor.Organisation != organisation))
        {
            var who = organisation is null ? RoleLabels.Dutch(role) : $"{RoleLabels.Dutch(role)} van {OrganisationLabel(organisation)}";
            throw ApiProblemException.Of(ProblemTypes.Forbidden, $"Alleen een {who} mag dit.");
        }

        return actor;
    }

    private static string OrganisationLabel(string code) => code switch
    {
        "VRO" => "het ministerie van VRO",
        _ => code,
    };
}

internal static class TrancheAdministrationEndpoints
{
    public static RouteGroupBuilder MapTrancheAdministration(this RouteGroupBuilder group) => group
        .MapAnnounceTranche()
        .MapChangeCeiling()
        .MapRescheduleTranche()
        .MapOrderTies()
        .MapProposeAllocation();
}
