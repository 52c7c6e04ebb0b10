using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Knelpunten;

internal static class RaiseKnelpuntEndpoint
{
    public static RouteGroupBuilder MapRaiseKnelpunt(this RouteGroupBuilder group)
    {
        group.MapPost("/", async (RaiseKnelpuntRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(
                    new RaiseKnelpuntCommand(body.Titel ?? string.Empty, body.Omschrijving ?? string.Empty, body.Wet, body.Domein, body.Focusgebieden ?? [], body.VoorgesteldeOplossing, body.GerelateerdAan ?? []),
                    ct);
                return Results.Created($"/api/v1/knelpunten/{dto.Id}", dto);
            })
            .WithName("raiseKnelpunt")
            .WithSummary("Een knelpunt in regelgeving melden (gemeente, alliantie of departement); het gaat naar de triage van het SBSD")
            .Produces<KnelpuntDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return group;
    }
}
