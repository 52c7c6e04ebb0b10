using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

internal static class GetApplicationEndpoint
{
    public static RouteGroupBuilder MapGetApplication(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new GetApplicationQuery(id), http, ct))
            .WithName("getApplication")
            .WithSummary("Een aanvraag met haar gegevens, status, scores en toekenning")
            .Produces<ApplicationDto>()
            .ProducesProblems(EndpointConventions.ReadProblems);
        return group;
    }
}
