using Casework.Domain.Access;
using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

/// <summary>An action item agreed at one of the body's meetings whose deadline has not passed, with where it was agreed.</summary>
public sealed record OpenActionItemDto(Guid Id, string Description, string Owner, string OwnerName, DateOnly DueDate, Guid MeetingId, string MeetingTitle, DateOnly MeetingDate, string CaseReference);

/// <summary>The open action items of the secretary's own body (<see cref="ActionItemSelections.OpenOf"/>), the first deadline first.</summary>
public sealed record ListOpenActionItemsQuery : IQuery<IReadOnlyList<OpenActionItemDto>>;

/// <summary>
/// Which action items count as open, for the list and the start page alike. An action item carries no "done" mark: it
/// is open until its deadline has passed (today included).
/// </summary>
internal static class ActionItemSelections
{
    public static IQueryable<ActionItem> OpenOf(CaseworkDbContext db, string body, DateOnly today) =>
        db.Set<ActionItem>().Where(a => a.DueDate >= today
            && db.Set<AgendaItem>().Any(i => i.Id == a.AgendaItemId && db.Set<Meeting>().Any(m => m.Id == i.MeetingId && m.BodyCode == body)));

    /// <summary>The body whose secretariat the actor is, or null.</summary>
    public static string? OwnBody(Actor actor) =>
        actor.Roles.Contains(Role.Secretaris) && MeetingBodies.IsKnown(actor.Organisation) ? actor.Organisation : null;
}

internal sealed class ListOpenActionItemsHandler(CaseworkDbContext db, ICurrentActor current, TimeProvider time) : IQueryHandler<ListOpenActionItemsQuery, IReadOnlyList<OpenActionItemDto>>
{
    public async ValueTask<IReadOnlyList<OpenActionItemDto>> Handle(ListOpenActionItemsQuery query, CancellationToken cancellationToken)
    {
        if (ActionItemSelections.OwnBody(current.Actor) is not { } body)
        {
            return [];
        }

        var rows = await ActionItemSelections.OpenOf(db, body, AmsterdamClock.Today(time)).AsNoTracking()
            .Join(db.Set<AgendaItem>(), a => a.AgendaItemId, i => i.Id, (a, i) => new { a, i.MeetingId, i.CaseReference })
            .Join(db.Set<Meeting>(), x => x.MeetingId, m => m.Id, (x, m) => new { x.a, x.CaseReference, m.Id, m.Title, m.Date })
            .OrderBy(x => x.a.DueDate).ThenBy(x => x.Date).ThenBy(x => x.a.Description)
            .Take(500)
            .ToListAsync(cancellationToken);
        var owners = rows.Select(r => r.a.Owner).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => owners.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);
        return rows.Select(r => new OpenActionItemDto(r.a.Id, r.a.Description, r.a.Owner, names.GetValueOrDefault(r.a.Owner, r.a.Owner), r.a.DueDate, r.Id, r.Title, r.Date, r.CaseReference)).ToList();
    }
}
