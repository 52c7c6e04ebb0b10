using Casework.Domain.Time;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Loading;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.WorkQueue;

internal sealed class WorkQueueHandler(CaseworkDbContext db, ICurrentActor current, DefinitionCatalog catalog, TimeProvider time) : IQueryHandler<WorkQueueQuery, CaseListPage>
{
    public async ValueTask<CaseListPage> Handle(WorkQueueQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var org = actor.Organisation;
        var cases = db.Cases.AsNoTracking().VisibleTo(actor).Where(c => !c.IsClosed).Matching(db, query.Zoek);
        if (!CaseAccess.SeesEverything(actor))
        {
            // A work queue is what waits for this organisation, not everything it may read; a department may add the
            // cases it leads (a knelpunt it is trekker of, waiting at the SBSD), to follow them.
            cases = query.IncludeLed ? cases.Where(c => c.RoutedTo == org || c.LeadDepartment == org) : cases.Where(c => c.RoutedTo == org);
        }

        cases = BehandelaarFilter.Apply(cases, query.Behandelaar, actor.UserId);
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            cases = cases.Where(c => c.CaseType == query.Type);
        }

        if (!string.IsNullOrWhiteSpace(query.State))
        {
            cases = cases.Where(c => c.State == query.State);
        }

        var today = AmsterdamClock.Today(time);
        var soon = today.AddDays(CaseLists.DueSoonDays);
        if (query.Overdue)
        {
            cases = cases.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && (d.Status == DeadlineStatus.Expired || (d.Status == DeadlineStatus.Running && d.CurrentDueDate < today))));
        }

        if (query.DueSoon)
        {
            cases = cases.Where(c => db.Deadlines.Any(d => d.CaseId == c.Id && d.Status == DeadlineStatus.Running && d.CurrentDueDate >= today && d.CurrentDueDate <= soon));
        }

        return await CaseLists.PageAsync(db, catalog, time, cases, query.Page, actor, forApplicant: false, cancellationToken, query.PageSize);
    }
}
