using Casework.Web.Api;
using Mediator;

namespace Casework.Web.Features.Audit;

internal static class VerifyAuditEndpoint
{
    public static RouteGroupBuilder MapVerifyAudit(this RouteGroupBuilder group)
    {
        group.MapGet("/verification", (IMediator mediator, CancellationToken ct) => mediator.Send(new VerifyAuditQuery(), ct))
            .WithName("verifyAudit")
            .WithSummary("Controleert de hashketens van de audittrail (gewijzigde, ingevoegde en verwijderde gebeurtenissen)")
            .Produces<AuditVerificationDto>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return group;
    }
}
