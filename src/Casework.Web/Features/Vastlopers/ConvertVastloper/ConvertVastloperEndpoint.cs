using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Vastlopers;

internal static class ConvertVastloperEndpoint
{
    public static RouteGroupBuilder MapConvertVastloper(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/omzetten-in-knelpunt", (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ConvertVastloperRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ConvertVastloperCommand(id, IfMatch.Optional(ifMatch), body.Reason ?? string.Empty, body.Wet), ct))
            .IsDecision()
            .WithName("convertVastloperToKnelpunt")
            .WithSummary("Een vastloper omzetten in een knelpunt; het knelpunt houdt de koppeling en de geschiedenis")
            .Produces<ConvertVastloperResponse>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return group;
    }
}
