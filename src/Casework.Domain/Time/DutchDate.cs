namespace Casework.Domain.Time;

/// <summary>Dutch date notation for explanation texts, independent of the server culture.</summary>
public static class DutchDate
{
    private static readonly string[] Weekdays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];

    private static readonly string[] Months =
    [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ];

    public static string WeekdayName(DateOnly date) => Weekdays[(int)date.DayOfWeek];

    public static string MonthName(int month) => Months[month - 1];

    /// <summary><c>26-12-2024</c>.</summary>
    public static string Numeric(DateOnly date) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date.Day:00}-{date.Month:00}-{date.Year:0000}");

    /// <summary><c>donderdag 26-12-2024</c>.</summary>
    public static string WithWeekday(DateOnly date) => $"{WeekdayName(date)} {Numeric(date)}";
}
