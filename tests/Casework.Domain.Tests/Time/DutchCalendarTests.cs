using Casework.Domain.Time;
using static Casework.Domain.Tests.Time.Calendars;
using static Casework.Domain.Tests.Time.Dates;

namespace Casework.Domain.Tests.Time;

public class DutchCalendarTests
{
    // Easter verified against python-dateutil's easter(); the others are Easter -2, +1, +39, +50.
    [Theory]
    [InlineData("2024-03-31", "2024-03-29", "2024-04-01", "2024-05-09", "2024-05-20")]
    [InlineData("2025-04-20", "2025-04-18", "2025-04-21", "2025-05-29", "2025-06-09")]
    [InlineData("2026-04-05", "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25")]
    [InlineData("2027-03-28", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17")]
    [InlineData("2028-04-16", "2028-04-14", "2028-04-17", "2028-05-25", "2028-06-05")]
    [InlineData("2029-04-01", "2029-03-30", "2029-04-02", "2029-05-10", "2029-05-21")]
    [InlineData("2030-04-21", "2030-04-19", "2030-04-22", "2030-05-30", "2030-06-10")]
    [InlineData("2031-04-13", "2031-04-11", "2031-04-14", "2031-05-22", "2031-06-02")]
    [InlineData("2032-03-28", "2032-03-26", "2032-03-29", "2032-05-06", "2032-05-17")]
    public void HolidaysIn_WhenYear2024To2032_EasterBasedDaysMatchTable(
        string easter, string goodFriday, string easterMonday, string ascension, string whitMonday)
    {
        var year = D(easter).Year;

        Assert.Equal(D(easter), DutchCalendar.EasterSunday(year));
        var holidays = DutchCalendar.HolidaysIn(year);
        Assert.Contains(holidays, h => h.Date == D(easter) && h.Name == "Eerste Paasdag");
        Assert.Contains(holidays, h => h.Date == D(goodFriday) && h.Name == "Goede Vrijdag");
        Assert.Contains(holidays, h => h.Date == D(easterMonday) && h.Name == "Tweede Paasdag");
        Assert.Contains(holidays, h => h.Date == D(ascension) && h.Name == "Hemelvaartsdag");
        Assert.Contains(holidays, h => h.Date == D(whitMonday) && h.Name == "Tweede Pinksterdag");
        Assert.Contains(holidays, h => h.Date == D(whitMonday).AddDays(-1) && h.Name == "Eerste Pinksterdag");
        Assert.False(Known.IsWorkingDay(D(goodFriday)));
        Assert.False(Known.IsWorkingDay(D(ascension)));
        Assert.False(Known.IsWorkingDay(D(whitMonday)));
        Assert.True(Known.IsWorkingDay(D(goodFriday).AddDays(-1)));
    }

    [Theory]
    [InlineData(2024, "2024-04-27")]
    [InlineData(2025, "2025-04-26")] // 27 April 2025 is a Sunday
    [InlineData(2026, "2026-04-27")]
    [InlineData(2031, "2031-04-26")] // 27 April 2031 is a Sunday
    [InlineData(2036, "2036-04-26")] // 27 April 2036 is a Sunday
    public void KingsDay_WhenTwentySeventhIsSunday_MovesToTwentySixth(int year, string expected)
    {
        Assert.Equal(D(expected), DutchCalendar.KingsDay(year).Date);
        Assert.Equal("Koningsdag", DutchCalendar.HolidayName(D(expected)));
    }

    [Theory]
    [InlineData(2013, "2013-04-30")]
    [InlineData(2006, "2006-04-29")] // 30 April 2006 was a Sunday
    public void KingsDay_WhenBefore2014_IsKoninginnedag(int year, string expected)
    {
        Assert.Equal(D(expected), DutchCalendar.KingsDay(year).Date);
        Assert.Equal("Koninginnedag", DutchCalendar.HolidayName(D(expected)));
    }

    [Fact]
    public void IsWorkingDay_WhenKingsDayMovedToSaturday_SundayTwentySeventhIsStillNoWorkingDayAndMondayIs()
    {
        Assert.Null(DutchCalendar.HolidayName(D("2025-04-27")));
        Assert.False(Known.IsWorkingDay(D("2025-04-27")));
        Assert.True(Known.IsWorkingDay(D("2025-04-28")));
    }

    [Fact]
    public void HolidaysIn_When2024_ListsElevenHolidaysInDateOrder()
    {
        var holidays = DutchCalendar.HolidaysIn(2024);

        Assert.Equal(
            [
                "Nieuwjaarsdag", "Goede Vrijdag", "Eerste Paasdag", "Tweede Paasdag", "Koningsdag", "Bevrijdingsdag",
                "Hemelvaartsdag", "Eerste Pinksterdag", "Tweede Pinksterdag", "Eerste Kerstdag", "Tweede Kerstdag",
            ],
            holidays.Select(h => h.Name));
        Assert.Equal(holidays.OrderBy(h => h.Date).Select(h => h.Date), holidays.Select(h => h.Date));
    }

    [Theory]
    [InlineData("2024-01-01", "Nieuwjaarsdag")]
    [InlineData("2024-05-05", "Bevrijdingsdag")]
    [InlineData("2027-05-05", "Bevrijdingsdag")] // every year under the Atw, not only lustrum years
    [InlineData("2024-12-25", "Eerste Kerstdag")]
    [InlineData("2024-12-26", "Tweede Kerstdag")]
    [InlineData("2016-05-05", "Bevrijdingsdag en Hemelvaartsdag")] // Easter 27-03-2016: Ascension on 5 May
    public void HolidayName_WhenFixedOrCoincidingHoliday_ReturnsDutchName(string date, string expected)
    {
        Assert.Equal(expected, DutchCalendar.HolidayName(D(date)));
        Assert.False(Known.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2024-04-26")]
    [InlineData("2024-12-23")]
    [InlineData("2022-05-27")] // Friday after Ascension 2022: no besluit for 2020-2022 is known here
    public void IsWorkingDay_WhenOrdinaryWeekday_ReturnsTrue(string date)
    {
        Assert.True(Known.IsWorkingDay(D(date)));
        Assert.Null(DutchCalendar.HolidayName(D(date)));
    }

    [Theory]
    [InlineData("2024-12-27", Besluit2023)]
    [InlineData("2024-05-10", Besluit2023)] // Friday after Ascension: an Atw art. 3 lid 3 designation makes it one
    [InlineData("2018-12-31", Besluit2017)]
    [InlineData("2026-01-02", Besluit2026)]
    public void IsWorkingDay_WhenEquatedByABesluit_ReturnsFalseAndNamesTheBesluit(string date, string besluit)
    {
        // Corrected: 27-12-2024 and 10-05-2024 were asserted to be working days; they are no holiday of art. 3 lid 1
        // or 2, but the besluit gelijkstelling of 2023 equates them with one (lid 3).
        Assert.Null(DutchCalendar.HolidayName(D(date)));
        Assert.True(DutchCalendar.HolidaysOnly.IsWorkingDay(D(date)));
        Assert.False(Known.IsWorkingDay(D(date)));
        Assert.Equal(besluit, Known.EquatedBy(D(date))?.Title);
        Assert.Equal("gelijkgesteld met een algemeen erkende feestdag, " + besluit, Known.NonWorkingReason(D(date)));
    }

    [Theory]
    [InlineData(2016, false)]
    [InlineData(2017, true)]
    [InlineData(2019, true)]
    [InlineData(2020, false)]
    [InlineData(2021, false)]
    [InlineData(2022, false)]
    [InlineData(2023, true)]
    [InlineData(2028, true)]
    [InlineData(2029, false)]
    [InlineData(2030, false)]
    public void IsEquatedKnown_WhenYear_TrueOnlyWhereABesluitCoversIt(int year, bool known)
    {
        Assert.Equal(known, Known.IsEquatedKnown(year));
    }

    [Fact]
    public void EquatedDaysDecreeRecord_WhenDaysAreWrong_NamesEveryBrokenRule()
    {
        var error = Assert.Throws<Casework.Domain.Common.BusinessRuleViolationException>(() => EquatedDaysDecree.Record(
            Guid.NewGuid(), Besluit2023, 2029, 2031, [D("2028-05-26"), D("2030-05-04"), D("2030-12-25"), D("2031-05-30")], Known.EquatedDays, DateTimeOffset.UnixEpoch, "test"));

        Assert.Equal(
            ["GELIJKSTELLING-BESLUIT-BEKEND", "GELIJKSTELLING-DAG-BUITEN-JAREN", "GELIJKSTELLING-DAG-BEKEND", "GELIJKSTELLING-DAG-WEEKEND", "GELIJKSTELLING-DAG-FEESTDAG"],
            error.BrokenRules.Select(r => r.Code));
        Assert.All(error.BrokenRules, r => Assert.StartsWith("Algemene termijnenwet art.", r.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void EquatedDaysDecreeRecord_WhenYearsReversed_IsRefused()
    {
        var error = Assert.Throws<Casework.Domain.Common.BusinessRuleViolationException>(() => EquatedDaysDecree.Record(
            Guid.NewGuid(), "Besluit gelijkstelling 2031", 2031, 2029, [D("2030-05-31")], Known.EquatedDays, DateTimeOffset.UnixEpoch, "test"));

        Assert.Contains(error.BrokenRules, r => r.Code == "GELIJKSTELLING-JAREN");
    }

    [Theory]
    [InlineData("2024-10-26", "2024-10-28")] // Saturday -> Monday
    [InlineData("2026-12-24", "2026-12-28")] // Thu -> over Christmas (Fri) and Tweede Kerstdag (Sat) and Sunday
    [InlineData("2024-03-28", "2024-04-02")] // Maundy Thursday -> over Good Friday, weekend, Easter Monday
    [InlineData("2024-12-31", "2025-01-02")] // over New Year
    public void NextWorkingDay_WhenNonWorkingDaysFollow_SkipsAllOfThem(string from, string expected)
    {
        Assert.Equal(D(expected), Known.NextWorkingDay(D(from)));
    }

    [Fact]
    public void EasterSunday_WhenYearBeforeGregorianCalendar_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DutchCalendar.EasterSunday(1500));
    }
}
