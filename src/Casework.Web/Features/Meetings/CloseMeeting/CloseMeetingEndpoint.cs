using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Meetings;

internal static class CloseMeetingEndpoint
{
    public static RouteGroupBuilder MapCloseMeeting(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/close", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new CloseMeetingCommand(id), ct))
            .IsDecision()
            .WithName("closeMeeting")
            .WithSummary("Een gehouden vergadering sluiten; niet behandelde punten gaan naar de volgende vergadering van hetzelfde gremium")
            .Produces<MeetingDto>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return group;
    }
}
