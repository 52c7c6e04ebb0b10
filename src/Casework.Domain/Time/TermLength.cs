namespace Casework.Domain.Time;

public enum TermUnit
{
    Days,
    Weeks,
    Months,
    Years,
}

/// <summary>
/// The length of a term (e.g. 6 weeks). Applied to the day of the event, because a term starts on the
/// day after the event (Awb 6:8; Atw) and so ends on the same weekday (weeks) or the same day number
/// (months, years) as the event day; a day number the end month lacks becomes its last day.
/// </summary>
public readonly record struct TermLength
{
    public TermLength(int value, TermUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown term unit.");
        }

        Value = value;
        Unit = unit;
    }

    public int Value { get; }

    public TermUnit Unit { get; }

    public static TermLength Days(int value) => new(value, TermUnit.Days);

    public static TermLength Weeks(int value) => new(value, TermUnit.Weeks);

    public static TermLength Months(int value) => new(value, TermUnit.Months);

    public static TermLength Years(int value) => new(value, TermUnit.Years);

    /// <summary>
    /// The last day of a term of this length for an event on <paramref name="eventDate"/>:
    /// days and weeks count whole days; months and years keep the day number, clamped to the month end
    /// (31-01 + 1 month = 28/29-02; 29-02 + 1 year = 28-02).
    /// </summary>
    public DateOnly EndFor(DateOnly eventDate) => Unit switch
    {
        TermUnit.Days => eventDate.AddDays(Value),
        TermUnit.Weeks => eventDate.AddDays(7 * Value),
        TermUnit.Months => eventDate.AddMonths(Value),
        TermUnit.Years => eventDate.AddYears(Value),
        _ => throw new InvalidOperationException($"Unknown term unit {Unit}."),
    };

    /// <summary>How many calendar days this length adds when applied to <paramref name="from"/>.</summary>
    public int DaysFrom(DateOnly from) => EndFor(from).DayNumber - from.DayNumber;

    /// <summary>Dutch, e.g. <c>6 weken</c>, <c>1 maand</c>.</summary>
    public override string ToString() => (Unit, Value) switch
    {
        (TermUnit.Days, 1) => "1 dag",
        (TermUnit.Days, _) => $"{Value} dagen",
        (TermUnit.Weeks, 1) => "1 week",
        (TermUnit.Weeks, _) => $"{Value} weken",
        (TermUnit.Months, 1) => "1 maand",
        (TermUnit.Months, _) => $"{Value} maanden",
        (TermUnit.Years, _) => $"{Value} jaar",
        _ => $"{Value} {Unit}",
    };
}
