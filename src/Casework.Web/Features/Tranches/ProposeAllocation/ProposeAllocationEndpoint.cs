using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Tranches;

internal static class ProposeAllocationEndpoint
{
    public static RouteGroupBuilder MapProposeAllocation(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/allocation", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ProposeAllocationQuery(id), ct))
            .RequireAuthorization()
            .IsDecision()
            .WithName("proposeTrancheAllocation")
            .WithSummary("Voorstel van toekenningen in volgorde van de rangschikking tot het plafond (schrijft niets)")
            .Produces<IReadOnlyList<AllocationProposalDto>>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        return group;
    }
}
