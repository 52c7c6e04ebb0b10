using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Audit;

internal static class TakeAuditCheckpointEndpoint
{
    public static RouteGroupBuilder MapTakeAuditCheckpoint(this RouteGroupBuilder group)
    {
        group.MapPost("/checkpoints", (IMediator mediator, CancellationToken ct) => mediator.Send(new TakeAuditCheckpointCommand(), ct))
            .WithName("takeAuditCheckpoint")
            .WithSummary("Legt de koppen van alle auditstromen vast, zodat ook het verwijderen van een hele stroom opvalt")
            .Produces<AuditCheckpointDto>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return group;
    }
}
