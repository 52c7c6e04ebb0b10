using Casework.Domain.Access;
using Casework.Domain.Escalation;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Features.Deadlines;
using Casework.Web.Features.Delivery;
using Casework.Web.Features.Meetings;
using Casework.Web.Features.Pages;
using Casework.Web.Features.Tranches;
using Casework.Web.Features.WorkQueue;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Casework.Workflows.Loading;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Start;

/// <summary>A number on the start page and the list that shows exactly those cases or items.</summary>
/// <param name="Key">A stable name of the count (for tests and styling; never shown).</param>
public sealed record StartCount(string Key, string Label, int Count, string Href);

/// <summary>A sentence on the start page, with an optional link.</summary>
public sealed record StartLine(string Text, string? Href = null, string? LinkText = null);

/// <summary>One role's part of the start page: its counts and what else it needs to know.</summary>
public sealed record StartSection(string Key, string Title, IReadOnlyList<StartCount> Counts, IReadOnlyList<StartLine> Lines);

/// <summary>
/// The start page's work per role of the signed-in user, one section per role (a user with several roles gets several).
/// Every count runs the selection its linked list runs (<see cref="CaseSelections"/>, <see cref="TrancheSelections"/>,
/// <see cref="ActionItemSelections"/>), as one COUNT in SQL, scoped by the same access rules.
/// </summary>
public sealed record StartOverviewQuery : IQuery<IReadOnlyList<StartSection>>;

internal sealed class StartOverviewHandler(CaseworkDbContext db, ICurrentActor current, DefinitionCatalog catalog, TimeProvider time, LegalCalendar calendars, IMediator mediator)
    : IQueryHandler<StartOverviewQuery, IReadOnlyList<StartSection>>
{
    /// <summary>The roles whose work is the organisation's werkvoorraad.</summary>
    private static readonly Role[] QueueRoles = [Role.Loket, Role.Beoordelaar, Role.Rijksvertegenwoordiger];

    public async ValueTask<IReadOnlyList<StartSection>> Handle(StartOverviewQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var today = AmsterdamClock.Today(time);
        var sections = new List<StartSection>();
        var organisation = Labels.Organisation(actor.Organisation,
            await db.Organisations.AsNoTracking().Where(o => o.Code == actor.Organisation).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken));
        if (actor.Roles.Contains(Role.GemeenteAanvrager))
        {
            sections.Add(await GemeenteAsync(actor, organisation, today, cancellationToken));
        }

        if (actor.Roles.Overlaps(QueueRoles))
        {
            sections.Add(await WorkQueueAsync(actor, organisation, today, cancellationToken));
        }

        if (actor.Roles.Contains(Role.Commissielid))
        {
            // The scoring list asks the engine per case whether the member may advise now (the same gate as scoring), so
            // the count is the length of that very list rather than a second query that could drift from it.
            var pending = await mediator.Send(new Applications.CommitteeScoring.ListPendingScoringQuery(), cancellationToken);
            sections.Add(new StartSection("commissie", $"Scoren voor de {organisation}",
                [new StartCount("te-scoren", "Aanvragen die op uw score wachten", pending.Count, PagePaths.CommitteeScoring)], []));
        }

        if (ActionItemSelections.OwnBody(actor) is { } body)
        {
            sections.Add(await SecretariatAsync(body, today, cancellationToken));
        }

        if (actor.Roles.Contains(Role.Beheerder))
        {
            sections.Add(await AdministrationAsync(actor, today, cancellationToken));
        }

        if (actor.Roles.Contains(Role.Auditor))
        {
            sections.Add(await AuditAsync(actor, today, cancellationToken));
        }

        return sections;
    }

    private async Task<StartSection> GemeenteAsync(Actor actor, string organisation, DateOnly today, CancellationToken ct)
    {
        async Task<StartCount> Count(string filter, string label) =>
            new(filter, label, await CaseSelections.MyCases(db, catalog, actor, filter, today).CountAsync(ct), $"{PagePaths.MyCases}?toon={filter}");

        return new StartSection("gemeente", $"Zaken van {organisation}",
        [
            await Count(MyCasesFilter.YourTurn, "Wachten op u"),
            await Count(MyCasesFilter.Concept, "Concepten, nog niet ingediend"),
            await Count(MyCasesFilter.Hersteltermijn, "Hersteltermijn loopt"),
            await Count(MyCasesFilter.DecidedThisMonth, $"Besloten in {NlFormat.Culture.DateTimeFormat.GetMonthName(today.Month)}"),
        ],
        [new StartLine("Een nieuwe aanvraag begint u hier.", PagePaths.NewApplication, "Nieuwe aanvraag")]);
    }

    private async Task<StartSection> WorkQueueAsync(Actor actor, string organisation, DateOnly today, CancellationToken ct)
    {
        var workingDaysEnd = CaseSelections.WorkingDaysEnd(today, await calendars.GetAsync(db, ct));
        return new StartSection("werkvoorraad", $"Werkvoorraad van {organisation}",
        [
            await QueueCountAsync(actor, today, workingDaysEnd, "zonder-behandelaar", "Nog zonder behandelaar", "behandelaar=" + BehandelaarFilter.Unassigned, new(null, null, false, false, 1, Behandelaar: BehandelaarFilter.Unassigned), ct),
            await QueueCountAsync(actor, today, workingDaysEnd, "mijn-zaken", "Bij u in behandeling", "behandelaar=" + BehandelaarFilter.Mine, new(null, null, false, false, 1, Behandelaar: BehandelaarFilter.Mine), ct),
            await QueueCountAsync(actor, today, workingDaysEnd, "verlopen", "Termijn verstreken", "verlopen=true", new(null, null, true, false, 1), ct),
            await QueueCountAsync(actor, today, workingDaysEnd, "werkdagen", $"Termijn eindigt binnen {CaseLists.DueSoonWorkingDays} werkdagen", "werkdagen=true", new(null, null, false, false, 1, DueWithinWorkingDays: true), ct),
        ],
        [new StartLine($"Binnen {CaseLists.DueSoonWorkingDays} werkdagen: tot en met {NlFormat.Date(workingDaysEnd)}; weekenden en feestdagen tellen niet mee (Algemene termijnenwet).")]);
    }

    private async Task<StartCount> QueueCountAsync(Actor actor, DateOnly today, DateOnly workingDaysEnd, string key, string label, string filter, WorkQueueQuery query, CancellationToken ct) =>
        new(key, label, await CaseSelections.WorkQueue(db, actor, query, today, workingDaysEnd).CountAsync(ct), filter.Length == 0 ? PagePaths.WorkQueue : $"{PagePaths.WorkQueue}?{filter}");

    private async Task<StartSection> SecretariatAsync(string body, DateOnly today, CancellationToken ct)
    {
        var next = await db.Set<Meeting>().AsNoTracking().IgnoreAutoIncludes()
            .Where(m => m.BodyCode == body && m.Status == MeetingStatus.Gepland && m.Date >= today)
            .OrderBy(m => m.Date).ThenBy(m => m.Title)
            .Select(m => new { m.Id, m.Title, m.Date, m.CutOffDate, Items = db.Set<AgendaItem>().Count(i => i.MeetingId == m.Id) })
            .FirstOrDefaultAsync(ct);
        var counts = new List<StartCount>();
        var lines = new List<StartLine>();
        if (next is null)
        {
            lines.Add(new StartLine("Er is nog geen volgende vergadering gepland.", PagePaths.Meetings, "Vergadering plannen"));
        }
        else
        {
            var cutOff = next.CutOffDate >= today ? $" De agenda sluit op {NlFormat.Date(next.CutOffDate)}." : " De agenda is gesloten.";
            lines.Add(new StartLine($"Volgende vergadering: {next.Title} op {NlFormat.Date(next.Date)}.{cutOff}", PagePaths.Meeting(next.Id), "Naar de vergadering"));
            counts.Add(new StartCount("agendapunten", "Punten op de agenda van de volgende vergadering", next.Items, PagePaths.Meeting(next.Id)));
        }

        counts.Add(new StartCount("actiepunten", "Open actiepunten", await ActionItemSelections.OpenOf(db, body, today).CountAsync(ct), PagePaths.ActionItems));
        return new StartSection("secretariaat", $"Secretariaat van het {MeetingBodies.DisplayName(body)}", counts, lines);
    }

    private async Task<StartSection> AdministrationAsync(Actor actor, DateOnly today, CancellationToken ct)
    {
        var rounds = await TrancheSelections.OpenOrOpeningWithin(db.Set<Tranche>().AsNoTracking(), time.GetUtcNow(), TrancheSelections.OpeningSoonDays).CountAsync(ct);
        var deadLetters = await DeliveryAdministrationSelections.DeadLetters(db).CountAsync(ct);
        return new StartSection("beheer", "Beheer",
        [
            new StartCount("rondes", $"Rondes open of binnen {TrancheSelections.OpeningSoonDays} dagen open", rounds, $"{PagePaths.Rounds}?tijdvak={RoundsModel.OpenOrOpeningSoon}"),
            new StartCount("niet-bezorgd", "Niet bezorgde berichten", deadLetters, PagePaths.NotDelivered),
            await QueueCountAsync(actor, today, today, "verlopen-alle", "Open zaken met een verstreken termijn", "verlopen=true", new(null, null, true, false, 1), ct),
        ],
        []);
    }

    private async Task<StartSection> AuditAsync(Actor actor, DateOnly today, CancellationToken ct)
    {
        var checkpoint = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Id).Select(c => (DateTimeOffset?)c.At).FirstOrDefaultAsync(ct);
        return new StartSection("audit", "Audit",
        [
            await QueueCountAsync(actor, today, today, "open-zaken", "Open zaken", string.Empty, new(null, null, false, false, 1), ct),
            await QueueCountAsync(actor, today, today, "verlopen-alle", "Open zaken met een verstreken termijn", "verlopen=true", new(null, null, true, false, 1), ct),
        ],
        [
            new StartLine(checkpoint is { } at
                ? $"Het laatste controlepunt van de audittrail is gezet op {NlFormat.Instant(at)}."
                : "Er is nog geen controlepunt van de audittrail gezet."),
            new StartLine("Budget, verplichtingen en betalingen per ronde staan bij de rondes.", PagePaths.Rounds, "Naar de rondes"),
        ]);
    }
}
