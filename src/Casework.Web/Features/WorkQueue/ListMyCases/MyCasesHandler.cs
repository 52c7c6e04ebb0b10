using Casework.Domain.Time;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Loading;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.WorkQueue;

internal sealed class MyCasesHandler(CaseworkDbContext db, ICurrentActor current, DefinitionCatalog catalog, TimeProvider time) : IQueryHandler<MyCasesQuery, CaseListPage>
{
    public async ValueTask<CaseListPage> Handle(MyCasesQuery query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var cases = CaseSelections.MyCases(db, catalog, actor, query.Filter, AmsterdamClock.Today(time)).AsNoTracking();
        return await CaseLists.PageAsync(db, catalog, time, cases, query.Page, actor, forApplicant: true, cancellationToken, query.PageSize);
    }
}
