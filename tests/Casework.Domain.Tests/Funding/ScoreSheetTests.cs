using Casework.Domain.Common;
using Casework.Domain.Funding;

namespace Casework.Domain.Tests.Funding;

public class ScoreSheetTests
{
    private static Dictionary<string, decimal> Scores(decimal noodzaak, decimal effectiviteit, decimal efficientie, decimal urgentie) => new()
    {
        ["noodzaak"] = noodzaak,
        ["effectiviteit"] = effectiviteit,
        ["efficientie"] = efficientie,
        ["urgentie"] = urgentie,
    };

    [Fact]
    public void Create_WhenScored8_7_6_9With2025WbiWeights_TotalIsExactly7_65()
    {
        // 8 x 0.30 + 7 x 0.30 + 6 x 0.15 + 9 x 0.25 = 2.40 + 2.10 + 0.90 + 2.25 = 7.65
        var sheet = ScoreSheet.Create(HistoricRuleSets.WbiScoring2025, Scores(8, 7, 6, 9));

        Assert.Equal(7.65m, sheet.Total);
    }

    [Fact]
    public void Create_WhenTotalHasThreeDecimals_TotalStaysExactAndDisplayRoundsToTwo()
    {
        // 8 x 0.30 + 7 x 0.30 + 6.5 x 0.15 + 9 x 0.25 = 7.725
        var sheet = ScoreSheet.Create(HistoricRuleSets.WbiScoring2025, Scores(8, 7, 6.5m, 9));

        Assert.Equal(7.725m, sheet.Total);
        Assert.Equal(7.73m, sheet.DisplayTotal);
    }

    [Fact]
    public void Create_WhenAllScoresAtBounds_TotalsAre1And10()
    {
        Assert.Equal(1m, ScoreSheet.Create(HistoricRuleSets.WbiScoring2025, Scores(1, 1, 1, 1)).Total);
        Assert.Equal(10m, ScoreSheet.Create(HistoricRuleSets.WbiScoring2025, Scores(10, 10, 10, 10)).Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10.5)]
    [InlineData(11)]
    public void Create_WhenAScoreIsOutOfRange_ThrowsOutOfRange(decimal score)
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(() => ScoreSheet.Create(HistoricRuleSets.WbiScoring2025, Scores(score, 7, 6, 9)));

        Assert.Equal("SCORE-BUITEN-BEREIK", Assert.Single(ex.BrokenRules).Code);
    }

    [Fact]
    public void Create_WhenCriterionMissingAndUnknownOneGiven_ReportsBoth()
    {
        var scores = new Dictionary<string, decimal> { ["noodzaak"] = 8, ["effectiviteit"] = 7, ["efficientie"] = 6, ["schoonheid"] = 9 };

        var ex = Assert.Throws<BusinessRuleViolationException>(() => ScoreSheet.Create(HistoricRuleSets.WbiScoring2025, scores));

        Assert.Equal("SCORE-ONBEKEND-CRITERIUM,SCORE-ONTBREEKT", string.Join(",", ex.BrokenRules.Select(r => r.Code).Order(StringComparer.Ordinal)));
        Assert.Contains(ex.BrokenRules, r => r.Message.Contains("urgentie", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_WhenSchemeHasNoCriteria_Refuses()
    {
        var vhf = HistoricRuleSets.For(Regeling.Vhf, "2023").Scoring;

        var ex = Assert.Throws<BusinessRuleViolationException>(() => ScoreSheet.Create(vhf, Scores(8, 7, 6, 9)));

        Assert.Equal("SCORE-GEEN-CRITERIA", Assert.Single(ex.BrokenRules).Code);
    }
}
