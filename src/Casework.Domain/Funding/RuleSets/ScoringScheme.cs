namespace Casework.Domain.Funding;

/// <summary>One assessment criterion, scored between <see cref="MinScore"/> and <see cref="MaxScore"/>.</summary>
public sealed record ScoringCriterion(string Name, decimal Weight, decimal MinScore = 1m, decimal MaxScore = 10m);

/// <summary>The criteria the committee scores, with their weights. Empty: the committee ranks without weights.</summary>
public sealed record ScoringScheme(IReadOnlyList<ScoringCriterion> Criteria, string Source)
{
    public static ScoringScheme None(string source) => new([], source);
}
