using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Tranches;

internal static class RescheduleTrancheEndpoint
{
    public static RouteGroupBuilder MapRescheduleTranche(this RouteGroupBuilder group)
    {
        group.MapPut("/{id:guid}/window", (Guid id, RescheduleTrancheRequest? body, IMediator mediator, CancellationToken ct) => mediator.Send(new RescheduleTrancheCommand(id, body), ct))
            .RequireAuthorization()
            .WithName("rescheduleTranche")
            .WithSummary("Het tijdvak van een nog niet geopende ronde verschuiven (WBI: nooit dichter dan zes weken na de aankondiging)")
            .Produces<TrancheDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        return group;
    }
}
