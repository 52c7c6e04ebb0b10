using Casework.Domain.Common;
using Casework.Domain.Funding;

namespace Casework.Domain.Tests.Funding;

/// <summary>VHF round 4 priority points and the WBI T6 reservation for student housing, both as rule-set data.</summary>
public class PriorityTests
{
    private static readonly FundingRuleSet Vhf2024R4 = HistoricRuleSets.For(Regeling.Vhf, "2024-R4");
    private static readonly FundingRuleSet Vhf2023 = HistoricRuleSets.For(Regeling.Vhf, "2023");
    private static readonly FundingRuleSet WbiT6 = HistoricRuleSets.For(Regeling.Wbi, "T6");
    private static readonly FundingRuleSet WbiT5 = HistoricRuleSets.For(Regeling.Wbi, "T5");

    private static PriorityPointsFacts Eligible(decimal total = 60m) =>
        new(CommitteeAdvice.Positief, total, GemeenteHasEarlierAward: false, GemeenteScoredSufficientEarlier: true);

    private static RankingCandidate Candidate(string reference, decimal total, decimal requested, string gemeente = "GM0001", bool student = false) =>
        new(reference, gemeente, Money.Euro(requested), total) { QualifiesForPriorityBudget = student };

    [Fact]
    public void RuleSets_PriorityPointsOnlyFromVhfRound4_WithSource()
    {
        Assert.Equal(5m, Vhf2024R4.PriorityPoints!.Points);
        Assert.Contains("Stcrt. 2024-15432", Vhf2024R4.PriorityPoints.Source, StringComparison.Ordinal);
        Assert.Null(Vhf2023.PriorityPoints);
        Assert.Null(HistoricRuleSets.For(Regeling.Vhf, "2024-R3").PriorityPoints);
    }

    [Fact]
    public void PriorityPoints_WhenNoEarlierAwardAndEarlierSufficientAndPassesOnItsOwn_FivePoints() =>
        Assert.Equal(5m, PriorityPoints.For(Vhf2024R4, Eligible()));

    [Fact]
    public void PriorityPoints_WhenGemeenteHadEarlierAward_None() =>
        Assert.Equal(0m, PriorityPoints.For(Vhf2024R4, Eligible() with { GemeenteHasEarlierAward = true }));

    [Fact]
    public void PriorityPoints_WhenGemeenteNeverScoredSufficientBefore_None() =>
        Assert.Equal(0m, PriorityPoints.For(Vhf2024R4, Eligible() with { GemeenteScoredSufficientEarlier = false }));

    [Fact]
    public void PriorityPoints_WhenApplicationDoesNotPassWithoutThem_None()
    {
        Assert.Equal(0m, PriorityPoints.For(Vhf2024R4, Eligible() with { Advice = CommitteeAdvice.Negatief }));
        Assert.Equal(0m, PriorityPoints.For(Vhf2024R4, Eligible() with { Advice = null }));
    }

    [Fact]
    public void PriorityPoints_WithPassMarkInRuleSet_TotalJustBelowMarkGetsNoneAndAtMarkGetsThem()
    {
        var withMark = Vhf2024R4 with { PriorityPoints = Vhf2024R4.PriorityPoints! with { PassMark = 60m } };

        Assert.Equal(0m, PriorityPoints.For(withMark, Eligible(59.99m)));
        Assert.Equal(5m, PriorityPoints.For(withMark, Eligible(60m)));
    }

    [Fact]
    public void PriorityPoints_InRoundWithoutTheParameter_None() =>
        Assert.Equal(0m, PriorityPoints.For(Vhf2023, Eligible()));

    [Fact]
    public void Rank_WithPriorityPoints_LiftsApplicationAboveHigherCommitteeTotal()
    {
        var ranking = Ranking.Rank([Candidate("A", 64m, 1), Candidate("B", 60m, 1) with { PriorityPoints = 5m }]);

        Assert.Equal("B,A", string.Join(",", ranking.Applications.Select(a => a.ApplicationReference)));
        Assert.Equal(65m, ranking.Applications[0].RankingScore);
        Assert.Equal(60m, ranking.Applications[0].TotalScore);
    }

    [Fact]
    public void Rank_WhenPriorityPointsMakeTotalsEqual_TieFlagged()
    {
        var ranking = Ranking.Rank([Candidate("A", 65m, 1), Candidate("B", 60m, 1) with { PriorityPoints = 5m }]);

        Assert.True(ranking.Applications.All(a => a.TieUnresolved));
    }

    [Fact]
    public void RuleSets_StudentHousingReservationOnlyInWbiT6_WithSource()
    {
        Assert.Equal(PriorityCategory.StudentHousing, WbiT6.PriorityBudget!.Category);
        Assert.Equal(Money.Euro(20_000_000m), WbiT6.PriorityBudget.Amount);
        Assert.Contains("Stcrt. 2023-31609", WbiT6.PriorityBudget.Source, StringComparison.Ordinal);
        Assert.Null(WbiT5.PriorityBudget);
    }

    [Fact]
    public void Allocate_InT6_StudentHousingFundedFromReservationBeforeHigherRankedOthers()
    {
        // Ceiling 100: A and B (not student housing) would take it all; S (student housing, ranked last) goes first up to 20.
        var ranking = Ranking.Rank([Candidate("A", 9m, 60), Candidate("B", 8m, 40), Candidate("S", 5m, 20, student: true)]);

        var result = Allocator.Allocate(ranking, Money.Euro(100), Money.Zero, WbiT6 with { PriorityBudget = WbiT6.PriorityBudget! with { Amount = Money.Euro(20) } });

        Assert.Equal(new FullAward(Money.Euro(20)), result.OutcomeFor("S"));
        Assert.Equal(new FullAward(Money.Euro(60)), result.OutcomeFor("A"));
        Assert.Equal(new PartialAward(Money.Euro(20), Money.Euro(40)), result.OutcomeFor("B"));
        Assert.Equal(Money.Euro(100), result.TotalAwarded);
        Assert.Equal("A,B,S", string.Join(",", result.Allocations.Select(a => a.Application.ApplicationReference)));
    }

    [Fact]
    public void Allocate_WithoutReservation_SameRankingLeavesStudentHousingUnfunded()
    {
        var ranking = Ranking.Rank([Candidate("A", 9m, 60), Candidate("B", 8m, 40), Candidate("S", 5m, 20, student: true)]);

        var result = Allocator.Allocate(ranking, Money.Euro(100), Money.Zero, WbiT5);

        Assert.IsType<Rejected>(result.OutcomeFor("S"));
    }

    [Fact]
    public void Allocate_WhenReservationExactlyFitsOrOneCentShort_FundedFromItOrCompetesWithTheRest()
    {
        var t6 = WbiT6 with { PriorityBudget = WbiT6.PriorityBudget! with { Amount = Money.Euro(20m) } };
        var fits = Ranking.Rank([Candidate("A", 9m, 100), Candidate("S", 5m, 20m, student: true)]);
        var tooBig = Ranking.Rank([Candidate("A", 9m, 100), Candidate("S", 5m, 20.01m, student: true)]);

        var fitsResult = Allocator.Allocate(fits, Money.Euro(100), Money.Zero, t6);
        var tooBigResult = Allocator.Allocate(tooBig, Money.Euro(100), Money.Zero, t6);

        Assert.Equal(new FullAward(Money.Euro(20m)), fitsResult.OutcomeFor("S"));
        Assert.Equal(new PartialAward(Money.Euro(80), Money.Euro(100)), fitsResult.OutcomeFor("A"));
        Assert.Equal(new FullAward(Money.Euro(100)), tooBigResult.OutcomeFor("A"));
        Assert.IsType<Rejected>(tooBigResult.OutcomeFor("S"));
    }

    [Fact]
    public void Allocate_WhenReservationPartlyUsedByEarlierAwards_OnlyTheRestHasPriority()
    {
        var t6 = WbiT6 with { PriorityBudget = WbiT6.PriorityBudget! with { Amount = Money.Euro(20m) } };
        var ranking = Ranking.Rank([Candidate("A", 9m, 90), Candidate("S", 5m, 15m, student: true)]);

        var result = Allocator.Allocate(ranking, Money.Euro(100), Money.Zero, t6, priorityBudgetAlreadyUsed: Money.Euro(10m));

        Assert.Equal(new FullAward(Money.Euro(90)), result.OutcomeFor("A"));
        Assert.Equal(new PartialAward(Money.Euro(10), Money.Euro(15)), result.OutcomeFor("S"));
    }

    [Fact]
    public void RuleSetJson_PriorityParametersRoundTrip()
    {
        var r4 = FundingRuleSetJson.Deserialize(FundingRuleSetJson.Serialize(Vhf2024R4));
        var t6 = FundingRuleSetJson.Deserialize(FundingRuleSetJson.Serialize(WbiT6));

        Assert.Equal(Vhf2024R4.PriorityPoints, r4.PriorityPoints);
        Assert.Equal(WbiT6.PriorityBudget, t6.PriorityBudget);
    }
}
