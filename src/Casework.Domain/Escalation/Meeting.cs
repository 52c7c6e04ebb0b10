using Casework.Domain.Common;
using Casework.Domain.Time;

namespace Casework.Domain.Escalation;

public enum MeetingStatus
{
    /// <summary>Planned; on or after its date it counts as held (decisions may be recorded).</summary>
    Gepland,

    /// <summary>Closed: the besluitenlijst is final, unhandled items have moved to the next meeting.</summary>
    Gesloten,
}

public enum AgendaItemStatus
{
    Open,
    Besloten,

    /// <summary>Not handled; moved to the next meeting of the same body (see <see cref="AgendaItem.NextItemId"/>).</summary>
    Doorgeschoven,
}

/// <summary>
/// A meeting of a body (SBSD, BRSD, the bestuurlijk overleg, or an alliance's alliantieoverleg) with its
/// agenda. An agenda closes at its cut-off date; later items need the secretary's stated reason.
/// </summary>
public sealed class Meeting
{
    private readonly List<AgendaItem> _items = [];

    private Meeting()
    {
        BodyCode = string.Empty;
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The organisation code of the body: <c>SBSD</c>, <c>BRSD</c>, <c>BO</c> or an alliance (<c>ALLIANTIE-...</c>).</summary>
    public string BodyCode { get; private set; }

    public string Title { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>The last day items may be added without an override.</summary>
    public DateOnly CutOffDate { get; private set; }

    public MeetingStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyList<AgendaItem> Items => _items;

    public static Meeting Plan(Guid id, string bodyCode, string title, DateOnly date, DateOnly cutOffDate, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bodyCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (cutOffDate > date)
        {
            throw new BusinessRuleViolationException(new BrokenRule("AGENDA-SLUITING-NA-VERGADERING", $"De sluitingsdatum van de agenda ({cutOffDate:yyyy-MM-dd}) ligt na de vergadering ({date:yyyy-MM-dd}).", "(ontwerpkeuze)"));
        }

        return new Meeting { Id = id, BodyCode = bodyCode, Title = title, Date = date, CutOffDate = cutOffDate, Status = MeetingStatus.Gepland, CreatedAt = now };
    }

    /// <summary>Held or under way: decisions can be recorded from the meeting's date until it is closed.</summary>
    public bool IsHeldOn(DateOnly today) => Status == MeetingStatus.Gepland && Date <= today;

    public AgendaItem AddItem(Guid itemId, Guid caseId, string caseReference, DateOnly today, DateTimeOffset now, string addedBy, string? lateReason, Guid? previousItemId = null)
    {
        EnsureOpen();
        if (_items.Exists(i => i.CaseId == caseId && i.Status == AgendaItemStatus.Open))
        {
            throw new BusinessRuleViolationException(new BrokenRule("AL-GEAGENDEERD", $"Zaak {caseReference} staat al op de agenda van deze vergadering.", "(ontwerpkeuze)"));
        }

        // A carried-over item keeps its place regardless of the cut-off: the body already accepted it.
        if (previousItemId is null && today > CutOffDate && string.IsNullOrWhiteSpace(lateReason))
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "AGENDA-GESLOTEN",
                $"De agenda van {Title} sloot op {CutOffDate:yyyy-MM-dd}. De secretaris kan de zaak alsnog agenderen met een reden (lateReason).",
                "(ontwerpkeuze)"));
        }

        var item = new AgendaItem(itemId, Id, caseId, caseReference, _items.Count + 1, now, addedBy, today > CutOffDate ? lateReason : null, previousItemId);
        _items.Add(item);
        return item;
    }

    public AgendaItem Item(Guid itemId) =>
        _items.Find(i => i.Id == itemId) ?? throw new KeyNotFoundException($"Agenda item {itemId} is not on meeting {Id}.");

    public void Decide(Guid itemId, string actionId, string besluit, DateOnly today, DateTimeOffset now, string decidedBy)
    {
        EnsureOpen();
        if (!IsHeldOn(today))
        {
            throw new BusinessRuleViolationException(new BrokenRule("VERGADERING-NIET-GEHOUDEN", $"De vergadering van {Date:yyyy-MM-dd} is nog niet gehouden; besluiten worden op of na de vergaderdatum vastgelegd.", "(ontwerpkeuze)"));
        }

        Item(itemId).Decide(actionId, besluit, now, decidedBy);
    }

    /// <summary>Closes the meeting; returns the items that were not handled so the caller can carry them over.</summary>
    public IReadOnlyList<AgendaItem> Close(DateOnly today, DateTimeOffset now)
    {
        EnsureOpen();
        if (Date > today)
        {
            throw new BusinessRuleViolationException(new BrokenRule("VERGADERING-NIET-GEHOUDEN", $"De vergadering van {Date:yyyy-MM-dd} is nog niet gehouden en kan niet worden gesloten.", "(ontwerpkeuze)"));
        }

        Status = MeetingStatus.Gesloten;
        ClosedAt = now;
        return _items.Where(i => i.Status == AgendaItemStatus.Open).ToList();
    }

    private void EnsureOpen()
    {
        if (Status == MeetingStatus.Gesloten)
        {
            throw new BusinessRuleViolationException(new BrokenRule("VERGADERING-GESLOTEN", $"De vergadering {Title} is gesloten.", "(ontwerpkeuze)"));
        }
    }
}

/// <summary>One case on a meeting's agenda, its decision (a line of the besluitenlijst) and its action items.</summary>
public sealed class AgendaItem
{
    private readonly List<ActionItem> _actionItems = [];

    private AgendaItem()
    {
        CaseReference = string.Empty;
        AddedBy = string.Empty;
    }

    internal AgendaItem(Guid id, Guid meetingId, Guid caseId, string caseReference, int sequence, DateTimeOffset addedAt, string addedBy, string? lateReason, Guid? previousItemId)
    {
        Id = id;
        MeetingId = meetingId;
        CaseId = caseId;
        CaseReference = caseReference;
        Sequence = sequence;
        AddedAt = addedAt;
        AddedBy = addedBy;
        LateReason = lateReason;
        PreviousItemId = previousItemId;
        Status = AgendaItemStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid CaseId { get; private set; }

    public string CaseReference { get; private set; }

    public int Sequence { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public string AddedBy { get; private set; }

    /// <summary>Why the secretary added it after the cut-off date (null when on time).</summary>
    public string? LateReason { get; private set; }

    /// <summary>The item of an earlier meeting this one continues (carry-over history).</summary>
    public Guid? PreviousItemId { get; private set; }

    /// <summary>The item of the next meeting this one moved to.</summary>
    public Guid? NextItemId { get; private set; }

    public AgendaItemStatus Status { get; private set; }

    /// <summary>The workflow action the decision fired (e.g. <c>sbsdEscaleren</c>).</summary>
    public string? DecisionActionId { get; private set; }

    /// <summary>The decision as written in the besluitenlijst.</summary>
    public string? Besluit { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public IReadOnlyList<ActionItem> ActionItems => _actionItems;

    internal void Decide(string actionId, string besluit, DateTimeOffset now, string decidedBy)
    {
        if (Status != AgendaItemStatus.Open)
        {
            throw new BusinessRuleViolationException(new BrokenRule("AGENDAPUNT-AFGEHANDELD", $"Over agendapunt {Sequence} ({CaseReference}) is al besloten of het is doorgeschoven.", "(ontwerpkeuze)"));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(besluit);
        Status = AgendaItemStatus.Besloten;
        DecisionActionId = actionId;
        Besluit = besluit;
        DecidedAt = now;
        DecidedBy = decidedBy;
    }

    public void MovedTo(Guid nextItemId)
    {
        if (Status != AgendaItemStatus.Open)
        {
            throw new InvalidOperationException($"Agenda item {Id} was handled; only open items move on.");
        }

        Status = AgendaItemStatus.Doorgeschoven;
        NextItemId = nextItemId;
    }

    public ActionItem AddActionItem(Guid id, string description, string owner, DateOnly dueDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var actionItem = new ActionItem(id, Id, description, owner, dueDate);
        _actionItems.Add(actionItem);
        return actionItem;
    }
}

/// <summary>A follow-up agreed at the meeting: who does what by when.</summary>
public sealed record ActionItem(Guid Id, Guid AgendaItemId, string Description, string Owner, DateOnly DueDate);

/// <summary>The bodies that meet and their rhythm (docs/domain.md, "Who is involved" and "Meetings").</summary>
public static class MeetingBodies
{
    public const string Sbsd = "SBSD";
    public const string Brsd = "BRSD";
    public const string BestuurlijkOverleg = "BO";
    public const string AlliancePrefix = "ALLIANTIE-";

    public static bool IsAlliance(string bodyCode) => bodyCode.StartsWith(AlliancePrefix, StringComparison.Ordinal);

    public static bool IsKnown(string bodyCode) => bodyCode is Sbsd or Brsd or BestuurlijkOverleg || IsAlliance(bodyCode);

    public static string DisplayName(string bodyCode) => bodyCode switch
    {
        Sbsd => "Strategisch Beraad Sociaal Domein",
        Brsd => "Brede Regietafel Sociaal Domein",
        BestuurlijkOverleg => "Bestuurlijk overleg focusgebieden",
        _ => "Alliantieoverleg " + bodyCode[AlliancePrefix.Length..].ToLowerInvariant(),
    };

    /// <summary>
    /// The rhythm in calendar terms: SBSD every two weeks; BRSD three times a year (every four months,
    /// the upper end of "2-3 a year"); an alliantieoverleg quarterly ("a few times a year"); the bestuurlijk
    /// overleg yearly. The agenda closes a number of days before (design choice: one week for SBSD,
    /// two for alliances, three for BRSD, four for BO, leaving time to prepare the documents).
    /// </summary>
    public static (Func<DateOnly, DateOnly> Next, int CutOffDays) Rhythm(string bodyCode) => bodyCode switch
    {
        Sbsd => (d => d.AddDays(14), 7),
        Brsd => (d => d.AddMonths(4), 21),
        BestuurlijkOverleg => (d => d.AddYears(1), 28),
        _ => (d => d.AddMonths(3), 14),
    };

    /// <summary>The meeting dates of a body in a period, from its first date on; a date on a weekend or holiday moves to the next working day.</summary>
    public static IReadOnlyList<DateOnly> Calendar(string bodyCode, DateOnly firstDate, DateOnly untilDate)
    {
        var (next, _) = Rhythm(bodyCode);
        var dates = new List<DateOnly>();
        for (var d = firstDate; d <= untilDate; d = next(d))
        {
            // A meeting date is planning, not a legal term: the holidays of Atw art. 3 lid 1 and 2 are enough.
            var working = DutchCalendar.HolidaysOnly.OnOrNextWorkingDay(d);
            if (working <= untilDate)
            {
                dates.Add(working);
            }
        }

        return dates;
    }

    public static DateOnly CutOffFor(string bodyCode, DateOnly meetingDate) => meetingDate.AddDays(-Rhythm(bodyCode).CutOffDays);
}
