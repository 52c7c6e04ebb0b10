using Casework.Domain.Access;
using Casework.Web.Api;
using Casework.Workflows.Engine;

namespace Casework.Web.Features.Audit;

/// <summary>Who may check the audit trail: an auditor or a beheerder (the verification and the checkpoint alike).</summary>
internal static class AuditAccess
{
    public static void EnsureAuditor(Actor actor)
    {
        var roles = actor.Roles;
        if (!roles.Contains(Role.Auditor) && !roles.Contains(Role.Beheerder))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen een auditor of beheerder controleert de audittrail.");
        }
    }
}
