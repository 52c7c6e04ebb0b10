using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;

namespace Casework.Web.Features.Vastlopers;

internal sealed class GetVastloperHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<GetVastloperQuery, VastloperDto>
{
    public async ValueTask<VastloperDto> Handle(GetVastloperQuery query, CancellationToken cancellationToken) =>
        await VastloperQueries.LoadAsync(db, query.Id, current.Actor, cancellationToken);
}
