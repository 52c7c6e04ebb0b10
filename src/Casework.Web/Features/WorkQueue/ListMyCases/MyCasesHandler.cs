using Casework.Web.Features.Cases;
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
        var cases = db.Cases.AsNoTracking().VisibleTo(actor);
        return await CaseLists.PageAsync(db, catalog, time, cases, query.Page, actor, forApplicant: true, cancellationToken, query.PageSize);
    }
}
