using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// The planned construction start lies within the round's term (WBI: 3 years) of the expected decision date.
/// A check of the plan at admission; the real milestone deadline runs from the actual decision.
/// </summary>
public sealed class PlannedConstructionStartWithinTermRule(
    Regeling regeling,
    DateOnly plannedStart,
    DateOnly expectedDecisionDate,
    RuleParameter<int> years) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-START-BOUW";

    public string Source => years.Source;

    public DateOnly LatestStart => expectedDecisionDate.AddYears(years.Value);

    public bool IsBroken() => plannedStart > LatestStart;

    public string Message =>
        $"De geplande start is {Dutch.Date(plannedStart)}; de bouw moet binnen {years.Value} jaar na het besluit " +
        $"(verwacht {Dutch.Date(expectedDecisionDate)}) starten, dus uiterlijk {Dutch.Date(LatestStart)}.";
}

/// <summary>The planned completion lies within the round's term (10 years) of the expected decision date.</summary>
public sealed class PlannedCompletionWithinTermRule(
    Regeling regeling,
    DateOnly plannedStart,
    DateOnly plannedCompletion,
    DateOnly expectedDecisionDate,
    RuleParameter<int> years) : IBusinessRule
{
    public string Code => $"{regeling.Prefix()}-GEREED";

    public string Source => years.Source;

    public DateOnly LatestCompletion => expectedDecisionDate.AddYears(years.Value);

    public bool IsBroken() => plannedCompletion > LatestCompletion || plannedCompletion < plannedStart;

    public string Message => plannedCompletion < plannedStart
        ? $"De geplande oplevering ({Dutch.Date(plannedCompletion)}) ligt vóór de geplande start ({Dutch.Date(plannedStart)})."
        : $"De geplande oplevering is {Dutch.Date(plannedCompletion)}; het project moet binnen {years.Value} jaar na het besluit " +
          $"(verwacht {Dutch.Date(expectedDecisionDate)}) gereed zijn, dus uiterlijk {Dutch.Date(LatestCompletion)}.";
}
