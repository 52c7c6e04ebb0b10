using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Vastlopers;

internal static class GetVastloperEndpoint
{
    public static RouteGroupBuilder MapGetVastloper(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetVastloperQuery(id), ct))
            .WithName("getVastloper")
            .WithSummary("Een vastloper met status, geschiedenis en koppelingen")
            .Produces<VastloperDto>()
            .ProducesProblems(EndpointConventions.ReadProblems);
        return group;
    }
}
