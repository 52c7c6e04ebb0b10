using Casework.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Vastlopers;

internal static class VastloperEndpoints
{
    public static IEndpointRouteBuilder MapVastloperEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/vastlopers").WithTags("Vastlopers").RequireAuthorization();

        group.MapPost("/", async (RaiseVastloperRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new RaiseVastloperCommand(body.Titel ?? string.Empty, body.Omschrijving ?? string.Empty, body.Focusgebied ?? string.Empty, body.BesprokenInOverlegDate), ct);
                return Results.Created($"/api/v1/vastlopers/{dto.Id}", dto);
            })
            .WithName("raiseVastloper")
            .WithSummary("Een vastloper uit het alliantieoverleg melden; die gaat naar het departement van de rijksvertegenwoordiger")
            .Produces<VastloperDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetVastloperQuery(id), ct))
            .WithName("getVastloper")
            .WithSummary("Een vastloper met status, geschiedenis en koppelingen")
            .Produces<VastloperDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/omzetten-in-knelpunt", (Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, ConvertVastloperRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ConvertVastloperCommand(id, IfMatch.Optional(ifMatch), body.Reason ?? string.Empty, body.Wet), ct))
            .IsDecision()
            .WithName("convertVastloperToKnelpunt")
            .WithSummary("Een vastloper omzetten in een knelpunt; het knelpunt houdt de koppeling en de geschiedenis")
            .Produces<ConvertVastloperResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return api;
    }
}
