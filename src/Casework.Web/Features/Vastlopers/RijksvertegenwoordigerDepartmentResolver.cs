using Casework.Domain.Cases;
using Casework.Domain.Escalation;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;

namespace Casework.Web.Features.Vastlopers;

/// <summary>
/// Resolves the case role <c>rijksvertegenwoordiger-department</c> of a vastloper: the department recorded when it
/// was raised (the rijksvertegenwoordiger's department of the focusgebied, or VRO as coordinating department, NPLV hoofdstuk 1).
/// </summary>
internal sealed class RijksvertegenwoordigerDepartmentResolver(CaseworkDbContext db) : ICaseRoleResolver
{
    public const string Role = "rijksvertegenwoordiger-department";

    public async Task<string?> ResolveAsync(CaseFile caseFile, string role, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        if (role != Role)
        {
            return null;
        }

        // FindAsync sees the row added in the same unit of work, before it is saved.
        var vastloper = await db.Set<Vastloper>().FindAsync([caseFile.Id], ct);
        return vastloper?.Department;
    }
}
