using Casework.Domain.Time;
using Casework.Web.Features.Deadlines;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Loading;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.WorkQueue;

internal sealed class WorkQueueHandler(CaseworkDbContext db, ICurrentActor current, DefinitionCatalog catalog, TimeProvider time, LegalCalendar calendars) : IQueryHandler<WorkQueueQuery, CaseListPage>
{
    public async ValueTask<CaseListPage> Handle(WorkQueueQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var today = AmsterdamClock.Today(time);
        var workingDaysEnd = query.DueWithinWorkingDays ? CaseSelections.WorkingDaysEnd(today, await calendars.GetAsync(db, cancellationToken)) : today;
        var cases = CaseSelections.WorkQueue(db, actor, query, today, workingDaysEnd).AsNoTracking();
        return await CaseLists.PageAsync(db, catalog, time, cases, query.Page, actor, forApplicant: false, cancellationToken, query.PageSize);
    }
}
