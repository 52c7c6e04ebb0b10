using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Cases;

internal static class FireActionEndpoint
{
    public static RouteGroupBuilder MapFireAction(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/actions/{action}", (Guid id, string action, [FromHeader(Name = "If-Match")] string? ifMatch, FireActionRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new FireActionCommand(id, action, IfMatch.Required(ifMatch, "de zaak"), body?.Reason, body?.Data ?? []), http, ct))
            .IsDecision()
            .WithName("fireCaseAction")
            .WithSummary("Een actie van de workflow uitvoeren; If-Match bevat de versie van de zaak")
            .Produces<CaseDto>()
            .ProducesProblems(EndpointConventions.VersionedCommandProblems);

        return group;
    }
}
