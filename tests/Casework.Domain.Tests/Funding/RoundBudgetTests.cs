using Casework.Domain.Common;
using Casework.Domain.Funding;

namespace Casework.Domain.Tests.Funding;

public class RoundBudgetTests
{
    private static RoundBudget Budget(decimal ceiling) => RoundBudget.Open(Regeling.Vhf, "2023", Money.Euro(ceiling));

    [Fact]
    public void Commit_WhenExactlyReachingCeiling_Succeeds()
    {
        var budget = Budget(100);

        budget.Commit(Money.Euro(60));
        budget.Commit(Money.Euro(40));

        Assert.Equal(Money.Euro(100), budget.Committed);
        Assert.Equal(Money.Zero, budget.Remaining);
    }

    [Fact]
    public void Commit_WhenOneCentAboveCeiling_ThrowsAndChangesNothing()
    {
        var budget = Budget(100);
        budget.Commit(Money.Euro(60));

        var ex = Assert.Throws<BusinessRuleViolationException>(() => budget.Commit(Money.Euro(40.01m)));

        Assert.Equal("PLAFOND-OVERSCHREDEN", Assert.Single(ex.BrokenRules).Code);
        Assert.Equal(Money.Euro(60), budget.Committed);
    }

    [Fact]
    public void ChangeCeiling_WhenVhf2023RaisedFrom140To280Million_MoreCanBeCommitted()
    {
        var budget = Budget(140_000_000m);
        budget.Commit(Money.Euro(140_000_000m));
        Assert.Throws<BusinessRuleViolationException>(() => budget.Commit(Money.Euro(1m)));

        budget.ChangeCeiling(Money.Euro(280_000_000m));
        budget.Commit(Money.Euro(100_000_000m));

        Assert.Equal(Money.Euro(280_000_000m), budget.Ceiling);
        Assert.Equal(Money.Euro(40_000_000m), budget.Remaining);
    }

    [Fact]
    public void ChangeCeiling_WhenBelowCommitted_ThrowsAndKeepsCeiling()
    {
        var budget = Budget(150_000_000m);
        budget.Commit(Money.Euro(120_000_000m));

        var ex = Assert.Throws<BusinessRuleViolationException>(() => budget.ChangeCeiling(Money.Euro(119_999_999.99m)));

        Assert.Equal("PLAFOND-ONDER-VERPLICHTINGEN", Assert.Single(ex.BrokenRules).Code);
        Assert.Equal(Money.Euro(150_000_000m), budget.Ceiling);
    }

    [Fact]
    public void ChangeCeiling_WhenLoweredExactlyToCommitted_Succeeds()
    {
        var budget = Budget(150_000_000m);
        budget.Commit(Money.Euro(120_000_000m));

        budget.ChangeCeiling(Money.Euro(120_000_000m));

        Assert.Equal(Money.Zero, budget.Remaining);
    }

    [Fact]
    public void RecordPayment_WhenBtwCompensatiefondsShareApplies_PaidIsLessThanAwarded()
    {
        var budget = Budget(100_000_000m);
        budget.Commit(Money.Euro(10_000_000m));

        var paid = budget.RecordPayment(Money.Euro(10_000_000m), 0.21m);

        Assert.Equal(Money.Euro(7_900_000m), paid);
        Assert.Equal(Money.Euro(7_900_000m), budget.Paid);
        Assert.Equal(Money.Euro(10_000_000m), budget.Committed);
        Assert.Equal(Money.Euro(10_000_000m), budget.AwardedPaidOut);
    }

    [Fact]
    public void RecordPayment_WhenMoreThanCommittedIsPaid_Throws()
    {
        var budget = Budget(100);
        budget.Commit(Money.Euro(50));

        Assert.Throws<BusinessRuleViolationException>(() => budget.RecordPayment(Money.Euro(50.01m), 0m));
    }

    [Fact]
    public void Reclaim_WhenWithinPaid_KeptApartFromCommitted()
    {
        var budget = Budget(100);
        budget.Commit(Money.Euro(50));
        budget.RecordPayment(Money.Euro(50), 0m);

        budget.Reclaim(Money.Euro(20));

        Assert.Equal(Money.Euro(20), budget.Reclaimed);
        Assert.Equal(Money.Euro(50), budget.Committed);
        Assert.Equal(Money.Euro(50), budget.Paid);
        Assert.Throws<BusinessRuleViolationException>(() => budget.Reclaim(Money.Euro(30.01m)));
    }

    [Fact]
    public void ReleaseCommitment_WhenAwardWithdrawn_RemainingGrows()
    {
        var budget = Budget(100);
        budget.Commit(Money.Euro(80));

        budget.ReleaseCommitment(Money.Euro(30));

        Assert.Equal(Money.Euro(50), budget.Remaining);
    }

    [Fact]
    public void Commit_WhenAllocatorResultCommitted_StaysWithinCeiling()
    {
        var budget = Budget(100);
        budget.Commit(Money.Euro(25));
        var ranking = Ranking.Rank([
            new RankingCandidate("A", "GM0001", Money.Euro(50), 9m),
            new RankingCandidate("B", "GM0002", Money.Euro(50), 8m),
        ]);

        var result = Allocator.Allocate(ranking, budget.Ceiling, budget.Committed, HistoricRuleSets.For(Regeling.Vhf, "2023"));
        foreach (var allocation in result.Allocations.Where(a => a.Outcome.Amount > Money.Zero))
        {
            budget.Commit(allocation.Outcome.Amount);
        }

        Assert.Equal(Money.Euro(100), budget.Committed);
    }
}
