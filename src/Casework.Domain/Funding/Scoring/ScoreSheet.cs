using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// The committee's scores for one application under a round's scoring scheme. Every criterion must be scored
/// within its range; the total is sum(score x weight) in exact decimals, rounded only for display.
/// </summary>
public sealed class ScoreSheet
{
    private const string Source = "Toetsingscommissie: score per criterium binnen het bereik van de ronde";

    private ScoreSheet(ScoringScheme scheme, IReadOnlyDictionary<string, decimal> scores, decimal total)
    {
        Scheme = scheme;
        Scores = scores;
        Total = total;
    }

    public ScoringScheme Scheme { get; }

    public IReadOnlyDictionary<string, decimal> Scores { get; }

    /// <summary>Exact total; ranking uses this value.</summary>
    public decimal Total { get; }

    /// <summary>The total rounded to 2 decimals (half away from zero), for display only.</summary>
    public decimal DisplayTotal => decimal.Round(Total, 2, MidpointRounding.AwayFromZero);

    /// <summary>Validates the scores; throws with every problem at once.</summary>
    public static ScoreSheet Create(ScoringScheme scheme, IReadOnlyDictionary<string, decimal> scores)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(scores);

        var broken = Validate(scheme, scores);
        if (broken.Count > 0)
        {
            throw new BusinessRuleViolationException(broken);
        }

        var byName = scores.ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);
        var total = scheme.Criteria.Sum(c => byName[c.Name] * c.Weight);
        return new ScoreSheet(scheme, byName, total);
    }

    public static IReadOnlyList<BrokenRule> Validate(ScoringScheme scheme, IReadOnlyDictionary<string, decimal> scores)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(scores);

        var broken = new List<BrokenRule>();
        if (scheme.Criteria.Count == 0)
        {
            broken.Add(new BrokenRule("SCORE-GEEN-CRITERIA", "Deze ronde kent geen gewogen criteria om te scoren.", scheme.Source));
            return broken;
        }

        var byName = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, score) in scores)
        {
            if (!byName.TryAdd(name, score))
            {
                broken.Add(new BrokenRule("SCORE-DUBBEL", $"Het criterium '{name}' is meer dan eens gescoord.", Source));
            }
        }

        foreach (var criterion in scheme.Criteria)
        {
            if (!byName.TryGetValue(criterion.Name, out var score))
            {
                broken.Add(new BrokenRule("SCORE-ONTBREEKT", $"Het criterium '{criterion.Name}' is niet gescoord.", scheme.Source));
            }
            else if (score < criterion.MinScore || score > criterion.MaxScore)
            {
                broken.Add(new BrokenRule(
                    "SCORE-BUITEN-BEREIK",
                    $"De score {Dutch.Number(score)} voor '{criterion.Name}' ligt buiten het bereik " +
                    $"{Dutch.Number(criterion.MinScore)}-{Dutch.Number(criterion.MaxScore)}.",
                    scheme.Source));
            }
        }

        foreach (var name in byName.Keys.Where(n => !scheme.Criteria.Any(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase))))
        {
            broken.Add(new BrokenRule("SCORE-ONBEKEND-CRITERIUM", $"Het criterium '{name}' hoort niet bij deze ronde.", scheme.Source));
        }

        return broken;
    }
}
