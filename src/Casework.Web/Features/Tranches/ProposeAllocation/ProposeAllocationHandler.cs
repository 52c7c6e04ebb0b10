using Casework.Domain.Access;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Tranches;

internal sealed class ProposeAllocationHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<ProposeAllocationQuery, IReadOnlyList<AllocationProposalDto>>
{
    /// <summary>The allocator's proposal in rank order (full awards, the last partial, the rest "plafond bereikt"); nothing is written.</summary>
    public async ValueTask<IReadOnlyList<AllocationProposalDto>> Handle(ProposeAllocationQuery query, CancellationToken cancellationToken)
    {
        TrancheAccess.Require(current, Role.Beoordelaar, "VRO");
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.TrancheId, cancellationToken) ?? throw ApiProblemException.NotFound("De ronde");
        var budget = await db.Set<RoundBudget>().AsNoTracking().FirstAsync(b => b.Id == new RoundBudgetId(tranche.Id), cancellationToken);
        var ranking = await RoundRanking.LoadAsync(db, tranche.Id, cancellationToken);
        var awarded = await db.Set<FundingApplication>().AsNoTracking().Where(a => a.TrancheId == tranche.Id && a.AwardedAmount != null).Select(a => new { a.Id, a.ApplicantCbsCode, a.AwardedAmount, a.StudentHousing }).ToListAsync(cancellationToken);
        var awardedIds = awarded.Select(a => a.Id.ToString()).ToHashSet();
        var open = Ranking.Rank(
            ranking.Applications.Where(a => !awardedIds.Contains(a.ApplicationReference)).Select(a => a.Candidate),
            ranking.Applications.Where(a => !a.TieUnresolved).Select(a => a.ApplicationReference).ToList());
        // Awards already made to the reserved category count against the reservation (the allocator caps it there).
        var reservationUsed = tranche.RuleSet.PriorityBudget is { Category: PriorityCategory.StudentHousing }
            ? awarded.Where(a => a.StudentHousing).Aggregate(Money.Zero, (sum, a) => sum + a.AwardedAmount!.Value)
            : Money.Zero;
        var result = Allocator.Allocate(open, budget.Ceiling, budget.Committed, tranche.RuleSet, awarded.Select(a => a.ApplicantCbsCode).ToList(), reservationUsed);
        var ids = result.Allocations.Select(a => Guid.Parse(a.Application.ApplicationReference)).ToList();
        var byId = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id.ToString(), c => c.Reference, cancellationToken);
        var codes = result.Allocations.Select(a => a.Application.GemeenteCbsCode).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);
        return result.Allocations.Select(a => new AllocationProposalDto(
            Guid.Parse(a.Application.ApplicationReference),
            byId.GetValueOrDefault(a.Application.ApplicationReference, a.Application.ApplicationReference),
            a.Application.GemeenteCbsCode,
            a.Application.Position,
            a.Application.RequestedAmount.Euros,
            a.Outcome.Amount.Euros,
            a.Outcome switch { FullAward => "toekennen", PartialAward => "gedeeltelijkToekennen", _ => "afwijzen" },
            a.Outcome switch { PartialAward => PartialAward.Reason, Rejected r => r.Reason, _ => null },
            names.TryGetValue(a.Application.GemeenteCbsCode, out var name) ? Pages.Labels.Organisation(a.Application.GemeenteCbsCode, name) : null)).ToList();
    }
}
