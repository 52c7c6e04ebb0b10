using System.Globalization;
using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Infrastructure.Export;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

public sealed record ListMeetingsQuery(string? Body, DateOnly? FromDate, DateOnly? UntilDate, string? Cursor = null, int? Limit = null) : IQuery<Page<MeetingSummaryDto>>;

public sealed record GetMeetingQuery(Guid Id) : IQuery<MeetingDto>;

public sealed record ReadyCasesQuery(Guid MeetingId) : IQuery<IReadOnlyList<ReadyCaseDto>>;

/// <summary>The besluitenlijst of a meeting, as a table to download as CSV or Excel (<see cref="TableExport"/>).</summary>
public sealed record BesluitenlijstQuery(Guid MeetingId) : IQuery<ExportTable>;

/// <summary>The same besluitenlijst as a PDF in the letters' layout (<see cref="Letters.BesluitenlijstLetter"/>).</summary>
public sealed record BesluitenlijstPdfQuery(Guid MeetingId) : IQuery<ExportDownload>;

/// <summary>The escalation board; <paramref name="Zoek"/> narrows it with the search of <see cref="CaseSearch"/>.</summary>
public sealed record EscalationBoardQuery(string? Zoek = null) : IQuery<EscalationBoardDto>;

/// <summary>
/// Meetings are not secret (anyone signed in sees the calendar); what is on an agenda is: items whose case the
/// caller may not see are left out, as everywhere else.
/// </summary>
internal sealed class MeetingQueryHandlers(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, TimeProvider time) :
    IQueryHandler<ListMeetingsQuery, Page<MeetingSummaryDto>>,
    IQueryHandler<GetMeetingQuery, MeetingDto>,
    IQueryHandler<ReadyCasesQuery, IReadOnlyList<ReadyCaseDto>>,
    IQueryHandler<BesluitenlijstQuery, ExportTable>,
    IQueryHandler<BesluitenlijstPdfQuery, ExportDownload>,
    IQueryHandler<EscalationBoardQuery, EscalationBoardDto>
{
    private static readonly string[] EscalationTypes = ["knelpunt", "vastloper"];

    /// <summary>
    /// Keyset paging on (date, body, id), like the case list: a page never skips or repeats a meeting when others
    /// are planned meanwhile, and no calendar is cut off at a fixed number.
    /// </summary>
    public async ValueTask<Page<MeetingSummaryDto>> Handle(ListMeetingsQuery query, CancellationToken cancellationToken)
    {
        var limit = Cursor.Limit(query.Limit);
        var after = MeetingKey.Parse(Cursor.Decode(query.Cursor));
        var meetings = db.Set<Meeting>().AsNoTracking().Include(m => m.Items).AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Body))
        {
            meetings = meetings.Where(m => m.BodyCode == query.Body);
        }

        if (query.FromDate is { } from)
        {
            meetings = meetings.Where(m => m.Date >= from);
        }

        if (query.UntilDate is { } until)
        {
            meetings = meetings.Where(m => m.Date <= until);
        }

        if (after is { } key)
        {
            meetings = meetings.Where(m => m.Date > key.Date
                || (m.Date == key.Date && (m.BodyCode.CompareTo(key.Body) > 0 || (m.BodyCode == key.Body && m.Id.CompareTo(key.Id) > 0))));
        }

        var rows = await meetings.OrderBy(m => m.Date).ThenBy(m => m.BodyCode).ThenBy(m => m.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var page = Cursor.ToPage(rows, limit, MeetingKey.Of);
        return new Page<MeetingSummaryDto>(page.Items.Select(MeetingMapping.ToSummary).ToList(), page.Next);
    }

    public async ValueTask<MeetingDto> Handle(GetMeetingQuery query, CancellationToken cancellationToken)
    {
        var meeting = await LoadAsync(query.Id, cancellationToken);
        var visible = await VisibleCaseIdsAsync(meeting, cancellationToken);
        return MeetingMapping.ToDto(meeting, visible.Contains);
    }

    /// <summary>Open cases the caller sees that the meeting's body can take up now and that are not already on one of its open agendas.</summary>
    public async ValueTask<IReadOnlyList<ReadyCaseDto>> Handle(ReadyCasesQuery query, CancellationToken cancellationToken)
    {
        var meeting = await LoadAsync(query.MeetingId, cancellationToken);
        var actor = current.Actor;
        var onAgenda = await db.Set<Meeting>().AsNoTracking()
            .Where(m => m.BodyCode == meeting.BodyCode && m.Status == MeetingStatus.Gepland)
            .SelectMany(m => m.Items.Where(i => i.Status == AgendaItemStatus.Open).Select(i => i.CaseId))
            .ToListAsync(cancellationToken);
        var candidates = await db.Cases.AsNoTracking().Where(c => !c.IsClosed && EscalationTypes.Contains(c.CaseType)).VisibleTo(actor).ToListAsync(cancellationToken);
        return candidates
            .Where(c => !onAgenda.Contains(c.Id))
            .Select(c => (Case: c, Definition: transitions.DefinitionOf(c)))
            .Where(x => BodyAgenda.CanGoOnAgenda(x.Case, x.Definition, meeting.BodyCode))
            .Select(x => new ReadyCaseDto(
                x.Case.Id, x.Case.Reference, x.Case.CaseType, x.Case.Title, x.Case.State, x.Case.StateLabel, x.Case.RoutedTo,
                x.Case.Statuses.Max(s => s.At),
                MeetingBodies.IsAlliance(meeting.BodyCode) ? null : BodyAgenda.AgenderingAction(x.Definition, x.Case.State, meeting.BodyCode)?.Id))
            .OrderBy(r => r.Since)
            .ToList();
    }

    /// <summary>
    /// The besluitenlijst as a table for <see cref="TableExport"/>: per visible item in agenda order the case, the
    /// item's status, the outcome (the label of the workflow action the decision fired), the decision text, when it
    /// was decided, the action items (owner by name) and where an undecided item went.
    /// </summary>
    public async ValueTask<ExportTable> Handle(BesluitenlijstQuery query, CancellationToken cancellationToken)
    {
        var meeting = await LoadAsync(query.MeetingId, cancellationToken);
        var visible = await VisibleCaseIdsAsync(meeting, cancellationToken);
        var cases = await db.Cases.AsNoTracking().Where(c => visible.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var next = meeting.Items.Where(i => i.NextItemId is not null).Select(i => i.NextItemId!.Value).ToList();
        var nextMeetings = await db.Set<AgendaItem>().AsNoTracking().Where(i => next.Contains(i.Id)).Select(i => new { i.Id, i.MeetingId }).ToDictionaryAsync(i => i.Id, i => i.MeetingId, cancellationToken);
        var nextDates = await db.Set<Meeting>().AsNoTracking().Where(m => nextMeetings.Values.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Date, cancellationToken);
        var owners = meeting.Items.SelectMany(i => i.ActionItems.Select(a => a.Owner)).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => owners.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);
        var body = MeetingBodies.DisplayName(meeting.BodyCode);

        string? Outcome(AgendaItem item) => item.DecisionActionId is not { } id ? null
            : cases.TryGetValue(item.CaseId, out var c) && transitions.DefinitionOf(c).Actions.FirstOrDefault(a => a.Id == id) is { } action ? action.Label
            : id == "kennisgenomen" ? "Kennisgenomen" : id;

        var items = meeting.Items.Where(i => visible.Contains(i.CaseId)).OrderBy(i => i.Sequence);
        return ExportTable.Of(string.Create(CultureInfo.InvariantCulture, $"Besluitenlijst {meeting.BodyCode} {meeting.Date:dd-MM-yyyy}"), items, columns => columns
            .WholeNumber("Nr.", i => i.Sequence)
            .Text("Zaaknummer", i => i.CaseReference)
            .Text("Soort", i => cases.TryGetValue(i.CaseId, out var c) ? (c.CaseType == "vastloper" ? "Vastloper" : "Knelpunt") : null)
            .Text("Onderwerp", i => cases.GetValueOrDefault(i.CaseId)?.Title)
            .Text("Agendapunt", i => MeetingLabels.AgendaItemStatus(i.Status))
            .Text("Uitkomst", Outcome)
            .Text("Besluit", i => i.Besluit)
            .Date("Besloten op", i => i.DecidedAt is { } at ? AmsterdamClock.ToLocalDate(at) : null)
            .Text("Besloten door", i => i.DecidedAt is null ? null : body)
            .Text("Actiepunten", i => string.Join("; ", i.ActionItems.Select(a => string.Create(CultureInfo.InvariantCulture, $"{names.GetValueOrDefault(a.Owner, a.Owner)}: {a.Description} (uiterlijk {a.DueDate:dd-MM-yyyy})"))))
            .Date("Doorgeschoven naar", i => i.NextItemId is { } n && nextMeetings.TryGetValue(n, out var nm) && nextDates.TryGetValue(nm, out var nd) ? nd : null));
    }

    /// <summary>The besluitenlijst the caller may see (the same rows as the CSV and Excel forms), laid out as a letter.</summary>
    public async ValueTask<ExportDownload> Handle(BesluitenlijstPdfQuery query, CancellationToken cancellationToken)
    {
        var table = await Handle(new BesluitenlijstQuery(query.MeetingId), cancellationToken);
        var meeting = await LoadAsync(query.MeetingId, cancellationToken);
        var pdf = Letters.BesluitenlijstLetter.Render(table, MeetingBodies.DisplayName(meeting.BodyCode), meeting.Date, meeting.Title);
        return ExportDownload.Pdf(pdf, table.Title);
    }

    /// <summary>Open knelpunten and vastlopers the caller sees, per escalation level, with age, holder, term and the level's next meeting.</summary>
    public async ValueTask<EscalationBoardDto> Handle(EscalationBoardQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var today = AmsterdamClock.Today(time);
        var cases = await db.Cases.AsNoTracking().Where(c => !c.IsClosed && EscalationTypes.Contains(c.CaseType)).VisibleTo(actor).Matching(db, query.Zoek).ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => ids.Contains(d.CaseId) && (d.Status == DeadlineStatus.Running || d.Status == DeadlineStatus.Suspended)).ToListAsync(cancellationToken);
        var agenda = await db.Set<Meeting>().AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Gepland)
            .SelectMany(m => m.Items.Where(i => i.Status == AgendaItemStatus.Open && ids.Contains(i.CaseId)).Select(i => new { i.CaseId, i.MeetingId }))
            .ToListAsync(cancellationToken);
        var upcoming = await db.Set<Meeting>().AsNoTracking().Include(m => m.Items).Where(m => m.Status == MeetingStatus.Gepland && m.Date >= today).OrderBy(m => m.Date).ToListAsync(cancellationToken);

        var rows = cases.Select(c =>
        {
            var due = deadlines.Where(d => d.CaseId == c.Id).OrderBy(d => d.CurrentDueDate).FirstOrDefault();
            var since = c.Statuses.Max(s => s.At);
            return (Level: BodyAgenda.Level(c, transitions.DefinitionOf(c)), Dto: new EscalationBoardCaseDto(
                c.Id, c.Reference, c.CaseType, c.Title, c.State, c.StateLabel, c.RoutedTo,
                today.DayNumber - AmsterdamClock.ToLocalDate(c.CreatedAt).DayNumber,
                today.DayNumber - AmsterdamClock.ToLocalDate(since).DayNumber,
                due?.CurrentDueDate,
                due is { Status: DeadlineStatus.Running } && due.CurrentDueDate < today,
                agenda.FirstOrDefault(a => a.CaseId == c.Id)?.MeetingId));
        }).ToList();

        string[] order = ["alliantie", "triage", "departement", MeetingBodies.Sbsd, MeetingBodies.Brsd, MeetingBodies.BestuurlijkOverleg];
        var levels = rows.GroupBy(r => r.Level)
            .OrderBy(g => Array.IndexOf(order, g.Key))
            .Select(g =>
            {
                var list = g.Select(r => r.Dto).OrderByDescending(d => d.DaysInState).ToList();
                var nextMeeting = upcoming.FirstOrDefault(m => m.BodyCode == g.Key);
                return new EscalationLevelDto(g.Key, list.Count, list.Count(d => d.Overdue), list.Max(d => d.DaysInState), nextMeeting is null ? null : MeetingMapping.ToSummary(nextMeeting), list);
            })
            .ToList();
        return new EscalationBoardDto(today, levels);
    }

    private async Task<Meeting> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<Meeting>().AsNoTracking().Include(m => m.Items).ThenInclude(i => i.ActionItems).FirstOrDefaultAsync(m => m.Id == id, ct)
        ?? throw Api.ApiProblemException.NotFound("De vergadering");

    private async Task<HashSet<Guid>> VisibleCaseIdsAsync(Meeting meeting, CancellationToken ct)
    {
        var ids = meeting.Items.Select(i => i.CaseId).Distinct().ToList();
        return (await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).VisibleTo(current.Actor).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
    }
}

/// <summary>The meeting list's cursor key: date, body and id of the last meeting on the page.</summary>
internal readonly record struct MeetingKey(DateOnly Date, string Body, Guid Id)
{
    public static string Of(Meeting m) => string.Create(CultureInfo.InvariantCulture, $"{m.Date:yyyy-MM-dd}|{m.BodyCode}|{m.Id:D}");

    public static MeetingKey? Parse(string? key)
    {
        if (key is null)
        {
            return null;
        }

        var parts = key.Split('|');
        return parts.Length == 3
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && Guid.TryParseExact(parts[2], "D", out var id)
            ? new MeetingKey(date, parts[1], id)
            : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("cursor", "De cursor is ongeldig; gebruik de waarde van 'next' uit het vorige antwoord.")]);
    }
}
