using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Meetings;

internal static class AddAgendaItemEndpoint
{
    public static RouteGroupBuilder MapAddAgendaItem(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/agenda-items", async (Guid id, AddAgendaItemRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var dto = await mediator.Send(new AddAgendaItemCommand(id, body.CaseId, body.LateReason), ct);
                return Results.Created($"/api/v1/meetings/{id}", dto);
            })
            .WithName("addAgendaItem")
            .WithSummary("Een zaak agenderen; na de sluitingsdatum alleen met een reden (lateReason)")
            .Produces<AgendaItemDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return group;
    }
}
