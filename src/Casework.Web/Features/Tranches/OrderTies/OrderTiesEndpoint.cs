using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Tranches;

internal static class OrderTiesEndpoint
{
    public static RouteGroupBuilder MapOrderTies(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/tie-breaks", (Guid id, TieBreakRequest? body, IMediator mediator, CancellationToken ct) => mediator.Send(new OrderTiesCommand(id, body), ct))
            .RequireAuthorization()
            .IsDecision()
            .WithName("orderTrancheTies")
            .WithSummary("Een persoon ordent aanvragen met gelijke totaalscore; geeft de rangschikking terug")
            .Produces<IReadOnlyList<RankingEntryDto>>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        return group;
    }
}
