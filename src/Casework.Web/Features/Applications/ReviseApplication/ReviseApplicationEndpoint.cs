using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

internal static class ReviseApplicationEndpoint
{
    public static RouteGroupBuilder MapReviseApplication(this RouteGroupBuilder group)
    {
        group.MapPut("/{id:guid}", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ApplicationRequest? body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new ReviseApplicationCommand(id, IfMatch.Required(ifMatch, "de aanvraag"), body), http, ct))
            .WithName("reviseApplication")
            .WithSummary("Een concept-aanvraag wijzigen (alleen in concept); If-Match bevat de versie")
            .Produces<ApplicationDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status428PreconditionRequired);
        return group;
    }
}
