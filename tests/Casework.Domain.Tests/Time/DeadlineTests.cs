using Casework.Domain.Time;
using static Casework.Domain.Tests.Time.Calendars;
using static Casework.Domain.Tests.Time.Dates;

namespace Casework.Domain.Tests.Time;

public class DeadlineTests
{
    private static readonly Guid CaseId = Guid.Parse("6f1c1a38-0d54-4d1f-9a3e-2f7b8b0c9d11");

    // Received Thu 05-09-2024: 8 weeks end Thu 31-10-2024.
    private static Deadline StartBeslistermijn() => Deadline.Start(CaseId, TermKinds.Beslistermijn, D("2024-09-05"), Known);

    [Fact]
    public void Start_WhenApplicationReceived_IsRunningWithCalculatedDueDate()
    {
        var deadline = Deadline.Start(CaseId, TermKinds.Beslistermijn, D("2024-09-01"), Known);

        Assert.NotEqual(Guid.Empty, deadline.Id);
        Assert.Equal("beslistermijn", deadline.KindId);
        Assert.Equal(CaseId, deadline.CaseId);
        Assert.Equal(D("2024-09-01"), deadline.StartedOn);
        Assert.Equal(D("2024-10-28"), deadline.OriginalDueDate);
        Assert.Equal(D("2024-10-28"), deadline.CurrentDueDate);
        Assert.Equal(DeadlineStatus.Running, deadline.Status);
        Assert.Equal(14, deadline.WarningLeadDays);
        Assert.Equal(D("2024-10-14"), deadline.WarningDate);
    }

    [Fact]
    public void Start_WhenEmptyCaseId_Throws()
    {
        Assert.Throws<ArgumentException>(() => Deadline.Start(Guid.Empty, TermKinds.Beslistermijn, D("2024-09-01"), Known));
    }

    [Fact]
    public void WarningDate_WhenLeadLongerThanTerm_IsFirstDay()
    {
        var deadline = Deadline.Start(CaseId, TermKinds.Hersteltermijn, D("2024-09-10"), Known, TermLength.Days(5), warningLeadDays: 30);

        Assert.Equal(D("2024-09-11"), deadline.WarningDate);
    }

    [Fact]
    public void IsWarningDue_WhenOnWarningDate_IsTrueAndDayBeforeFalse()
    {
        var deadline = StartBeslistermijn();

        Assert.False(deadline.IsWarningDue(D("2024-10-16")));
        Assert.True(deadline.IsWarningDue(D("2024-10-17")));
    }

    [Fact]
    public void Resume_WhenSuspendedTenDays_MovesDueDateTenDaysAndReappliesAtw()
    {
        var deadline = StartBeslistermijn();

        deadline.Suspend(D("2024-09-11"));
        Assert.Equal(DeadlineStatus.Suspended, deadline.Status);
        Assert.Equal(D("2024-09-11"), deadline.SuspendedSince);
        deadline.Resume(D("2024-09-21"), Known);

        Assert.Equal(DeadlineStatus.Running, deadline.Status);
        Assert.Null(deadline.SuspendedSince);
        Assert.Equal(10, deadline.TotalSuspendedDays);
        Assert.Equal(D("2024-11-10"), deadline.EndBeforeAtw); // Sunday
        Assert.Equal(D("2024-11-11"), deadline.CurrentDueDate);
        Assert.Equal(D("2024-10-31"), deadline.OriginalDueDate);
    }

    [Fact]
    public void SuspendForRequest_StartsTheDayAfterTheRequest_AndSameDayCompletionAddsNoDay()
    {
        var deadline = StartBeslistermijn();

        Assert.True(deadline.SuspendForRequest(D("2024-09-10")));
        Assert.Equal(D("2024-09-11"), deadline.SuspendedSince);
        deadline.ResumeOnCompletion(D("2024-09-10"), Known);

        Assert.Equal(0, deadline.TotalSuspendedDays);
        Assert.Equal(D("2024-10-31"), deadline.CurrentDueDate);
    }

    [Fact]
    public void SuspendForRequest_OnTheTermsLastDay_LeavesTheTermRunning()
    {
        var deadline = StartBeslistermijn();

        Assert.False(deadline.SuspendForRequest(deadline.CurrentDueDate));
        Assert.Equal(DeadlineStatus.Running, deadline.Status);
    }

    [Fact]
    public void Resume_WhenTwoSuspensions_AddsBothToTheUnmovedEnd()
    {
        var deadline = StartBeslistermijn();

        deadline.Suspend(D("2024-09-11"));
        deadline.Resume(D("2024-09-21"), Known); // 10 days -> Sun 10-11 -> Mon 11-11
        deadline.Suspend(D("2024-10-01"));
        deadline.Resume(D("2024-10-03"), Known); // 2 more -> Tue 12-11 (not Mon 11-11 + 2 = Wed 13-11)

        Assert.Equal(12, deadline.TotalSuspendedDays);
        Assert.Equal(D("2024-11-12"), deadline.CurrentDueDate);
    }

    [Fact]
    public void Resume_WhenMatchesCalculator_GivesSameDueDate()
    {
        var deadline = StartBeslistermijn();
        deadline.Suspend(D("2024-09-11"));
        deadline.Resume(D("2024-09-25"), Known);

        var calculated = TermCalculator.Calculate(
            TermKinds.Beslistermijn, D("2024-09-05"), Known, [new SuspensionPeriod(D("2024-09-11"), D("2024-09-25"))]);

        Assert.Equal(calculated.DueDate, deadline.CurrentDueDate);
    }

    [Fact]
    public void Resume_WhenNotSuspended_Throws()
    {
        var deadline = StartBeslistermijn();

        var error = Assert.Throws<InvalidOperationException>(() => deadline.Resume(D("2024-09-21"), Known));
        Assert.Contains("Running", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_WhenBeforeSuspensionStarted_Throws()
    {
        var deadline = StartBeslistermijn();
        deadline.Suspend(D("2024-09-11"));

        Assert.Throws<ArgumentOutOfRangeException>(() => deadline.Resume(D("2024-09-10"), Known));
        Assert.Equal(DeadlineStatus.Suspended, deadline.Status);
    }

    [Fact]
    public void Suspend_WhenAlreadySuspended_Throws()
    {
        var deadline = StartBeslistermijn();
        deadline.Suspend(D("2024-09-11"));

        Assert.Throws<InvalidOperationException>(() => deadline.Suspend(D("2024-09-12")));
    }

    [Fact]
    public void Suspend_WhenKindNotSuspendable_Throws()
    {
        var deadline = Deadline.Start(CaseId, TermKinds.Bezwaartermijn, D("2024-11-14"), Known);

        Assert.Throws<InvalidOperationException>(() => deadline.Suspend(D("2024-11-20")));
        Assert.Equal(DeadlineStatus.Running, deadline.Status);
    }

    [Fact]
    public void Suspend_WhenAfterTermEnded_Throws()
    {
        var deadline = StartBeslistermijn();

        Assert.Throws<InvalidOperationException>(() => deadline.Suspend(D("2024-11-01")));
    }

    [Fact]
    public void Suspend_WhenOnSundayAfterSaturdayEndMovedToMonday_IsStillWithinTheTerm()
    {
        // Sat 07-09-2024: 8 weeks end Sat 02-11, moved to Mon 04-11. Suspended Sun 03-11 up to Tue 05-11: 2 days.
        var deadline = Deadline.Start(CaseId, TermKinds.Beslistermijn, D("2024-09-07"), Known);

        deadline.Suspend(D("2024-11-03"));
        deadline.Resume(D("2024-11-05"), Known);

        Assert.Equal(D("2024-11-04"), deadline.EndBeforeAtw);
        Assert.Equal(D("2024-11-04"), deadline.CurrentDueDate);
    }

    [Fact]
    public void PostponeByNotice_WithinTheTermToALaterDate_MovesTheDueDateAndRecordsTheNotice()
    {
        // Received Thu 05-09-2024: due Thu 31-10-2024. Notice on 20-10 names Sat 14-12-2024 -> Mon 16-12 (Atw art. 1).
        var deadline = StartBeslistermijn();

        deadline.PostponeByNotice(D("2024-12-14"), "Alle aanvragen van de ronde worden samen beoordeeld", D("2024-10-20"), Known);

        Assert.Equal(D("2024-12-14"), deadline.EndBeforeAtw);
        Assert.Equal(D("2024-12-16"), deadline.CurrentDueDate);
        var notice = Assert.Single(deadline.Extensions);
        Assert.Equal(D("2024-10-31"), notice.PreviousDueDate);
        Assert.Equal(D("2024-12-16"), notice.NewDueDate);
        Assert.Equal(D("2024-10-20"), notice.NotifiedOn);
        Assert.Equal(44, deadline.TotalExtensionDays);
    }

    [Fact]
    public void PostponeByNotice_AfterTheTermEnded_IsRefusedWithAwb414()
    {
        var deadline = StartBeslistermijn();

        var error = Assert.Throws<Casework.Domain.Common.BusinessRuleViolationException>(
            () => deadline.PostponeByNotice(D("2024-12-14"), "Te laat", D("2024-11-01"), Known));

        var rule = Assert.Single(error.BrokenRules);
        Assert.Equal("VERDAGING-NA-TERMIJN", rule.Code);
        Assert.Equal("Awb 4:14 lid 1", rule.Source);
        Assert.Equal(D("2024-10-31"), deadline.CurrentDueDate);
    }

    [Theory]
    [InlineData("2024-10-31")]
    [InlineData("2024-10-30")]
    public void PostponeByNotice_WhenTheNewDateIsNotLater_IsRefused(string newEnd)
    {
        var deadline = StartBeslistermijn();

        var error = Assert.Throws<Casework.Domain.Common.BusinessRuleViolationException>(
            () => deadline.PostponeByNotice(D(newEnd), "Geen verschuiving", D("2024-10-01"), Known));

        Assert.Equal("VERDAGING-NIET-LATER", Assert.Single(error.BrokenRules).Code);
        Assert.Empty(deadline.Extensions);
    }

    [Fact]
    public void PostponeByNotice_WhenSuspended_IsRefused()
    {
        var deadline = StartBeslistermijn();
        deadline.Suspend(D("2024-09-11"));

        var error = Assert.Throws<Casework.Domain.Common.BusinessRuleViolationException>(
            () => deadline.PostponeByNotice(D("2024-12-14"), "Opgeschort", D("2024-10-01"), Known));

        Assert.Equal("VERDAGING-TERMIJN-LOOPT-NIET", Assert.Single(error.BrokenRules).Code);
    }

    [Fact]
    public void ReapplyAtw_WhenABesluitNowEquatesTheLastDay_MovesTheOpenTermOnly()
    {
        // Received Fri 31-05-2030: 8 weeks end Fri 26-07-2030, a working day until a besluit equates it.
        var open = Deadline.Start(CaseId, TermKinds.Beslistermijn, D("2030-05-31"), Known);
        var met = Deadline.Start(CaseId, TermKinds.Beslistermijn, D("2030-05-31"), Known);
        met.MarkMet(D("2030-06-10"));
        var later = new DutchCalendar(Build([.. KnownBesluiten, ("Besluit gelijkstelling 2029-2031", 2029, 2031, ["2030-07-26"])]));

        Assert.Equal(D("2030-07-26"), open.CurrentDueDate);
        Assert.True(open.ReapplyAtw(later));
        Assert.False(met.ReapplyAtw(later));
        Assert.False(open.ReapplyAtw(later));

        Assert.Equal(D("2030-07-29"), open.CurrentDueDate);
        Assert.Equal(D("2030-07-26"), open.EndBeforeAtw);
        Assert.Equal(D("2030-07-26"), met.CurrentDueDate);
    }

    [Fact]
    public void Suspend_WhenBeforeFirstDay_Throws()
    {
        var deadline = StartBeslistermijn();

        Assert.Throws<ArgumentOutOfRangeException>(() => deadline.Suspend(D("2024-09-05")));
    }

    [Fact]
    public void ExtendByNotice_WhenBeslistermijn_AddsExtensionAndRecordsIt()
    {
        var deadline = StartBeslistermijn();

        deadline.ExtendByNotice(TermLength.Weeks(4), "Advies van de provincie nodig", D("2024-10-20"), Known);

        Assert.Equal(D("2024-11-28"), deadline.CurrentDueDate);
        var extension = Assert.Single(deadline.Extensions);
        Assert.Equal(D("2024-10-31"), extension.PreviousDueDate);
        Assert.Equal(D("2024-11-28"), extension.NewDueDate);
        Assert.Equal("Advies van de provincie nodig", extension.Reason);
    }

    [Fact]
    public void ExtendByNotice_WhenObjectionDecisionPostponedBeyondSixWeeksInTotal_Throws()
    {
        var deadline = Deadline.Start(CaseId, TermKinds.BeslissingOpBezwaar, D("2024-12-27"), Known);
        deadline.ExtendByNotice(TermLength.Weeks(4), "Hoorzitting", D("2025-01-15"), Known);

        Assert.Throws<InvalidOperationException>(() => deadline.ExtendByNotice(TermLength.Weeks(3), "Nog meer tijd", D("2025-01-20"), Known));
        Assert.Equal(D("2025-03-07"), deadline.CurrentDueDate);
        deadline.ExtendByNotice(TermLength.Weeks(2), "Laatste verdaging", D("2025-01-20"), Known);
        Assert.Equal(D("2025-03-21"), deadline.CurrentDueDate);
    }

    [Fact]
    public void ExtendByNotice_WhenKindNotExtendable_Throws()
    {
        var deadline = Deadline.Start(CaseId, TermKinds.Bezwaartermijn, D("2024-11-14"), Known);

        Assert.Throws<InvalidOperationException>(() => deadline.ExtendByNotice(TermLength.Weeks(1), "Coulance", D("2024-11-20"), Known));
    }

    [Fact]
    public void ExtendByNotice_WhenNoticeAfterTermEnded_Throws()
    {
        var deadline = StartBeslistermijn();

        Assert.Throws<InvalidOperationException>(() => deadline.ExtendByNotice(TermLength.Weeks(2), "Te laat", D("2024-11-01"), Known));
        Assert.Empty(deadline.Extensions);
    }

    [Fact]
    public void ExtendByNotice_WhenReasonBlank_Throws()
    {
        var deadline = StartBeslistermijn();

        Assert.Throws<ArgumentException>(() => deadline.ExtendByNotice(TermLength.Weeks(2), " ", D("2024-10-01"), Known));
    }

    [Fact]
    public void MarkMet_WhenRunningAndOnTime_IsMet()
    {
        var deadline = StartBeslistermijn();

        deadline.MarkMet(D("2024-10-31"));

        Assert.Equal(DeadlineStatus.Met, deadline.Status);
        Assert.Equal(D("2024-10-31"), deadline.MetOn);
        Assert.False(deadline.IsWarningDue(D("2024-10-31")));
    }

    [Fact]
    public void MarkMet_WhenAfterDueDate_Throws()
    {
        var deadline = StartBeslistermijn();

        Assert.Throws<InvalidOperationException>(() => deadline.MarkMet(D("2024-11-01")));
        Assert.Equal(DeadlineStatus.Running, deadline.Status);
    }

    [Fact]
    public void MarkMet_WhenSuspended_IsMetAndNoLongerSuspended()
    {
        var deadline = StartBeslistermijn();
        deadline.Suspend(D("2024-09-11"));

        deadline.MarkMet(D("2024-09-15"));

        Assert.Equal(DeadlineStatus.Met, deadline.Status);
        Assert.Null(deadline.SuspendedSince);
    }

    [Fact]
    public void MarkExpired_WhenPastDueDate_IsExpired()
    {
        var deadline = StartBeslistermijn();

        deadline.MarkExpired(D("2024-11-01"));

        Assert.Equal(DeadlineStatus.Expired, deadline.Status);
    }

    [Fact]
    public void MarkExpired_WhenOnDueDate_Throws()
    {
        var deadline = StartBeslistermijn();

        Assert.Throws<InvalidOperationException>(() => deadline.MarkExpired(D("2024-10-31")));
    }

    [Fact]
    public void MarkExpired_WhenSuspended_Throws()
    {
        var deadline = StartBeslistermijn();
        deadline.Suspend(D("2024-09-11"));

        Assert.Throws<InvalidOperationException>(() => deadline.MarkExpired(D("2025-01-01")));
    }

    [Fact]
    public void Stop_WhenSuspended_IsStopped()
    {
        var deadline = StartBeslistermijn();
        deadline.Suspend(D("2024-09-11"));

        deadline.Stop();

        Assert.Equal(DeadlineStatus.Stopped, deadline.Status);
        Assert.Null(deadline.SuspendedSince);
    }

    public static TheoryData<string> ClosingActions => ["met", "expired", "stopped"];

    [Theory]
    [MemberData(nameof(ClosingActions))]
    public void AnyChange_WhenClosed_Throws(string closedBy)
    {
        var deadline = StartBeslistermijn();
        switch (closedBy)
        {
            case "met":
                deadline.MarkMet(D("2024-10-01"));
                break;
            case "expired":
                deadline.MarkExpired(D("2024-11-01"));
                break;
            default:
                deadline.Stop();
                break;
        }

        var status = deadline.Status;
        Assert.Throws<InvalidOperationException>(() => deadline.Suspend(D("2024-10-02")));
        Assert.Throws<InvalidOperationException>(() => deadline.Resume(D("2024-10-02"), Known));
        Assert.Throws<InvalidOperationException>(() => deadline.ExtendByNotice(TermLength.Weeks(1), "Reden", D("2024-10-02"), Known));
        Assert.Throws<InvalidOperationException>(() => deadline.MarkMet(D("2024-10-02")));
        Assert.Throws<InvalidOperationException>(() => deadline.MarkExpired(D("2024-12-01")));
        Assert.Throws<InvalidOperationException>(deadline.Stop);
        Assert.Equal(status, deadline.Status);
    }
}
