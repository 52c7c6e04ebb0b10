namespace Casework.Domain.Time;

public enum TermStepKind
{
    Start,
    RawEnd,
    Suspension,
    Extension,
    AtwNextWorkingDay,
    AtwTwoWorkingDays,

    /// <summary>The end falls in a year that no known besluit gelijkstelling covers (Atw art. 3 lid 3).</summary>
    EquatedDaysUnknown,
    Due,
}

/// <summary>One step of the explanation, in Dutch, with the date it leads to.</summary>
public sealed record TermStep(TermStepKind Kind, DateOnly Date, string Text);

/// <summary>The result of <see cref="TermCalculator.Calculate"/>, with every step that led to the due date.</summary>
/// <param name="Kind">The term kind.</param>
/// <param name="EventDate">The day of the event the term counts from.</param>
/// <param name="FirstDay">The first day of the term: the day after the event.</param>
/// <param name="Length">The length used (the kind's, or the override); null for a fixed date.</param>
/// <param name="RawEndDate">The last day before suspension, extension and Atw.</param>
/// <param name="SuspendedDays">Days added for suspension (Awb 4:15).</param>
/// <param name="Extension">The extension by notice added, if any.</param>
/// <param name="EndBeforeAtw">Raw end plus suspension plus extension: the end the Atw is applied to.</param>
/// <param name="DueDate">The final last day on which the act is in time.</param>
/// <param name="Steps">The explanation, in order.</param>
/// <param name="UnknownEquatedYears">Years of the end that no known besluit gelijkstelling covers (flagged in the steps).</param>
public sealed record TermCalculation(
    TermKind Kind,
    DateOnly EventDate,
    DateOnly FirstDay,
    TermLength? Length,
    DateOnly RawEndDate,
    int SuspendedDays,
    TermLength? Extension,
    DateOnly EndBeforeAtw,
    DateOnly DueDate,
    IReadOnlyList<TermStep> Steps,
    IReadOnlyList<int> UnknownEquatedYears)
{
    public bool MovedByAtw => DueDate != EndBeforeAtw;
}
