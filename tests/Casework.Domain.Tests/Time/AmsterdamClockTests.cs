using Casework.Domain.Time;
using Microsoft.Extensions.Time.Testing;
using static Casework.Domain.Tests.Time.Dates;

namespace Casework.Domain.Tests.Time;

public class AmsterdamClockTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2024-03-31", 23)]
    [InlineData("2024-10-27", 25)]
    [InlineData("2024-06-15", 24)]
    [InlineData("2024-12-25", 24)]
    public void LengthOfDay_WhenClockChangeDay_Is23Or25Hours(string date, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), AmsterdamClock.LengthOfDay(D(date)));
    }

    [Fact]
    public void StartOfDayUtc_WhenSpringForwardDay_IsMidnightCetAndNextDayStartsInCest()
    {
        Assert.Equal(Utc(2024, 3, 30, 23), AmsterdamClock.StartOfDayUtc(D("2024-03-31")));
        Assert.Equal(Utc(2024, 3, 31, 22), AmsterdamClock.StartOfNextDayUtc(D("2024-03-31")));
        Assert.Equal(Utc(2024, 3, 31, 22).AddTicks(-1), AmsterdamClock.EndOfDayUtc(D("2024-03-31")));
    }

    [Fact]
    public void StartOfDayUtc_WhenFallBackDay_IsMidnightCestAndNextDayStartsInCet()
    {
        Assert.Equal(Utc(2024, 10, 26, 22), AmsterdamClock.StartOfDayUtc(D("2024-10-27")));
        Assert.Equal(Utc(2024, 10, 27, 23), AmsterdamClock.StartOfNextDayUtc(D("2024-10-27")));
        Assert.Equal(Utc(2024, 10, 27, 23).AddTicks(-1), AmsterdamClock.EndOfDayUtc(D("2024-10-27")));
    }

    [Theory]
    [InlineData(2024, 3, 30, 22, 59, "2024-03-30")] // 23:59 CET
    [InlineData(2024, 3, 30, 23, 0, "2024-03-31")]  // 00:00 CET
    [InlineData(2024, 3, 31, 0, 59, "2024-03-31")]  // 01:59 CET, just before the jump
    [InlineData(2024, 3, 31, 1, 0, "2024-03-31")]   // 03:00 CEST, just after
    [InlineData(2024, 3, 31, 21, 59, "2024-03-31")] // 23:59 CEST
    [InlineData(2024, 3, 31, 22, 0, "2024-04-01")]  // 00:00 CEST
    [InlineData(2024, 10, 26, 21, 59, "2024-10-26")] // 23:59 CEST
    [InlineData(2024, 10, 26, 22, 0, "2024-10-27")]  // 00:00 CEST
    [InlineData(2024, 10, 27, 0, 30, "2024-10-27")]  // 02:30 CEST, first pass
    [InlineData(2024, 10, 27, 1, 30, "2024-10-27")]  // 02:30 CET, second pass
    [InlineData(2024, 10, 27, 22, 59, "2024-10-27")] // 23:59 CET
    [InlineData(2024, 10, 27, 23, 0, "2024-10-28")]  // 00:00 CET
    public void ToLocalDate_WhenAroundClockChanges_ReturnsAmsterdamDate(int y, int m, int d, int h, int min, string expected)
    {
        Assert.Equal(D(expected), AmsterdamClock.ToLocalDate(Utc(y, m, d, h, min)));
    }

    [Fact]
    public void Today_WhenUtcEveningIsAlreadyNextDayInAmsterdam_ReturnsAmsterdamDate()
    {
        var clock = new FakeTimeProvider(Utc(2024, 12, 31, 23, 30));

        Assert.Equal(D("2025-01-01"), AmsterdamClock.Today(clock));
    }

    [Fact]
    public void StartOfDayUtc_WhenConvertedBack_IsTheSameLocalDate()
    {
        for (var day = D("2024-01-01"); day <= D("2024-12-31"); day = day.AddDays(1))
        {
            Assert.Equal(day, AmsterdamClock.ToLocalDate(AmsterdamClock.StartOfDayUtc(day)));
            Assert.Equal(day, AmsterdamClock.ToLocalDate(AmsterdamClock.EndOfDayUtc(day)));
        }
    }
}
