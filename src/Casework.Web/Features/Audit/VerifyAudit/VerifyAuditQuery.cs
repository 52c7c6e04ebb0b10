using Mediator;

namespace Casework.Web.Features.Audit;

public sealed record VerifyAuditQuery : IQuery<AuditVerificationDto>;
