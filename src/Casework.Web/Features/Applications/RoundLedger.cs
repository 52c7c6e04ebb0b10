using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Api;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>
/// Every change to a round's money goes through here. The domain's <see cref="RoundBudget"/> decides on the row as it
/// is now (and names the broken rule with its source); one conditional UPDATE then applies the same change with the
/// same invariant in its WHERE clause, so concurrent writers can never break it. When that UPDATE finds the row
/// changed meanwhile so that the rule no longer holds, the row is read again and the domain says why: a lost race is
/// a 409 that names the rule, and nothing is written.
/// </summary>
internal sealed class RoundLedger(CaseworkDbContext db)
{
    public static long Cents(Money amount) => decimal.ToInt64(amount.Euros * 100m);

    /// <summary>The ledger row as it is now, untracked: a snapshot for the domain to judge.</summary>
    public Task<RoundBudget> LoadAsync(Guid trancheId, CancellationToken ct) =>
        db.Set<RoundBudget>().AsNoTracking().FirstAsync(b => b.Id == new RoundBudgetId(trancheId), ct);

    public Task CommitAsync(Guid trancheId, Money amount, CancellationToken ct)
    {
        var cents = Cents(amount);
        return ApplyAsync(trancheId, b => b.WhyNotCommit(amount),
            $"UPDATE \"RoundBudgets\" SET \"CommittedCents\" = \"CommittedCents\" + {cents} WHERE \"Id\" = {trancheId} AND \"CommittedCents\" + {cents} <= \"CeilingCents\"", ct);
    }

    public Task ReleaseAsync(Guid trancheId, Money amount, CancellationToken ct)
    {
        var cents = Cents(amount);
        return ApplyAsync(trancheId, b => b.WhyNotRelease(amount),
            $"UPDATE \"RoundBudgets\" SET \"CommittedCents\" = \"CommittedCents\" - {cents} WHERE \"Id\" = {trancheId} AND \"CommittedCents\" - {cents} >= \"AwardedPaidOutCents\"", ct);
    }

    /// <summary>Records a payment of <paramref name="awardedPortion"/> of the awards; returns what the gemeente receives.</summary>
    public async Task<Money> RecordPaymentAsync(Guid trancheId, Money awardedPortion, decimal btwCompensatiefondsShare, CancellationToken ct)
    {
        var paid = RoundBudget.PaidFor(awardedPortion, btwCompensatiefondsShare);
        var portionCents = Cents(awardedPortion);
        var paidCents = Cents(paid);
        await ApplyAsync(trancheId, b => b.WhyNotRecordPayment(awardedPortion),
            $"UPDATE \"RoundBudgets\" SET \"AwardedPaidOutCents\" = \"AwardedPaidOutCents\" + {portionCents}, \"PaidCents\" = \"PaidCents\" + {paidCents} WHERE \"Id\" = {trancheId} AND \"AwardedPaidOutCents\" + {portionCents} <= \"CommittedCents\"", ct);
        return paid;
    }

    public Task ReclaimAsync(Guid trancheId, Money amount, CancellationToken ct)
    {
        var cents = Cents(amount);
        return ApplyAsync(trancheId, b => b.WhyNotReclaim(amount),
            $"UPDATE \"RoundBudgets\" SET \"ReclaimedCents\" = \"ReclaimedCents\" + {cents} WHERE \"Id\" = {trancheId} AND \"ReclaimedCents\" + {cents} <= \"PaidCents\"", ct);
    }

    /// <summary>Books a vaststelling: the definitive amounts never exceed what the round has committed.</summary>
    public Task RecordVaststellingAsync(Guid trancheId, Money amount, CancellationToken ct)
    {
        var cents = Cents(amount);
        return ApplyAsync(trancheId, b => b.WhyNotRecordVaststelling(amount),
            $"UPDATE \"RoundBudgets\" SET \"VastgesteldCents\" = \"VastgesteldCents\" + {cents} WHERE \"Id\" = {trancheId} AND \"VastgesteldCents\" + {cents} <= \"CommittedCents\"", ct);
    }

    public Task ChangeCeilingAsync(Guid trancheId, Money ceiling, CancellationToken ct)
    {
        var cents = Cents(ceiling);
        return ApplyAsync(trancheId, b => b.WhyNotChangeCeiling(ceiling),
            $"UPDATE \"RoundBudgets\" SET \"CeilingCents\" = {cents} WHERE \"Id\" = {trancheId} AND \"CommittedCents\" <= {cents}", ct);
    }

    private async Task ApplyAsync(Guid trancheId, Func<RoundBudget, BrokenRule?> whyNot, FormattableString update, CancellationToken ct)
    {
        if (whyNot(await LoadAsync(trancheId, ct)) is { } broken)
        {
            throw Refused(broken);
        }

        if (await db.Database.ExecuteSqlInterpolatedAsync(update, ct) == 1)
        {
            return;
        }

        // Another writer changed the row between the read and the update (possible on a server database).
        var now = await LoadAsync(trancheId, ct);
        throw Refused(whyNot(now) ?? throw new InvalidOperationException($"The ledger update of round {trancheId} matched no row, yet the domain allows it."));
    }

    /// <summary>
    /// The ceiling depends on what others commit, so a commitment that does not fit is a conflict with the round's
    /// current state (409), as a stale version is; the other ledger rules are broken rules of the request (422).
    /// </summary>
    public static Exception Refused(BrokenRule broken) =>
        broken.Code == RoundBudget.CeilingExceeded
            ? ApiProblemException.Of(ProblemTypes.Conflict, broken.Message, new Dictionary<string, object?> { ["brokenRules"] = new[] { broken }, ["ruleCode"] = broken.Code })
            : new BusinessRuleViolationException(broken);
}
