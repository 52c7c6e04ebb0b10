using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Knelpunten;

internal static class GetKnelpuntEndpoint
{
    public static RouteGroupBuilder MapGetKnelpunt(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetKnelpuntQuery(id), ct))
            .WithName("getKnelpunt")
            .WithSummary("Een knelpunt met wet, domein, indiener, status, geschiedenis en koppelingen")
            .Produces<KnelpuntDto>()
            .ProducesProblems(EndpointConventions.ReadProblems);
        return group;
    }
}
