using Casework.Domain.Common;
using Casework.Domain.Funding;

namespace Casework.Domain.Tests.Funding;

public class RankingAndAllocationTests
{
    private static readonly FundingRuleSet Vhf2024R4 = HistoricRuleSets.For(Regeling.Vhf, "2024-R4");
    private static readonly FundingRuleSet Vhf2021 = HistoricRuleSets.For(Regeling.Vhf, "2021");

    private static RankingCandidate Candidate(string reference, decimal total, decimal requested, string gemeente = "GM0001") =>
        new(reference, gemeente, Money.Euro(requested), total);

    [Fact]
    public void Rank_WhenTotalsDiffer_OrdersDescendingByExactTotal()
    {
        var ranking = Ranking.Rank([Candidate("A", 7.645m, 1), Candidate("B", 7.65m, 1), Candidate("C", 8m, 1)]);

        Assert.Equal("C,B,A", string.Join(",", ranking.Applications.Select(a => a.ApplicationReference)));
        Assert.Equal("1,2,3", string.Join(",", ranking.Applications.Select(a => a.Position)));
        Assert.False(ranking.HasUnresolvedTies);
    }

    [Fact]
    public void Rank_WhenTwoTotalsAreEqual_BothFlaggedTieUnresolvedWithSharedPosition()
    {
        var ranking = Ranking.Rank([Candidate("A", 7m, 1), Candidate("B", 8m, 1), Candidate("C", 7m, 1), Candidate("D", 6m, 1)]);

        var tied = ranking.Applications.Where(a => a.TieUnresolved).ToList();
        Assert.Equal("A,C", string.Join(",", tied.Select(a => a.ApplicationReference)));
        Assert.All(tied, a => Assert.Equal(2, a.Position));
        Assert.Equal(4, ranking.Applications.Single(a => a.ApplicationReference == "D").Position);
        Assert.True(ranking.HasUnresolvedTies);
    }

    [Fact]
    public void Rank_WhenPersonGivesTieBreakOrder_TieResolvedInThatOrder()
    {
        var ranking = Ranking.Rank([Candidate("A", 7m, 1), Candidate("B", 8m, 1), Candidate("C", 7m, 1)], tieBreakOrder: ["C", "A"]);

        Assert.Equal("B,C,A", string.Join(",", ranking.Applications.Select(a => a.ApplicationReference)));
        Assert.Equal("1,2,3", string.Join(",", ranking.Applications.Select(a => a.Position)));
        Assert.False(ranking.HasUnresolvedTies);
    }

    [Fact]
    public void Allocate_WhenLastRankedFitsOnlyPartly_GetsPartialAwardAndRestRejected()
    {
        var ranking = Ranking.Rank([Candidate("A", 9m, 60), Candidate("B", 8m, 30), Candidate("C", 7m, 20), Candidate("D", 6m, 5)]);

        var result = Allocator.Allocate(ranking, Money.Euro(100), Money.Zero, Vhf2024R4);

        Assert.Equal(new FullAward(Money.Euro(60)), result.OutcomeFor("A"));
        Assert.Equal(new FullAward(Money.Euro(30)), result.OutcomeFor("B"));
        Assert.Equal(new PartialAward(Money.Euro(10), Money.Euro(20)), result.OutcomeFor("C"));
        Assert.Equal(Rejected.CeilingReached, Assert.IsType<Rejected>(result.OutcomeFor("D")).Reason);
        Assert.Equal(Money.Euro(100), result.TotalAwarded);
    }

    [Fact]
    public void Allocate_WhenMoneyAlreadyCommitted_OnlyRemainderIsAwarded()
    {
        var ranking = Ranking.Rank([Candidate("A", 9m, 60), Candidate("B", 8m, 30)]);

        var result = Allocator.Allocate(ranking, Money.Euro(100), Money.Euro(50), Vhf2024R4);

        Assert.Equal(new PartialAward(Money.Euro(50), Money.Euro(60)), result.OutcomeFor("A"));
        Assert.IsType<Rejected>(result.OutcomeFor("B"));
        Assert.Equal(Money.Euro(50), result.TotalAwarded);
    }

    [Fact]
    public void Allocate_WhenManyApplicationsAskMoreThanCeiling_NeverExceedsCeiling()
    {
        var candidates = Enumerable.Range(1, 40).Select(i => Candidate($"A{i:00}", 100m - i, 1_234_567.89m * i, $"GM{i:0000}"));
        var ceiling = Money.Euro(113_996_000m);

        var result = Allocator.Allocate(Ranking.Rank(candidates), ceiling, Money.Zero, Vhf2024R4);

        Assert.True(result.TotalAwarded <= ceiling);
        Assert.Equal(ceiling, result.TotalAwarded);
        Assert.Single(result.Allocations, a => a.Outcome is PartialAward);
    }

    [Fact]
    public void Allocate_WhenVhf2021GemeenteRanksTwice_SecondIsRejectedOneAwardPerGemeente()
    {
        var ranking = Ranking.Rank([
            Candidate("A", 9m, 10, "GM0363"),
            Candidate("B", 8m, 10, "GM0363"),
            Candidate("C", 7m, 10, "GM0344"),
        ]);

        var result = Allocator.Allocate(ranking, Money.Euro(100), Money.Zero, Vhf2021);

        Assert.IsType<FullAward>(result.OutcomeFor("A"));
        Assert.Equal(Rejected.OneAwardPerGemeente, Assert.IsType<Rejected>(result.OutcomeFor("B")).Reason);
        Assert.IsType<FullAward>(result.OutcomeFor("C"));
    }

    [Fact]
    public void Allocate_WhenSameGemeenteRanksTwiceInLaterRound_BothAwarded()
    {
        var ranking = Ranking.Rank([Candidate("A", 9m, 10, "GM0363"), Candidate("B", 8m, 10, "GM0363")]);

        var result = Allocator.Allocate(ranking, Money.Euro(100), Money.Zero, Vhf2024R4);

        Assert.IsType<FullAward>(result.OutcomeFor("B"));
    }

    [Fact]
    public void Allocate_WhenUnresolvedTieStraddlesMoneyLine_Refuses()
    {
        var ranking = Ranking.Rank([Candidate("A", 9m, 60), Candidate("B", 8m, 30), Candidate("C", 8m, 30)]);

        var ex = Assert.Throws<BusinessRuleViolationException>(() => Allocator.Allocate(ranking, Money.Euro(100), Money.Zero, Vhf2024R4));

        Assert.Equal("RANGSCHIKKING-GELIJKE-SCORE", Assert.Single(ex.BrokenRules).Code);
    }

    [Fact]
    public void Allocate_WhenUnresolvedTieIsFullyFundedOrBelowLine_Allocates()
    {
        var fundedTie = Ranking.Rank([Candidate("A", 9m, 60), Candidate("B", 8m, 20), Candidate("C", 8m, 20), Candidate("D", 7m, 50)]);
        var tieBelowLine = Ranking.Rank([Candidate("A", 9m, 100), Candidate("B", 8m, 20), Candidate("C", 8m, 20)]);

        var funded = Allocator.Allocate(fundedTie, Money.Euro(100), Money.Zero, Vhf2024R4);
        var below = Allocator.Allocate(tieBelowLine, Money.Euro(100), Money.Zero, Vhf2024R4);

        Assert.IsType<FullAward>(funded.OutcomeFor("B"));
        Assert.IsType<FullAward>(funded.OutcomeFor("C"));
        Assert.IsType<Rejected>(funded.OutcomeFor("D"));
        Assert.IsType<Rejected>(below.OutcomeFor("B"));
        Assert.IsType<Rejected>(below.OutcomeFor("C"));
    }

    [Fact]
    public void Allocate_WhenTieBetweenTwoApplicationsOfOneGemeenteUnderOneAwardRule_Refuses()
    {
        var ranking = Ranking.Rank([Candidate("A", 8m, 10, "GM0363"), Candidate("B", 8m, 10, "GM0363")]);

        Assert.Throws<BusinessRuleViolationException>(() => Allocator.Allocate(ranking, Money.Euro(100), Money.Zero, Vhf2021));
    }

    [Fact]
    public void Allocate_WhenPersonResolvedTheStraddlingTie_FirstInTheirOrderGetsTheMoney()
    {
        var ranking = Ranking.Rank([Candidate("A", 9m, 60), Candidate("B", 8m, 30), Candidate("C", 8m, 30)], tieBreakOrder: ["C", "B"]);

        var result = Allocator.Allocate(ranking, Money.Euro(100), Money.Zero, Vhf2024R4);

        Assert.Equal(new FullAward(Money.Euro(30)), result.OutcomeFor("C"));
        Assert.Equal(new PartialAward(Money.Euro(10), Money.Euro(30)), result.OutcomeFor("B"));
    }
}
