using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications;

internal static class SubmitApplicationEndpoint
{
    public static RouteGroupBuilder MapSubmitApplication(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/submit", ([FromRoute] Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                mediator.SendWithETagAsync(new SubmitApplicationCommand(id, IfMatch.Required(ifMatch, "de aanvraag")), http, ct))
            .IsDecision()
            .WithName("submitApplication")
            .WithSummary("Een aanvraag indienen: alle gebroken toelatingscriteria tegelijk (422), anders ingediend")
            .Produces<ApplicationDto>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        return group;
    }
}
