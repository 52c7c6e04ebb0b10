using Casework.Web.Infrastructure.Auth;
using Mediator;

namespace Casework.Web.Features.Audit;

internal sealed class VerifyAuditHandler(AuditVerifier verifier, ICurrentActor current) : IQueryHandler<VerifyAuditQuery, AuditVerificationDto>
{
    public async ValueTask<AuditVerificationDto> Handle(VerifyAuditQuery query, CancellationToken cancellationToken)
    {
        AuditAccess.EnsureAuditor(current.Actor);
        return await verifier.VerifyAsync(cancellationToken);
    }
}
