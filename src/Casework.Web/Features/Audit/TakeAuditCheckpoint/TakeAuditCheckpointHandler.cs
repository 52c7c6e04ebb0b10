using Casework.Web.Infrastructure.Auth;
using Mediator;

namespace Casework.Web.Features.Audit;

internal sealed class TakeAuditCheckpointHandler(AuditVerifier verifier, ICurrentActor current) : ICommandHandler<TakeAuditCheckpointCommand, AuditCheckpointDto>
{
    public async ValueTask<AuditCheckpointDto> Handle(TakeAuditCheckpointCommand command, CancellationToken cancellationToken)
    {
        AuditAccess.EnsureAuditor(current.Actor);
        var checkpoint = await verifier.TakeCheckpointAsync(cancellationToken);
        return new AuditCheckpointDto(checkpoint.Id, checkpoint.At, checkpoint.ReadHeads().Count, checkpoint.Hash);
    }
}
