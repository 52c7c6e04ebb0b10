using Casework.Domain.Time;
using static Casework.Domain.Tests.Time.Calendars;
using static Casework.Domain.Tests.Time.Dates;

namespace Casework.Domain.Tests.Time;

public class TermCalculatorTests
{
    [Fact]
    public void Calculate_WhenDecisionMadeKnownThu14Nov2024_ObjectionTermEndsOnTweedeKerstdagAndMovesOverEquatedFri27DecToMon30Dec()
    {
        // Corrected: this test used to expect Friday 27-12-2024, which the besluit gelijkstelling of 2023 equates with
        // a holiday (Atw art. 3 lid 3); then come Saturday and Sunday (docs/domain.md, worked example).
        var result = TermCalculator.Calculate(TermKinds.Bezwaartermijn, D("2024-11-14"), Known);

        Assert.Equal(D("2024-11-15"), result.FirstDay);
        Assert.Equal(D("2024-12-26"), result.RawEndDate);
        Assert.Equal(D("2024-12-30"), result.DueDate);
        Assert.True(result.MovedByAtw);
        Assert.Empty(result.UnknownEquatedYears);
        var move = Assert.Single(result.Steps, s => s.Kind == TermStepKind.AtwNextWorkingDay);
        Assert.Equal(
            "Eindigt op donderdag 26-12-2024, Tweede Kerstdag; ook vrijdag 27-12-2024 (gelijkgesteld met een algemeen " +
            $"erkende feestdag, {Besluit2023}), zaterdag 28-12-2024 (weekend) en zondag 29-12-2024 (weekend) zijn geen " +
            "werkdag: verschoven naar de eerstvolgende werkdag, maandag 30-12-2024 (Algemene termijnenwet art. 1 en art. 3 lid 3).",
            move.Text);
    }

    [Fact]
    public void Calculate_WhenNoBesluitGelijkstellingIsKnown_TheWorkedExampleWouldEndOnFriday27Dec()
    {
        // Why the old rule was wrong: without the art. 3 lid 3 days the calculator stops on the equated Friday, and
        // then it says that it does not know the besluit for 2024.
        var result = TermCalculator.Calculate(TermKinds.Bezwaartermijn, D("2024-11-14"), DutchCalendar.HolidaysOnly);

        Assert.Equal(D("2024-12-27"), result.DueDate);
        Assert.Equal([2024], result.UnknownEquatedYears);
        Assert.Contains(result.Steps, s => s.Kind == TermStepKind.EquatedDaysUnknown && s.Text.Contains("voor dit jaar is geen besluit gelijkstelling bekend", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> EveryKnownEquatedDay()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (besluit, _, _, days) in KnownBesluiten)
        {
            foreach (var day in days)
            {
                var next = D(day).AddDays(1);
                while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || DutchCalendar.IsHoliday(next))
                {
                    next = next.AddDays(1);
                }

                data.Add(day, next.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), besluit);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKnownEquatedDay))]
    public void Calculate_WhenLastDayIsAnEquatedDay_MovesToNextWorkingDayNamingTheBesluit(string equatedDay, string nextWorkingDay, string besluit)
    {
        // A two-week hersteltermijn sent 14 days before the equated day ends on it.
        var result = TermCalculator.Calculate(TermKinds.Hersteltermijn, D(equatedDay).AddDays(-14), Known);

        Assert.Equal(D(equatedDay), result.EndBeforeAtw);
        Assert.Equal(D(nextWorkingDay), result.DueDate);
        var move = Assert.Single(result.Steps, s => s.Kind == TermStepKind.AtwNextWorkingDay);
        Assert.Contains($"{DutchDate.WithWeekday(D(equatedDay))}, gelijkgesteld met een algemeen erkende feestdag, {besluit}", move.Text, StringComparison.Ordinal);
        Assert.EndsWith("(Algemene termijnenwet art. 1 en art. 3 lid 3).", move.Text, StringComparison.Ordinal);
        Assert.Empty(result.UnknownEquatedYears);
    }

    [Theory]
    [InlineData("2021-03-05")] // ends Fri 16-04-2021: 2020-2022 have no known besluit
    [InlineData("2030-03-01")] // ends Fri 12-04-2030: no besluit is known from 2029 on
    public void Calculate_WhenEndYearHasNoKnownBesluit_FlagsItInTheExplanation(string eventDate)
    {
        var result = TermCalculator.Calculate(TermKinds.Bezwaartermijn, D(eventDate), Known);

        Assert.Equal([result.DueDate.Year], result.UnknownEquatedYears);
        var flag = Assert.Single(result.Steps, s => s.Kind == TermStepKind.EquatedDaysUnknown);
        Assert.Contains("voor dit jaar is geen besluit gelijkstelling bekend", flag.Text, StringComparison.Ordinal);
        Assert.Contains($"{result.DueDate.Year}", flag.Text, StringComparison.Ordinal);
        Assert.Equal(TermStepKind.Due, result.Steps[^1].Kind);
    }

    [Fact]
    public void Calculate_WhenEndMovesFromAKnownIntoAnUnknownYear_FlagsOnlyTheUnknownOne()
    {
        // Sent Tue 18-12-2028: two weeks end Tue 01-01-2029 (Nieuwjaarsdag) -> Wed 02-01-2029; 2028 is known, 2029 not.
        var result = TermCalculator.Calculate(TermKinds.Hersteltermijn, D("2028-12-18"), Known);

        Assert.Equal(D("2029-01-02"), result.DueDate);
        Assert.Equal([2029], result.UnknownEquatedYears);
    }

    [Fact]
    public void Calculate_WhenAtwDoesNotApply_NeverFlagsAnUnknownYear()
    {
        var result = TermCalculator.Calculate(TermKinds.WbiStartBouw, D("2030-06-05"), Known);

        Assert.Empty(result.UnknownEquatedYears);
        Assert.DoesNotContain(result.Steps, s => s.Kind == TermStepKind.EquatedDaysUnknown);
    }

    [Fact]
    public void Calculate_WhenApplicationReceivedSun1Sep2024_EightWeeksEndSunday27OctAndMoveToMonday28Oct()
    {
        var result = TermCalculator.Calculate(TermKinds.Beslistermijn, D("2024-09-01"), Known);

        Assert.Equal(D("2024-09-02"), result.FirstDay);
        Assert.Equal(D("2024-10-27"), result.RawEndDate);
        Assert.Equal(D("2024-10-28"), result.DueDate);
    }

    [Fact]
    public void Calculate_WhenTermEndsOnSaturday_MovesToMonday()
    {
        // Sat 07-09-2024 + 8 weeks = Sat 02-11-2024.
        var result = TermCalculator.Calculate(TermKinds.Beslistermijn, D("2024-09-07"), Known);

        Assert.Equal(D("2024-11-02"), result.RawEndDate);
        Assert.Equal(D("2024-11-04"), result.DueDate);
    }

    [Fact]
    public void Calculate_WhenTermEndsOnChristmasFriday_MovesOverTweedeKerstdagAndWeekendToMonday()
    {
        var result = TermCalculator.Calculate(TermKinds.Bezwaartermijn, D("2026-11-13"), Known);

        Assert.Equal(D("2026-12-25"), result.RawEndDate);
        Assert.Equal(D("2026-12-28"), result.DueDate);
        var move = Assert.Single(result.Steps, s => s.Kind == TermStepKind.AtwNextWorkingDay);
        Assert.Equal(
            "Eindigt op vrijdag 25-12-2026, Eerste Kerstdag; ook zaterdag 26-12-2026 (Tweede Kerstdag) en " +
            "zondag 27-12-2026 (weekend) zijn geen werkdag: verschoven naar de eerstvolgende werkdag, " +
            "maandag 28-12-2026 (Algemene termijnenwet art. 1).",
            move.Text);
    }

    [Fact]
    public void Calculate_WhenTermEndsOnWorkingDay_DoesNotMoveAndHasNoAtwStep()
    {
        var result = TermCalculator.Calculate(TermKinds.Bezwaartermijn, D("2024-11-13"), Known);

        // Eerste Kerstdag: moves over Tweede Kerstdag, the equated Friday 27-12 (Atw art. 3 lid 3) and the weekend.
        // Corrected from Friday 27-12-2024, which ignored the besluit gelijkstelling.
        Assert.Equal(D("2024-12-25"), result.RawEndDate);
        Assert.Equal(D("2024-12-30"), result.DueDate);

        var plain = TermCalculator.Calculate(TermKinds.Bezwaartermijn, D("2024-11-12"), Known);
        Assert.Equal(D("2024-12-24"), plain.DueDate);
        Assert.False(plain.MovedByAtw);
        Assert.DoesNotContain(plain.Steps, s => s.Kind == TermStepKind.AtwNextWorkingDay);
    }

    [Fact]
    public void Calculate_WhenTenDaysSuspended_EndMovesTenDaysThenAtwApplies()
    {
        // Received Thu 05-09-2024: 8 weeks end Thu 31-10. Request to complete Tue 10-09, completed Sat 21-09:
        // suspended 11-09 up to (not including) 21-09 = 10 days -> Sun 10-11 -> Mon 11-11.
        var suspension = SuspensionPeriod.ForCompletedApplication(D("2024-09-10"), D("2024-09-21"));

        var result = TermCalculator.Calculate(TermKinds.Beslistermijn, D("2024-09-05"), Known, [suspension]);

        Assert.Equal(10, suspension.Days);
        Assert.Equal(D("2024-10-31"), result.RawEndDate);
        Assert.Equal(10, result.SuspendedDays);
        Assert.Equal(D("2024-11-10"), result.EndBeforeAtw);
        Assert.Equal(D("2024-11-11"), result.DueDate);
        Assert.Equal(
            [TermStepKind.Start, TermStepKind.RawEnd, TermStepKind.Suspension, TermStepKind.AtwNextWorkingDay, TermStepKind.Due],
            result.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void Calculate_WhenRawEndIsSaturdayAndSuspensionFollows_AtwAppliesOnlyToFinalEnd()
    {
        // Raw end Sat 02-11-2024; +10 days = Tue 12-11. Applying the Atw first would give Mon 04-11 + 10 = Thu 14-11.
        var result = TermCalculator.Calculate(
            TermKinds.Beslistermijn, D("2024-09-07"), Known, [new SuspensionPeriod(D("2024-09-20"), D("2024-09-30"))]);

        Assert.Equal(D("2024-11-12"), result.DueDate);
    }

    [Fact]
    public void Calculate_WhenHerstelTermExpiredUnused_ItsLastDayIsSuspendedToo()
    {
        // Request Tue 10-09-2024 with a herstel term to Tue 24-09: suspended 11-09 up to 25-09 = 14 days.
        var suspension = SuspensionPeriod.ForExpiredHerstelTerm(D("2024-09-10"), D("2024-09-24"));

        var result = TermCalculator.Calculate(TermKinds.Beslistermijn, D("2024-09-05"), Known, [suspension]);

        Assert.Equal(14, result.SuspendedDays);
        Assert.Equal(D("2024-11-14"), result.DueDate);
    }

    [Fact]
    public void Calculate_WhenKindNotSuspendable_Throws()
    {
        var suspension = new SuspensionPeriod(D("2024-11-20"), D("2024-11-25"));

        Assert.Throws<ArgumentException>(() => TermCalculator.Calculate(TermKinds.Bezwaartermijn, D("2024-11-14"), Known, [suspension]));
    }

    [Fact]
    public void Calculate_WhenSuspensionsOverlap_Throws()
    {
        SuspensionPeriod[] suspensions = [new(D("2024-09-10"), D("2024-09-20")), new(D("2024-09-15"), D("2024-09-25"))];

        Assert.Throws<ArgumentException>(() => TermCalculator.Calculate(TermKinds.Beslistermijn, D("2024-09-05"), Known, suspensions));
    }

    [Fact]
    public void Calculate_WhenSuspensionStartsAfterTermEnded_Throws()
    {
        var suspension = new SuspensionPeriod(D("2024-11-01"), D("2024-11-05"));

        Assert.Throws<ArgumentException>(() => TermCalculator.Calculate(TermKinds.Beslistermijn, D("2024-09-05"), Known, [suspension]));
    }

    [Fact]
    public void Calculate_WhenObjectionDecisionPostponedSixWeeks_EndMovesSixWeeks()
    {
        // Objection term ended Fri 27-12-2024: 6 weeks -> Fri 07-02-2025; postponed 6 weeks -> Fri 21-03-2025.
        var result = TermCalculator.Calculate(TermKinds.BeslissingOpBezwaar, D("2024-12-27"), Known, extension: TermLength.Weeks(6));

        Assert.Equal(D("2025-02-07"), result.RawEndDate);
        Assert.Equal(D("2025-03-21"), result.DueDate);
        Assert.Contains(result.Steps, s => s.Kind == TermStepKind.Extension && s.Text.Contains("Awb 7:10 lid 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_WhenPostponementExceedsSixWeeks_Throws()
    {
        Assert.Throws<InvalidOperationException>(
            () => TermCalculator.Calculate(TermKinds.BeslissingOpBezwaar, D("2024-12-27"), Known, extension: TermLength.Weeks(7)));
    }

    [Fact]
    public void Calculate_WhenKindNotExtendable_Throws()
    {
        Assert.Throws<InvalidOperationException>(
            () => TermCalculator.Calculate(TermKinds.Bezwaartermijn, D("2024-11-14"), Known, extension: TermLength.Weeks(1)));
    }

    [Fact]
    public void Calculate_WhenCommitteeAdvises_TwelveWeeks()
    {
        var result = TermCalculator.Calculate(TermKinds.BeslissingOpBezwaarCommissie, D("2024-12-27"), Known);

        Assert.Equal(D("2025-03-21"), result.DueDate);
    }

    [Theory]
    [InlineData("2024-01-31", "2024-02-29")] // leap year: clamped to the month's last day
    [InlineData("2025-01-31", "2025-02-28")]
    [InlineData("2024-05-15", "2024-06-17")] // Sat 15-06 -> Mon 17-06
    public void Calculate_WhenHerstelTermOfOneMonth_EndsOnSameDayNumberClampedToMonthEnd(string eventDate, string expected)
    {
        var result = TermCalculator.Calculate(TermKinds.Hersteltermijn, D(eventDate), Known, overrideLength: TermLength.Months(1));

        Assert.Equal(D(expected), result.DueDate);
    }

    [Fact]
    public void Calculate_WhenHerstelTermHasNoOverride_DefaultsToTwoWeeks()
    {
        var result = TermCalculator.Calculate(TermKinds.Hersteltermijn, D("2024-09-10"), Known);

        Assert.Equal(TermLength.Weeks(2), result.Length);
        Assert.Equal(D("2024-09-24"), result.DueDate);
    }

    [Fact]
    public void Calculate_WhenThreeDayTermHoldsOnlyOneWorkingDay_AtwArticle2ExtendsIt()
    {
        // Sent Tue 24-12-2024: 25, 26 (holidays) and Fri 27-12 (equated, Atw art. 3 lid 3) end on a non-working day:
        // art. 1 moves it to Mon 30-12, and 25-30 December then hold one working day; art. 2 needs two -> Tue 31-12.
        // Corrected from Mon 30-12, which counted the equated Friday as a working day.
        var result = TermCalculator.Calculate(TermKinds.Hersteltermijn, D("2024-12-24"), Known, overrideLength: TermLength.Days(3));

        Assert.Equal(D("2024-12-27"), result.RawEndDate);
        Assert.Equal(D("2024-12-31"), result.DueDate);
        Assert.Contains(result.Steps, s => s.Kind == TermStepKind.AtwTwoWorkingDays);
    }

    [Fact]
    public void Calculate_WhenLengthNotConfigurable_OverrideThrows()
    {
        Assert.Throws<ArgumentException>(
            () => TermCalculator.Calculate(TermKinds.Bezwaartermijn, D("2024-11-14"), Known, overrideLength: TermLength.Weeks(4)));
    }

    [Fact]
    public void Calculate_WhenSisa_DueOnFifteenJulyOfNextYearWithoutAtwMove()
    {
        Assert.Equal(D("2025-07-15"), TermCalculator.Calculate(TermKinds.SisaVerantwoording, D("2024-03-10"), Known).DueDate);
        Assert.Equal(D("2028-07-15"), TermCalculator.Calculate(TermKinds.SisaVerantwoording, D("2027-12-31"), Known).DueDate); // a Saturday
    }

    [Fact]
    public void Calculate_WhenWbiStartBouwEndsOnSaturday_DoesNotMove()
    {
        var result = TermCalculator.Calculate(TermKinds.WbiStartBouw, D("2024-06-05"), Known);

        Assert.Equal(D("2027-06-05"), result.DueDate);
        Assert.False(result.MovedByAtw);
    }

    [Fact]
    public void Calculate_WhenDecisionMadeKnownJustAfterMidnightOnSpringForwardDay_CountsFromAmsterdamDate()
    {
        // 23:30 UTC on 30-03 is 00:30 CET on 31-03 (the 23-hour day): the event day is 31-03.
        var eventDate = AmsterdamClock.ToLocalDate(new DateTimeOffset(2024, 3, 30, 23, 30, 0, TimeSpan.Zero));

        var result = TermCalculator.Calculate(TermKinds.Bezwaartermijn, eventDate, Known);

        Assert.Equal(D("2024-05-12"), result.RawEndDate);
        Assert.Equal(D("2024-05-13"), result.DueDate);
    }

    [Theory]
    [InlineData(21, 30, "2024-12-07")] // 23:30 CEST on Sat 26-10
    [InlineData(22, 30, "2024-12-08")] // 00:30 CEST on Sun 27-10 (the 25-hour day)
    public void Calculate_WhenDecisionMadeKnownAroundFallBackNight_RawEndFollowsAmsterdamDate(int utcHour, int utcMinute, string rawEnd)
    {
        var eventDate = AmsterdamClock.ToLocalDate(new DateTimeOffset(2024, 10, 26, utcHour, utcMinute, 0, TimeSpan.Zero));

        var result = TermCalculator.Calculate(TermKinds.Bezwaartermijn, eventDate, Known);

        Assert.Equal(D(rawEnd), result.RawEndDate);
        Assert.Equal(D("2024-12-09"), result.DueDate);
    }

    [Theory]
    [InlineData(null, "2024-12-27", true)]         // received on the last day
    [InlineData(null, "2024-12-28", false)]        // not posted, received a day late
    [InlineData("2024-12-27", "2025-01-03", true)] // posted on the last day, received on day 7 after
    [InlineData("2024-12-27", "2025-01-04", false)] // received on day 8 after
    [InlineData("2024-12-28", "2024-12-30", false)] // posted after the end
    [InlineData("2024-12-20", "2024-12-23", true)]
    public void IsObjectionOnTime_WhenPostalWeekBoundaries_FollowsAwb69(string? postedOn, string receivedOn, bool expected)
    {
        var posted = postedOn is null ? (DateOnly?)null : D(postedOn);

        Assert.Equal(expected, TermCalculator.IsObjectionOnTime(D("2024-12-27"), posted, D(receivedOn)));
    }

    [Fact]
    public void IsObjectionOnTime_WhenPostedAfterReceived_Throws()
    {
        Assert.Throws<ArgumentException>(() => TermCalculator.IsObjectionOnTime(D("2024-12-27"), D("2024-12-20"), D("2024-12-19")));
    }
}
