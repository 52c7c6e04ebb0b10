using Casework.Domain.Common;
using Casework.Domain.Funding;

namespace Casework.Domain.Tests.Funding;

public class HistoricRuleSetsTests
{
    public static TheoryData<Regeling, string> SeededRounds => new()
    {
        { Regeling.Vhf, "2021" }, { Regeling.Vhf, "2023" }, { Regeling.Vhf, "2024-R3" }, { Regeling.Vhf, "2024-R4" },
        { Regeling.Wbi, "T1" }, { Regeling.Wbi, "T2" }, { Regeling.Wbi, "T3" }, { Regeling.Wbi, "T4" }, { Regeling.Wbi, "T5" }, { Regeling.Wbi, "T6" },
    };

    [Theory]
    [MemberData(nameof(SeededRounds))]
    public void For_WhenSeededRound_ReturnsItsRuleSetWithSources(Regeling regeling, string round)
    {
        var ruleSet = HistoricRuleSets.For(regeling, round);

        Assert.Equal(regeling, ruleSet.Regeling);
        Assert.Equal(round, ruleSet.Round);
        Assert.False(string.IsNullOrWhiteSpace(ruleSet.MinimumHomes.Source));
        Assert.False(string.IsNullOrWhiteSpace(ruleSet.WindowSource));
        Assert.Equal(8, ruleSet.Beslistermijn.Weeks);
        Assert.Equal(BeslistermijnStart.Ontvangst, ruleSet.Beslistermijn.Start);
        Assert.Equal("Awb 4:13 lid 2", ruleSet.Beslistermijn.Source);
        Assert.True(ruleSet.Beslistermijn.IsAwbDefault);
    }

    [Fact]
    public void For_WhenUnknownRound_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => HistoricRuleSets.For(Regeling.Wbi, "T99"));
    }

    [Theory]
    [MemberData(nameof(SeededRounds))]
    public void Serialize_WhenRoundTripped_JsonIsIdentical(Regeling regeling, string round)
    {
        var json = FundingRuleSetJson.Serialize(HistoricRuleSets.For(regeling, round));

        var again = FundingRuleSetJson.Serialize(FundingRuleSetJson.Deserialize(json));

        Assert.Equal(json, again);
    }

    [Fact]
    public void Serialize_WhenWbiT4_UsesCamelCaseAndReadableEnums()
    {
        var json = FundingRuleSetJson.Serialize(HistoricRuleSets.For(Regeling.Wbi, "T4"));

        Assert.Contains("\"ruleSetVersion\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"regeling\": \"wbi\"", json, StringComparison.Ordinal);
        Assert.Contains("\"inhabitantsThreshold\": 50000", json, StringComparison.Ordinal);
        Assert.Contains("\"populationReference\": \"cbsFigureAtRoundAnnouncement\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenVhfRound4Read_KeepsMoneyAndShares()
    {
        var copy = FundingRuleSetJson.Deserialize(FundingRuleSetJson.Serialize(HistoricRuleSets.For(Regeling.Vhf, "2024-R4")));

        Assert.Equal(0.10m, copy.MaximumAmountPerApplication!.ShareOfCeiling);
        Assert.Equal(0.70m, copy.PrimaryActivitiesShareMinimum!.Value);
        Assert.Equal(Money.Euro(15_000_000m), copy.MaximumAmountPerApplication.For(Money.Euro(150_000_000m)));
    }

    [Fact]
    public void Deserialize_WhenAmountsRead_MoneyIsNotLost()
    {
        var json = FundingRuleSetJson.Serialize(HistoricRuleSets.For(Regeling.Wbi, "T5"));

        var copy = FundingRuleSetJson.Deserialize(json);

        Assert.Contains("\"value\": 355000", json, StringComparison.Ordinal);
        Assert.Equal(Money.Euro(355_000m), copy.KoopPriceLimit!.Value);
    }

    [Fact]
    public void With_WhenNewRoundDerivedFromT6_IsNewDataWithHigherVersion()
    {
        var t6 = HistoricRuleSets.For(Regeling.Wbi, "T6");

        var t7 = t6 with { Round = "T7", RuleSetVersion = t6.RuleSetVersion + 1, Scoring = HistoricRuleSets.WbiScoring2025 };

        Assert.Equal("T6", t6.Round);
        Assert.Equal(2, t7.RuleSetVersion);
        Assert.Equal(200, t7.MinimumHomes.Homes);
    }

    [Fact]
    public void WbiScoring2025_Weights_SumToOne()
    {
        Assert.Equal(1.00m, HistoricRuleSets.WbiScoring2025.Criteria.Sum(c => c.Weight));
    }
}
