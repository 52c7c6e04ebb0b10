using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Casework.Domain.Time;

/// <summary>A generally recognised holiday (algemeen erkende feestdag) of the Algemene termijnenwet.</summary>
/// <param name="Date">The calendar date (Europe/Amsterdam).</param>
/// <param name="Name">Dutch name, e.g. <c>Tweede Kerstdag</c>.</param>
/// <param name="Source">The article that makes it a holiday.</param>
public sealed record Holiday(DateOnly Date, string Name, string Source);

/// <summary>
/// The working-day calendar of the Algemene termijnenwet (Atw): Saturdays, Sundays, the holidays of
/// Atw art. 3 lid 1 and 2 and the days equated with them under art. 3 lid 3 are no working days.
/// Easter-based holidays are computed, never tabled (the static members); equated days are data, taken in
/// as <see cref="EquatedDays"/> (the instance members).
/// </summary>
public sealed class DutchCalendar
{
    private const string EquatedPrefix = "gelijkgesteld met een algemeen erkende feestdag, ";

    public DutchCalendar(EquatedDays equatedDays)
    {
        ArgumentNullException.ThrowIfNull(equatedDays);
        EquatedDays = equatedDays;
    }

    /// <summary>
    /// Holidays of art. 3 lid 1 and 2 only, no equated day: for planning that is no legal term (a meeting date).
    /// Never for a term: the term calculator and deadlines take the calendar with the known besluiten.
    /// </summary>
    public static DutchCalendar HolidaysOnly { get; } = new(EquatedDays.None);

    public EquatedDays EquatedDays { get; }

    private const string Art3Lid1 = "Algemene termijnenwet art. 3 lid 1";
    private const string Art3Lid2 = "Algemene termijnenwet art. 3 lid 2";

    // The Atw text names the second Easter and Whit days; the first days are Sundays and so never
    // working days. They are listed so a user sees the name rather than just "zondag".
    private const string SundayAnyway = "Algemene termijnenwet art. 1 (zondag)";

    // Working-day checks run in loops (Atw art. 2, chains of holidays); the names per year are computed once.
    private static readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, string>> NamesByYear = new();

    /// <summary>Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// The day the King's birthday is celebrated: 27 April, or 26 April when 27 April is a Sunday
    /// (Wet viering Koningsdag, from 2014). Before 2014: Koninginnedag, 30 April, or 29 April when that is a Sunday.
    /// </summary>
    public static Holiday KingsDay(int year)
    {
        if (year >= 2014)
        {
            var kingsDay = new DateOnly(year, 4, 27);
            return new Holiday(kingsDay.DayOfWeek == DayOfWeek.Sunday ? kingsDay.AddDays(-1) : kingsDay, "Koningsdag", Art3Lid1);
        }

        var queensDay = new DateOnly(year, 4, 30);
        return new Holiday(queensDay.DayOfWeek == DayOfWeek.Sunday ? queensDay.AddDays(-1) : queensDay, "Koninginnedag", Art3Lid1);
    }

    /// <summary>All holidays of the year in date order. Two may share a date (Ascension Day on 5 May).</summary>
    public static IReadOnlyList<Holiday> HolidaysIn(int year)
    {
        var easter = EasterSunday(year);
        Holiday[] holidays =
        [
            new(new DateOnly(year, 1, 1), "Nieuwjaarsdag", Art3Lid1),
            new(easter.AddDays(-2), "Goede Vrijdag", Art3Lid2),
            new(easter, "Eerste Paasdag", SundayAnyway),
            new(easter.AddDays(1), "Tweede Paasdag", Art3Lid1),
            KingsDay(year),
            new(new DateOnly(year, 5, 5), "Bevrijdingsdag", Art3Lid1),
            new(easter.AddDays(39), "Hemelvaartsdag", Art3Lid1),
            new(easter.AddDays(49), "Eerste Pinksterdag", SundayAnyway),
            new(easter.AddDays(50), "Tweede Pinksterdag", Art3Lid1),
            new(new DateOnly(year, 12, 25), "Eerste Kerstdag", Art3Lid1),
            new(new DateOnly(year, 12, 26), "Tweede Kerstdag", Art3Lid1),
        ];
        return [.. holidays.OrderBy(h => h.Date)];
    }

    /// <summary>The Dutch holiday name(s) of the date, joined with " en " when two fall together; else null.</summary>
    public static string? HolidayName(DateOnly date) =>
        NamesByYear.GetOrAdd(date.Year, BuildNames).GetValueOrDefault(date);

    /// <summary>A holiday of Atw art. 3 lid 1 or 2 (computed; equated days are not included: see <see cref="IsEquated"/>).</summary>
    public static bool IsHoliday(DateOnly date) => HolidayName(date) is not null;

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The besluit gelijkstelling that equates the date with a holiday (Atw art. 3 lid 3); null when none does.</summary>
    public EquatedDaysDecree? EquatedBy(DateOnly date) => EquatedDays.DecreeOn(date);

    public bool IsEquated(DateOnly date) => EquatedDays.DecreeOn(date) is not null;

    /// <summary>A holiday of art. 3 lid 1 or 2, or a day equated with one under lid 3.</summary>
    public bool IsHolidayOrEquated(DateOnly date) => IsHoliday(date) || IsEquated(date);

    /// <summary>True when a known besluit gelijkstelling covers the year; else a day equated in it cannot be known.</summary>
    public bool IsEquatedKnown(int year) => EquatedDays.IsKnown(year);

    /// <summary>Not a Saturday, Sunday, holiday or equated day (Atw art. 1 lid 1, art. 3).</summary>
    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !IsHoliday(date) && !IsEquated(date);

    /// <summary>The first working day strictly after the date.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>The date itself when it is a working day, else the next working day (the Atw art. 1 move).</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    private static FrozenDictionary<DateOnly, string> BuildNames(int year) =>
        HolidaysIn(year)
            .GroupBy(h => h.Date)
            .ToFrozenDictionary(g => g.Key, g => string.Join(" en ", g.Select(h => h.Name)));

    /// <summary>Working days in the inclusive range.</summary>
    public int WorkingDaysBetween(DateOnly firstDay, DateOnly lastDay)
    {
        var count = 0;
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Why the date is no working day, in Dutch: the holiday name, "gelijkgesteld met een algemeen erkende feestdag,
    /// &lt;besluit&gt;", or "weekend"; null for a working day.
    /// </summary>
    public string? NonWorkingReason(DateOnly date) =>
        HolidayName(date)
        ?? (EquatedBy(date) is { } decree ? EquatedPrefix + decree.Title : null)
        ?? (IsWeekend(date) ? "weekend" : null);
}
