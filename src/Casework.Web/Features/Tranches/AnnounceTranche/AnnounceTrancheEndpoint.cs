using Casework.Web.Api;
using Casework.Web.Infrastructure.Idempotency;
using Mediator;

namespace Casework.Web.Features.Tranches;

internal static class AnnounceTrancheEndpoint
{
    public static RouteGroupBuilder MapAnnounceTranche(this RouteGroupBuilder group)
    {
        group.MapPost("/", async (AnnounceTrancheRequest? body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new AnnounceTrancheCommand(body), ct);
                return TypedResults.Created($"{ApiVersion.BasePath}/tranches/{dto.Tranche.Id}", dto);
            })
            .RequireAuthorization()
            .WithIdempotencyKey()
            .WithName("announceTranche")
            .WithSummary("Een nieuwe ronde aankondigen op basis van de regelset van een eerdere ronde, met afwijkingen")
            .Produces<TrancheDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);

        return group;
    }
}
