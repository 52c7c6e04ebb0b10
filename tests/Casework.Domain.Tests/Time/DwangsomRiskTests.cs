using Casework.Domain.Common;
using Casework.Domain.Time;
using static Casework.Domain.Tests.Time.Dates;

namespace Casework.Domain.Tests.Time;

public class DwangsomRiskTests
{
    // Decision due Mon 28-10-2024; notice of default received Fri 01-11-2024 -> first penalty day Fri 15-11-2024.
    private static readonly DateOnly Due = D("2024-10-28");
    private static readonly DateOnly Notice = D("2024-11-01");

    [Fact]
    public void Assess_WhenNoticeReceivedAfterTermExpired_FirstPenaltyDayIsTwoWeeksLater()
    {
        var risk = DwangsomRisk.Assess(Due, Notice, D("2024-11-10"));

        Assert.True(risk.CanRun);
        Assert.Equal(D("2024-11-15"), risk.FirstPenaltyDay);
        Assert.Equal(D("2024-12-26"), risk.LastPenaltyDay);
        Assert.Equal(0, risk.DaysRun);
        Assert.Equal(Money.Zero, risk.PotentialSoFar);
    }

    [Fact]
    public void Assess_WhenNoticeReceivedOnOrBeforeDueDate_CannotRun()
    {
        var risk = DwangsomRisk.Assess(Due, Due, D("2024-12-31"));

        Assert.False(risk.CanRun);
        Assert.Null(risk.FirstPenaltyDay);
        Assert.Equal(0, risk.DaysRun);
    }

    [Fact]
    public void Assess_WhenBandsListed_AreTwentyThirtyFortyOverFourteenDaysEach()
    {
        var risk = DwangsomRisk.Assess(Due, Notice, D("2024-11-10"));

        Assert.Equal(
            [
                new DwangsomBand(1, 14, Money.Euro(20m), D("2024-11-15"), D("2024-11-28")),
                new DwangsomBand(15, 28, Money.Euro(30m), D("2024-11-29"), D("2024-12-12")),
                new DwangsomBand(29, 42, Money.Euro(40m), D("2024-12-13"), D("2024-12-26")),
            ],
            risk.Bands);
        Assert.Equal(Money.Euro(1260m), risk.PotentialMaximum);
    }

    [Theory]
    [InlineData("2024-11-15", 1, 20)]
    [InlineData("2024-11-28", 14, 280)]
    [InlineData("2024-11-29", 15, 310)]
    [InlineData("2024-12-13", 29, 740)]
    [InlineData("2024-12-26", 42, 1260)]
    [InlineData("2025-03-01", 42, 1260)]
    public void Assess_WhenDaysHaveRun_SumsTheBandsUpToFortyTwoDays(string today, int days, int euros)
    {
        var risk = DwangsomRisk.Assess(Due, Notice, D(today));

        Assert.Equal(days, risk.DaysRun);
        Assert.Equal(Money.Euro(euros), risk.PotentialSoFar);
    }

    [Fact]
    public void Assess_WhenDecidedDuringPenaltyPeriod_StopsCountingTheDayBefore()
    {
        var risk = DwangsomRisk.Assess(Due, Notice, D("2025-01-31"), decidedOn: D("2024-11-20"));

        Assert.Equal(5, risk.DaysRun);
        Assert.Equal(Money.Euro(100m), risk.PotentialSoFar);
    }
}
