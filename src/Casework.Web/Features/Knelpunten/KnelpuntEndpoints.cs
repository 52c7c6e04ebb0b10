using Mediator;

namespace Casework.Web.Features.Knelpunten;

internal static class KnelpuntEndpoints
{
    public static IEndpointRouteBuilder MapKnelpuntEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/knelpunten").WithTags("Knelpunten").RequireAuthorization();

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
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetKnelpuntQuery(id), ct))
            .WithName("getKnelpunt")
            .WithSummary("Een knelpunt met wet, domein, indiener, status, geschiedenis en koppelingen")
            .Produces<KnelpuntDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
