using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// Priority points (VHF from round 4): a gemeente that has never had an award but whose earlier application
/// scored "voldoende" gets <see cref="Points"/> on top of its total, and only if this application passes without
/// them. Passing is a positive advice and, when <see cref="PassMark"/> is set, a total without the points of at
/// least that mark.
/// </summary>
public sealed record PriorityPointsParameter
{
    public required decimal Points { get; init; }

    /// <summary>The lowest total (without the points) that passes; null: a positive advice is the pass.</summary>
    public decimal? PassMark { get; init; }

    public required string Source { get; init; }
}

/// <summary>Which applications a reserved part of the ceiling goes to first.</summary>
public enum PriorityCategory
{
    /// <summary>Projects that provide student housing (WBI T6).</summary>
    StudentHousing,
}

/// <summary>
/// Part of the ceiling reserved for one category (WBI T6: EUR 20M for student housing). Qualifying applications
/// are awarded from it first, in their rank order, with full awards only; the rest of the ceiling then goes
/// down the whole ranking as usual, qualifying applications the reservation could not carry included.
/// </summary>
public sealed record PriorityBudgetParameter
{
    public required PriorityCategory Category { get; init; }

    public required Money Amount { get; init; }

    public required string Source { get; init; }
}

/// <summary>What the priority-points rule needs to know about one application and its gemeente.</summary>
public sealed record PriorityPointsFacts(
    CommitteeAdvice? Advice,
    decimal TotalWithoutPoints,
    bool GemeenteHasEarlierAward,
    bool GemeenteScoredSufficientEarlier);

/// <summary>The priority points an application gets under its round's rule set.</summary>
public static class PriorityPoints
{
    public static decimal For(FundingRuleSet ruleSet, PriorityPointsFacts facts)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(facts);
        if (ruleSet.PriorityPoints is not { } parameter)
        {
            return 0m;
        }

        var passesWithoutPoints = facts.Advice == CommitteeAdvice.Positief
            && (parameter.PassMark is not { } mark || facts.TotalWithoutPoints >= mark);
        return passesWithoutPoints && !facts.GemeenteHasEarlierAward && facts.GemeenteScoredSufficientEarlier
            ? parameter.Points
            : 0m;
    }
}
