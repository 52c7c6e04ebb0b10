using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;

namespace Casework.Web.Features.Knelpunten;

internal sealed class GetKnelpuntHandler(CaseworkDbContext db, ICurrentActor current) : IQueryHandler<GetKnelpuntQuery, KnelpuntDto>
{
    public async ValueTask<KnelpuntDto> Handle(GetKnelpuntQuery query, CancellationToken cancellationToken) =>
        await KnelpuntQueries.LoadAsync(db, query.Id, current.Actor, cancellationToken);
}
