using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

internal static class RecordReclaimEndpoint
{
    public static RouteGroupBuilder MapRecordReclaim(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/reclaims", async ([FromRoute] Guid id, ReclaimRequest? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"{ApiVersion.BasePath}/applications/{id}/payments", await mediator.Send(new RecordReclaimCommand(id, body), ct)))
            .WithName("recordApplicationReclaim")
            .WithSummary("Een terugvordering op de aanvraag registreren; nooit meer dan op de aanvraag is betaald")
            .Produces<ReclaimResultDto>(StatusCodes.Status201Created)
            .ProducesProblems(EndpointConventions.CommandProblems);
        return group;
    }
}
