using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Meetings;

internal static class RecordDecisionEndpoint
{
    public static RouteGroupBuilder MapRecordDecision(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/agenda-items/{itemId:guid}/decision", (Guid id, Guid itemId, RecordDecisionRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RecordDecisionCommand(id, itemId, body.Action, body.Besluit ?? string.Empty, body.Reason, body.Data ?? [], body.ActionItems ?? []), ct))
            .IsDecision()
            .WithName("recordAgendaItemDecision")
            .WithSummary("Het besluit over een agendapunt vastleggen; dat voert de actie van de workflow van de zaak uit")
            .Produces<AgendaItemDto>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return group;
    }
}
