using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Vastlopers;

internal static class RaiseVastloperEndpoint
{
    public static RouteGroupBuilder MapRaiseVastloper(this RouteGroupBuilder group)
    {
        group.MapPost("/", async (RaiseVastloperRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new RaiseVastloperCommand(body.Titel ?? string.Empty, body.Omschrijving ?? string.Empty, body.Focusgebied ?? string.Empty, body.BesprokenInOverlegDate), ct);
                return Results.Created($"/api/v1/vastlopers/{dto.Id}", dto);
            })
            .WithName("raiseVastloper")
            .WithSummary("Een vastloper uit het alliantieoverleg melden; die gaat naar het departement van de rijksvertegenwoordiger")
            .Produces<VastloperDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);
        return group;
    }
}
