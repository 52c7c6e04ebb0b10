using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Meetings;

internal static class PlanMeetingEndpoint
{
    public static RouteGroupBuilder MapPlanMeeting(this RouteGroupBuilder group)
    {
        group.MapPost("/", async (PlanMeetingRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new PlanMeetingCommand(body.Body ?? string.Empty, body.Date, body.CutOffDate, body.Title), ct);
                return Results.Created($"/api/v1/meetings/{dto.Id}", dto);
            })
            .WithName("planMeeting")
            .WithSummary("Een vergadering plannen (secretariaat van het gremium)")
            .Produces<MeetingDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);
        return group;
    }
}
