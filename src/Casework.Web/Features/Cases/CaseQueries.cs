using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Cases;

public sealed record GetCaseQuery(Guid Id) : IQuery<CaseDto>;

/// <summary>The work list; <paramref name="Zoek"/> narrows it with the search of <see cref="CaseSearch"/>.</summary>
public sealed record ListCasesQuery(string? Type, string? State, string? Organisation, bool? Overdue, int? DueWithin, bool? Closed, string? Cursor, int? Limit, string? Zoek = null, string? Behandelaar = null) : IQuery<Page<CaseSummaryDto>>;

internal sealed class CaseQueryHandlers(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, TimeProvider time, PrivilegedReads reads) :
    IQueryHandler<GetCaseQuery, CaseDto>,
    IQueryHandler<ListCasesQuery, Page<CaseSummaryDto>>
{
    public async ValueTask<CaseDto> Handle(GetCaseQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        return await reads.TracedAsync(actor, query.Id, PrivilegedReads.Case, async () =>
        {
            var caseFile = await CaseAccess.LoadVisibleAsync(db, query.Id, actor, cancellationToken, tracked: false);
            var deadlines = await db.Deadlines.AsNoTracking().Where(d => d.CaseId == caseFile.Id).ToListAsync(cancellationToken);
            var actions = caseFile.IsClosed ? [] : await transitions.AvailableAsync(caseFile, actor, cancellationToken);
            return CaseMapping.ToDto(caseFile, deadlines, actions, AmsterdamClock.Today(time), transitions.DescribeProposal(caseFile, actor));
        }, dto => dto.Reference, cancellationToken);
    }

    public async ValueTask<Page<CaseSummaryDto>> Handle(ListCasesQuery query, CancellationToken cancellationToken)
    {
        var limit = Cursor.Limit(query.Limit);
        var after = Cursor.Decode(query.Cursor);
        var today = AmsterdamClock.Today(time);
        var cases = db.Cases.AsNoTracking().VisibleTo(current.Actor).Matching(db, query.Zoek);
        cases = WorkQueue.BehandelaarFilter.Apply(cases, query.Behandelaar, current.Actor.UserId);
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            cases = cases.Where(c => c.CaseType == query.Type);
        }

        if (!string.IsNullOrWhiteSpace(query.State))
        {
            cases = cases.Where(c => c.State == query.State);
        }

        if (!string.IsNullOrWhiteSpace(query.Organisation))
        {
            cases = cases.Where(c => c.OwningOrganisation == query.Organisation || c.RoutedTo == query.Organisation);
        }

        if (query.Closed is { } closed)
        {
            cases = cases.Where(c => c.IsClosed == closed);
        }

        var running = db.Deadlines.Where(d => d.Status == DeadlineStatus.Running);
        if (query.Overdue == true)
        {
            cases = cases.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && (d.Status == DeadlineStatus.Expired || (d.Status == DeadlineStatus.Running && d.CurrentDueDate < today))));
        }
        else if (query.Overdue == false)
        {
            cases = cases.Where(c => !db.Deadlines.Any(d => d.CaseId == c.Id && (d.Status == DeadlineStatus.Expired || (d.Status == DeadlineStatus.Running && d.CurrentDueDate < today))));
        }

        if (query.DueWithin is { } days)
        {
            var until = today.AddDays(days);
            cases = cases.Where(c => running.Any(d => d.CaseId == c.Id && d.CurrentDueDate >= today && d.CurrentDueDate <= until));
        }

        if (after is not null)
        {
            cases = cases.Where(c => c.Reference.CompareTo(after) > 0);
        }

        var rows = await cases.OrderBy(c => c.Reference).Take(limit + 1)
            .Select(c => new
            {
                c.Id,
                c.Reference,
                c.CaseType,
                c.Title,
                c.State,
                c.StateLabel,
                c.IsClosed,
                c.OwningOrganisation,
                c.RoutedTo,
                c.UpdatedAt,
                Next = running.Where(d => d.CaseId == c.Id).OrderBy(d => d.CurrentDueDate).Select(d => new { d.CurrentDueDate, d.KindId }).FirstOrDefault(),
                Overdue = db.Deadlines.Any(d => d.CaseId == c.Id && (d.Status == DeadlineStatus.Expired || (d.Status == DeadlineStatus.Running && d.CurrentDueDate < today))),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new CaseSummaryDto(r.Id, r.Reference, r.CaseType, r.Title, r.State, r.StateLabel, r.IsClosed, r.OwningOrganisation, r.RoutedTo, r.Next?.CurrentDueDate, r.Next?.KindId, r.Overdue, r.UpdatedAt)).ToList();
        return Cursor.ToPage(items, limit, c => c.Reference);
    }
}
