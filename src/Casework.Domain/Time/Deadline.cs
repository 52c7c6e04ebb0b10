namespace Casework.Domain.Time;

public enum DeadlineStatus
{
    Running,
    Suspended,
    Met,
    Expired,
    Stopped,
}

/// <summary>One extension by notice, as it was given.</summary>
public sealed record DeadlineExtension(TermLength Extra, string Reason, DateOnly NotifiedOn, DateOnly PreviousDueDate, DateOnly NewDueDate);

/// <summary>
/// A running legal term of a case. It keeps the end before the Atw move, so that a suspension or an
/// extension is added to the real end and the Atw is applied once to the result.
/// </summary>
public sealed class Deadline
{
    private readonly List<DeadlineExtension> _extensions = [];

    // For EF Core.
    private Deadline()
    {
        KindId = string.Empty;
    }

    public Guid Id { get; private set; }

    public string KindId { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The event day the term counts from (the term's first day is the day after).</summary>
    public DateOnly StartedOn { get; private set; }

    public DateOnly FirstDay { get; private set; }

    public DateOnly OriginalDueDate { get; private set; }

    /// <summary>The end after suspensions and extensions, before the Atw move.</summary>
    public DateOnly EndBeforeAtw { get; private set; }

    public DateOnly CurrentDueDate { get; private set; }

    public DeadlineStatus Status { get; private set; }

    /// <summary>First suspended day while <see cref="DeadlineStatus.Suspended"/>.</summary>
    public DateOnly? SuspendedSince { get; private set; }

    public int TotalSuspendedDays { get; private set; }

    /// <summary>Calendar days added by all extensions by notice together.</summary>
    public int TotalExtensionDays { get; private set; }

    public int WarningLeadDays { get; private set; }

    public DateOnly? MetOn { get; private set; }

    public IReadOnlyList<DeadlineExtension> Extensions => _extensions.AsReadOnly();

    public TermKind Kind => TermKinds.Get(KindId);

    /// <summary>The day to warn: the lead before the due date, but never before the term's first day.</summary>
    public DateOnly WarningDate
    {
        get
        {
            var warning = CurrentDueDate.AddDays(-WarningLeadDays);
            return warning < FirstDay ? FirstDay : warning;
        }
    }

    public bool IsClosed => Status is DeadlineStatus.Met or DeadlineStatus.Expired or DeadlineStatus.Stopped;

    public static Deadline Start(Guid caseId, TermKind kind, DateOnly eventDate, DutchCalendar calendar, TermLength? overrideLength = null, int? warningLeadDays = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(calendar);
        if (caseId == Guid.Empty)
        {
            throw new ArgumentException("A deadline belongs to a case.", nameof(caseId));
        }

        if (warningLeadDays is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(warningLeadDays), warningLeadDays, "Warning lead cannot be negative.");
        }

        var calculation = TermCalculator.Calculate(kind, eventDate, calendar, overrideLength: overrideLength);
        return new Deadline
        {
            Id = Guid.NewGuid(),
            KindId = kind.Id,
            CaseId = caseId,
            StartedOn = eventDate,
            FirstDay = calculation.FirstDay,
            OriginalDueDate = calculation.DueDate,
            EndBeforeAtw = calculation.EndBeforeAtw,
            CurrentDueDate = calculation.DueDate,
            Status = DeadlineStatus.Running,
            WarningLeadDays = warningLeadDays ?? kind.WarningLeadDays,
        };
    }

    /// <summary>Suspends the term from <paramref name="from"/>, its first suspended day (Awb 4:15: the day after the request to complete).</summary>
    public void Suspend(DateOnly from)
    {
        EnsureStatus(DeadlineStatus.Running, "suspend");
        if (!Kind.SuspensionApplies)
        {
            throw new InvalidOperationException($"Cannot suspend deadline {Id}: term kind '{KindId}' is not suspendable.");
        }

        if (from < FirstDay)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"Cannot suspend before the term's first day {FirstDay}.");
        }

        if (from > CurrentDueDate)
        {
            throw new InvalidOperationException($"Cannot suspend deadline {Id} from {from}: the term already ended on {CurrentDueDate}.");
        }

        SuspendedSince = from;
        Status = DeadlineStatus.Suspended;
    }

    /// <summary>
    /// Suspends the term for a request to complete the application made on <paramref name="requestedOn"/>: from the
    /// next day (Awb 4:15 lid 1 sub a), never before the term's own first day. A request on the term's last day has
    /// nothing left to suspend (the term ends that day), so the term runs on; returns whether it was suspended.
    /// </summary>
    public bool SuspendForRequest(DateOnly requestedOn)
    {
        var from = requestedOn.AddDays(1) < FirstDay ? FirstDay : requestedOn.AddDays(1);
        if (from > CurrentDueDate)
        {
            return false;
        }

        Suspend(from);
        return true;
    }

    /// <summary>
    /// Resumes the term when the application is completed on <paramref name="completedOn"/>. Completed on the day of
    /// the request itself, the suspension (which starts the next day) never began: no day is added.
    /// </summary>
    public void ResumeOnCompletion(DateOnly completedOn, DutchCalendar calendar) =>
        Resume(SuspendedSince is { } since && completedOn < since ? since : completedOn, calendar);

    /// <summary>
    /// Resumes the term on <paramref name="on"/>, the day it runs again (the day the application was completed,
    /// or the day after the herstel term's last day). The end moves by the suspended days and the Atw is re-applied.
    /// </summary>
    public void Resume(DateOnly on, DutchCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        EnsureStatus(DeadlineStatus.Suspended, "resume");
        var since = SuspendedSince!.Value;
        if (on < since)
        {
            throw new ArgumentOutOfRangeException(nameof(on), on, $"Cannot resume before the suspension started on {since}.");
        }

        var days = on.DayNumber - since.DayNumber;
        TotalSuspendedDays += days;
        EndBeforeAtw = EndBeforeAtw.AddDays(days);
        CurrentDueDate = TermCalculator.ApplyAtw(Kind, FirstDay, EndBeforeAtw, [], calendar);
        SuspendedSince = null;
        Status = DeadlineStatus.Running;
    }

    /// <summary>Extends the term by notice given within the term (Awb 4:14 lid 1, 7:10 lid 3).</summary>
    public void ExtendByNotice(TermLength extra, string reason, DateOnly notifiedOn, DutchCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(calendar);
        if (Status is not (DeadlineStatus.Running or DeadlineStatus.Suspended))
        {
            throw new InvalidOperationException($"Cannot extend deadline {Id}: it is {Status}.");
        }

        if (notifiedOn > CurrentDueDate)
        {
            throw new InvalidOperationException(
                $"Cannot extend deadline {Id}: notice on {notifiedOn} is after the term ended on {CurrentDueDate}; it must be given within the term.");
        }

        var kind = Kind;
        TermCalculator.EnsureExtensionAllowed(kind, extra, TotalExtensionDays, EndBeforeAtw);
        var previousDue = CurrentDueDate;
        var newEnd = extra.EndFor(EndBeforeAtw);
        TotalExtensionDays += newEnd.DayNumber - EndBeforeAtw.DayNumber;
        EndBeforeAtw = newEnd;
        CurrentDueDate = TermCalculator.ApplyAtw(kind, FirstDay, EndBeforeAtw, [], calendar);
        _extensions.Add(new DeadlineExtension(extra, reason, notifiedOn, previousDue, CurrentDueDate));
    }

    /// <summary>
    /// The rules a notice under Awb 4:14 must meet to move the term to <paramref name="newEnd"/>: a term that may be
    /// moved by notice and still runs, a notice within the term, and a new date later than the current one.
    /// </summary>
    public IReadOnlyList<Casework.Domain.Common.BrokenRule> WhyNotPostpone(DateOnly newEnd, DateOnly notifiedOn)
    {
        var source = Kind.ExtensionSource ?? "Awb 4:14 lid 1";
        var broken = new List<Casework.Domain.Common.BrokenRule>();
        if (!Kind.ExtendableByNotice || Kind.MaximumExtension is not null)
        {
            broken.Add(new("VERDAGING-NIET-MOGELIJK", $"De {Kind.Name.ToLowerInvariant()} kan niet met een mededeling naar een nieuwe datum worden verschoven.", "Awb 4:14 lid 1"));
            return broken;
        }

        if (Status != DeadlineStatus.Running)
        {
            broken.Add(new("VERDAGING-TERMIJN-LOOPT-NIET", Status == DeadlineStatus.Suspended
                ? "De beslistermijn is opgeschort (Awb 4:15); verdagen kan weer als de termijn loopt."
                : "De beslistermijn loopt niet meer; er valt niets te verdagen.", source));
        }

        if (notifiedOn > CurrentDueDate)
        {
            broken.Add(new("VERDAGING-NA-TERMIJN",
                $"De beslistermijn eindigde op {DutchDate.WithWeekday(CurrentDueDate)}; de mededeling moet binnen de termijn worden gedaan, niet op {DutchDate.WithWeekday(notifiedOn)}.", source));
        }

        if (newEnd <= CurrentDueDate)
        {
            broken.Add(new("VERDAGING-NIET-LATER",
                $"De nieuwe datum {DutchDate.WithWeekday(newEnd)} ligt niet na de huidige uiterste datum {DutchDate.WithWeekday(CurrentDueDate)}.", source));
        }

        return broken;
    }

    /// <summary>
    /// Moves the term by a notice under Awb 4:14 that names a new date (not a duration). The Atw is applied to that
    /// date as to every end (ADR-005): a named date on a Saturday moves to the Monday. Throws
    /// <see cref="Casework.Domain.Common.BusinessRuleViolationException"/> when <see cref="WhyNotPostpone"/> names a rule.
    /// </summary>
    public void PostponeByNotice(DateOnly newEnd, string reason, DateOnly notifiedOn, DutchCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(calendar);
        var broken = WhyNotPostpone(newEnd, notifiedOn);
        if (broken.Count > 0)
        {
            throw new Casework.Domain.Common.BusinessRuleViolationException(broken);
        }

        var previousDue = CurrentDueDate;
        var extra = newEnd.DayNumber - EndBeforeAtw.DayNumber;
        TotalExtensionDays += extra;
        EndBeforeAtw = newEnd;
        CurrentDueDate = TermCalculator.ApplyAtw(Kind, FirstDay, EndBeforeAtw, [], calendar);
        _extensions.Add(new DeadlineExtension(TermLength.Days(extra), reason, notifiedOn, previousDue, CurrentDueDate));
    }

    /// <summary>
    /// Applies the Atw again to the end before the Atw, on a calendar that now knows more equated days (a besluit
    /// gelijkstelling was added). Only an open term moves; returns whether its due date changed.
    /// </summary>
    public bool ReapplyAtw(DutchCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (IsClosed)
        {
            return false;
        }

        var due = TermCalculator.ApplyAtw(Kind, FirstDay, EndBeforeAtw, [], calendar);
        if (due == CurrentDueDate)
        {
            return false;
        }

        CurrentDueDate = due;
        return true;
    }

    public void MarkMet(DateOnly on)
    {
        if (Status is not (DeadlineStatus.Running or DeadlineStatus.Suspended))
        {
            throw new InvalidOperationException($"Cannot mark deadline {Id} met: it is {Status}.");
        }

        if (on < StartedOn)
        {
            throw new ArgumentOutOfRangeException(nameof(on), on, $"Cannot be met before it started on {StartedOn}.");
        }

        if (on > CurrentDueDate)
        {
            throw new InvalidOperationException($"Cannot mark deadline {Id} met on {on}: it was due on {CurrentDueDate}; mark it expired.");
        }

        MetOn = on;
        SuspendedSince = null;
        Status = DeadlineStatus.Met;
    }

    /// <summary>Marks the term expired; only once <paramref name="today"/> is past the due date, and not while suspended.</summary>
    public void MarkExpired(DateOnly today)
    {
        EnsureStatus(DeadlineStatus.Running, "mark expired");
        if (today <= CurrentDueDate)
        {
            throw new InvalidOperationException($"Cannot mark deadline {Id} expired on {today}: it runs until {CurrentDueDate}.");
        }

        Status = DeadlineStatus.Expired;
    }

    /// <summary>Stops the term without it being met (e.g. the application was withdrawn).</summary>
    public void Stop()
    {
        if (Status is not (DeadlineStatus.Running or DeadlineStatus.Suspended))
        {
            throw new InvalidOperationException($"Cannot stop deadline {Id}: it is {Status}.");
        }

        SuspendedSince = null;
        Status = DeadlineStatus.Stopped;
    }

    public bool IsWarningDue(DateOnly today) => !IsClosed && today >= WarningDate;

    private void EnsureStatus(DeadlineStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException($"Cannot {action} deadline {Id}: it is {Status}, expected {expected}.");
        }
    }
}
