using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Definitions;
using Casework.Workflows.Engine;
using Casework.Workflows.Loading;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.WorkQueue;

/// <summary>One case in a page's list: what it is, where it stands, its next deadline and, for the gemeente, what it must do.</summary>
public sealed record CaseListRow(
    Guid Id,
    string Reference,
    string Type,
    string TypeLabel,
    string Title,
    string State,
    string StateLabel,
    bool Closed,
    string Organisation,
    string OrganisationName,
    DateOnly? NextDueDate,
    string? NextDeadlineName,
    bool Overdue,
    bool DueSoon,
    bool YourTurn,
    string Expectation);

/// <summary>A numbered page of cases with the counts of the whole selection (not only this page).</summary>
public sealed record CaseListPage(IReadOnlyList<CaseListRow> Items, int PageNumber, int PageSize, int Total, int OverdueCount, int DueSoonCount)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record CaseTypeOption(string Type, string Label);

public sealed record CaseStateOption(string State, string Label);

/// <summary>The gemeente's own cases (applications, knelpunten, ...), the most urgent first.</summary>
public sealed record MyCasesQuery(int Page) : IQuery<CaseListPage>;

/// <summary>
/// The open cases routed to the caller's organisation (a beheerder: every open case), filtered and sorted by the
/// next deadline. <paramref name="DueSoon"/> is a running deadline within <see cref="CaseListQueryHandlers.DueSoonDays"/> days.
/// </summary>
/// <summary>The open cases that wait for the actor's organisation; with <paramref name="IncludeLed"/> also those it leads (trekkend departement) wherever they are.</summary>
public sealed record WorkQueueQuery(string? Type, string? State, bool Overdue, bool DueSoon, int Page, bool IncludeLed = false) : IQuery<CaseListPage>;

/// <summary>The case types and states the work-queue filters offer, from the published definitions.</summary>
public sealed record WorkQueueFilterOptionsQuery : IQuery<(IReadOnlyList<CaseTypeOption> Types, IReadOnlyList<CaseStateOption> States)>;

internal sealed class CaseListQueryHandlers(CaseworkDbContext db, ICurrentActor current, DefinitionCatalog catalog, TimeProvider time) :
    IQueryHandler<MyCasesQuery, CaseListPage>,
    IQueryHandler<WorkQueueQuery, CaseListPage>,
    IQueryHandler<WorkQueueFilterOptionsQuery, (IReadOnlyList<CaseTypeOption> Types, IReadOnlyList<CaseStateOption> States)>
{
    public const int PageSize = 25;

    public const int DueSoonDays = 7;

    public async ValueTask<CaseListPage> Handle(MyCasesQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var cases = db.Cases.AsNoTracking().VisibleTo(actor);
        return await PageAsync(cases, query.Page, actor, forApplicant: true, cancellationToken);
    }

    public async ValueTask<CaseListPage> Handle(WorkQueueQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var org = actor.Organisation;
        var cases = db.Cases.AsNoTracking().VisibleTo(actor).Where(c => !c.IsClosed);
        if (!CaseAccess.SeesEverything(actor))
        {
            // A work queue is what waits for this organisation, not everything it may read; a department may add the
            // cases it leads (a knelpunt it is trekker of, waiting at the SBSD), to follow them.
            cases = query.IncludeLed ? cases.Where(c => c.RoutedTo == org || c.LeadDepartment == org) : cases.Where(c => c.RoutedTo == org);
        }

        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            cases = cases.Where(c => c.CaseType == query.Type);
        }

        if (!string.IsNullOrWhiteSpace(query.State))
        {
            cases = cases.Where(c => c.State == query.State);
        }

        var today = AmsterdamClock.Today(time);
        var soon = today.AddDays(DueSoonDays);
        if (query.Overdue)
        {
            cases = cases.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && (d.Status == DeadlineStatus.Expired || (d.Status == DeadlineStatus.Running && d.CurrentDueDate < today))));
        }

        if (query.DueSoon)
        {
            cases = cases.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && d.Status == DeadlineStatus.Running && d.CurrentDueDate >= today && d.CurrentDueDate <= soon));
        }

        return await PageAsync(cases, query.Page, actor, forApplicant: false, cancellationToken);
    }

    public ValueTask<(IReadOnlyList<CaseTypeOption> Types, IReadOnlyList<CaseStateOption> States)> Handle(WorkQueueFilterOptionsQuery query, CancellationToken cancellationToken)
    {
        var latest = catalog.All.GroupBy(d => d.Definition.CaseType, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(d => d.Definition.Version).First().Definition)
            .ToList();
        IReadOnlyList<CaseTypeOption> types = latest.Select(d => new CaseTypeOption(d.CaseType, d.Title)).OrderBy(t => t.Label, StringComparer.Ordinal).ToList();
        IReadOnlyList<CaseStateOption> states = latest.SelectMany(d => d.States.Where(s => !s.Final))
            .GroupBy(s => s.Id, StringComparer.Ordinal)
            .Select(g => new CaseStateOption(g.Key, string.Join(" / ", g.Select(s => s.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))))
            .OrderBy(s => s.Label, StringComparer.CurrentCulture)
            .ToList();
        return ValueTask.FromResult((types, states));
    }

    private async Task<CaseListPage> PageAsync(IQueryable<CaseFile> cases, int page, Actor actor, bool forApplicant, CancellationToken ct)
    {
        var today = AmsterdamClock.Today(time);
        var soon = today.AddDays(DueSoonDays);
        var running = db.Deadlines.Where(d => d.Status == DeadlineStatus.Running);
        var projected = cases.Select(c => new
        {
            c.Id,
            c.Reference,
            c.CaseType,
            c.DefinitionId,
            c.DefinitionVersion,
            c.Title,
            c.State,
            c.StateLabel,
            c.IsClosed,
            c.OwningOrganisation,
            c.RoutedTo,
            c.BodyCode,
            NextDue = running.Where(d => d.CaseId == c.Id).OrderBy(d => d.CurrentDueDate).Select(d => (DateOnly?)d.CurrentDueDate).FirstOrDefault(),
            NextKind = running.Where(d => d.CaseId == c.Id).OrderBy(d => d.CurrentDueDate).Select(d => d.KindId).FirstOrDefault(),
            Overdue = db.Deadlines.Any(d => d.CaseId == c.Id && (d.Status == DeadlineStatus.Expired || (d.Status == DeadlineStatus.Running && d.CurrentDueDate < today))),
            DueSoon = running.Any(d => d.CaseId == c.Id && d.CurrentDueDate >= today && d.CurrentDueDate <= soon),
        });

        var total = await projected.CountAsync(ct);
        var overdueCount = await projected.CountAsync(c => c.Overdue, ct);
        var dueSoonCount = await projected.CountAsync(c => c.DueSoon, ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Clamp(page, 1, pageCount);
        var rows = await projected
            .OrderBy(c => c.IsClosed)
            .ThenBy(c => c.NextDue == null)
            .ThenBy(c => c.NextDue)
            .ThenBy(c => c.Reference)
            .Skip((number - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        var windows = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Join(db.Set<Tranche>().AsNoTracking(), a => a.TrancheId, t => t.Id, (a, t) => new { a.Id, t.ClosesAt })
            .ToDictionaryAsync(x => x.Id, x => x.ClosesAt, ct);
        var codes = rows.Select(r => r.OwningOrganisation).Concat(rows.Select(r => r.RoutedTo ?? string.Empty)).Concat(rows.Select(r => r.BodyCode ?? string.Empty)).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, ct);

        var items = rows.Select(r =>
        {
            var definition = catalog.Find(r.DefinitionId, r.DefinitionVersion)?.Definition;
            var state = definition?.FindState(r.State);
            var situation = new CaseSituation(
                r.State, state, r.IsClosed, r.RoutedTo, r.BodyCode, r.NextDue, r.NextKind,
                windows.TryGetValue(r.Id, out var closes) ? closes : null);
            var (yourTurn, expectation) = forApplicant
                ? Expectations.ForApplicant(situation, actor.Organisation, names)
                : Expectations.ForQueue(situation, names);
            return new CaseListRow(
                r.Id, r.Reference, r.CaseType, definition?.Title ?? r.CaseType, r.Title, r.State, r.StateLabel, r.IsClosed,
                r.OwningOrganisation, names.GetValueOrDefault(r.OwningOrganisation, r.OwningOrganisation),
                r.NextDue, r.NextKind is null ? null : DeadlineName(r.NextKind), r.Overdue, r.DueSoon, yourTurn, expectation);
        }).ToList();
        return new CaseListPage(items, number, PageSize, total, overdueCount, dueSoonCount);
    }

    private static string DeadlineName(string kind) => TermKinds.TryGet(kind, out var known) && known is not null ? known.Name : kind;
}

/// <summary>What a list needs to say who is to act on a case and by when.</summary>
internal sealed record CaseSituation(
    string State,
    StateDefinition? StateDefinition,
    bool Closed,
    string? RoutedTo,
    string? BodyCode,
    DateOnly? NextDue,
    string? NextKind,
    DateTimeOffset? WindowClosesAt);

/// <summary>
/// "What is expected of you": one Dutch sentence per case, from the state's owner in the pinned workflow definition
/// (initiator, routed, secretariat) and the running deadline, so a gemeente sees at a glance where it must act.
/// </summary>
internal static class Expectations
{
    public static (bool YourTurn, string Text) ForApplicant(CaseSituation s, string organisation, IReadOnlyDictionary<string, string> names)
    {
        if (s.Closed || s.StateDefinition?.Owner == StateOwner.None)
        {
            return (false, "Niets: de zaak is afgesloten.");
        }

        var by = s.NextDue is { } due ? $" vóór {NlFormat.Date(due)}" : string.Empty;
        switch (s.State)
        {
            case "concept":
                var window = s.WindowClosesAt is { } closes ? $" vóór {NlFormat.DateTimeWithHour(closes)}" : string.Empty;
                return (true, $"Dien de aanvraag in{window}");
            case "herstel":
                return (true, $"Vul de aanvraag aan{by}");
            case "uitvoering":
                return (true, $"Start de bouw en meld dat{by}");
            case "bouw":
                return (true, $"Verantwoord de uitkering (SiSa){by}");
        }

        if (s.StateDefinition?.Owner == StateOwner.Initiator || s.RoutedTo == organisation)
        {
            var until = s.NextDue is { } end ? $" Uiterlijk {NlFormat.Date(end)}." : string.Empty;
            return (true, $"U bent aan zet: {s.StateDefinition?.Description ?? s.State}{until}");
        }

        if (s.NextKind == TermKinds.Bezwaartermijn.Id && s.NextDue is { } objectionEnd)
        {
            return (false, $"Niets verplicht. Bezwaar maken kan tot en met {NlFormat.Date(objectionEnd)}.");
        }

        return (false, "Niets: " + WhoActs(s, names) + " is aan zet.");
    }

    public static (bool YourTurn, string Text) ForQueue(CaseSituation s, IReadOnlyDictionary<string, string> names) =>
        (s.StateDefinition?.Owner is StateOwner.Routed, WhoActs(s, names));

    private static string WhoActs(CaseSituation s, IReadOnlyDictionary<string, string> names) => s.StateDefinition?.Owner switch
    {
        StateOwner.Secretariat when s.BodyCode is { } body => "het secretariaat van " + names.GetValueOrDefault(body, body),
        StateOwner.Initiator => "de indiener",
        _ when s.RoutedTo is { } routed => names.GetValueOrDefault(routed, routed),
        _ => "de behandelaar",
    };
}
