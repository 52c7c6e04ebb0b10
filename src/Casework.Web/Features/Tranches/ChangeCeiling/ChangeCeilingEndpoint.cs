using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Tranches;

internal static class ChangeCeilingEndpoint
{
    public static RouteGroupBuilder MapChangeCeiling(this RouteGroupBuilder group)
    {
        group.MapPut("/{id:guid}/ceiling", (Guid id, ChangeCeilingRequest? body, IMediator mediator, CancellationToken ct) => mediator.Send(new ChangeCeilingCommand(id, body), ct))
            .RequireAuthorization()
            .WithName("changeTrancheCeiling")
            .WithSummary("Het plafond van een ronde verhogen of verlagen (nooit onder wat al verplicht is)")
            .Produces<TrancheDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        return group;
    }
}
