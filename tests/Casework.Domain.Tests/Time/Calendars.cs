using Casework.Domain.Time;

namespace Casework.Domain.Tests.Time;

/// <summary>The calendar with the besluiten gelijkstelling known to Casework (the seed data of the web host, docs/domain.md).</summary>
internal static class Calendars
{
    public const string Besluit2017 = "Besluit gelijkstelling (KB van 31 oktober 2016, Stcrt. 2016, 58653)";

    public const string Besluit2023 = "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag";

    public const string Besluit2026 = "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag";

    public static IReadOnlyList<(string Besluit, int FirstYear, int LastYear, string[] Days)> KnownBesluiten { get; } =
    [
        (Besluit2017, 2017, 2019, ["2017-04-28", "2017-05-26", "2018-05-11", "2018-12-24", "2018-12-31", "2019-05-31", "2019-12-27"]),
        (Besluit2023, 2023, 2025, ["2023-04-28", "2023-05-19", "2024-05-10", "2024-12-27", "2025-05-30"]),
        (Besluit2026, 2026, 2028, ["2026-01-02", "2026-05-15", "2027-05-07", "2028-04-28", "2028-05-26"]),
    ];

    public static DutchCalendar Known { get; } = new(Build(KnownBesluiten));

    public static EquatedDays Build(IEnumerable<(string Besluit, int FirstYear, int LastYear, string[] Days)> besluiten)
    {
        var equated = EquatedDays.None;
        foreach (var (besluit, first, last, days) in besluiten)
        {
            var decree = EquatedDaysDecree.Record(Guid.NewGuid(), besluit, first, last, days.Select(Dates.D), equated, DateTimeOffset.UnixEpoch, "test");
            equated = new EquatedDays([.. equated.Decrees, decree]);
        }

        return equated;
    }
}
