using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Web.Api;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Cases;

/// <summary>
/// Who sees which case, applied in every query and every command (not only in pages):
/// auditors and administrators see all; gemeente users see their own organisation's cases (a joint
/// application is visible to each member); everyone else sees what is routed to their organisation, what
/// they lead, the cases on their body's agenda, and what their organisation acted on. Another
/// organisation's case is 404, and absent from lists.
/// </summary>
internal static class CaseAccess
{
    public static bool SeesEverything(Actor actor) =>
        actor.IsSystem || actor.Roles.Contains(Role.Auditor) || actor.Roles.Contains(Role.Beheerder);

    public static IQueryable<CaseFile> VisibleTo(this IQueryable<CaseFile> cases, Actor actor)
    {
        if (SeesEverything(actor))
        {
            return cases;
        }

        // No role, no cases (and not "only gemeente roles", which All() would say of an empty set).
        if (actor.Roles.Count == 0)
        {
            return cases.Where(_ => false);
        }

        var org = actor.Organisation;
        if (actor.Roles.All(r => r == Role.GemeenteAanvrager))
        {
            return cases.Where(c => c.OwningOrganisation == org || c.Members.Any(m => m.OrganisationCode == org));
        }

        return cases.Where(c => c.OwningOrganisation == org
            || c.Members.Any(m => m.OrganisationCode == org)
            || c.RoutedTo == org
            || c.LeadDepartment == org
            || c.BodyCode == org
            || c.Statuses.Any(s => s.ActorOrganisation == org));
    }

    /// <summary>Loads a case the actor may see (tracked, with its statuses and members), or 404.</summary>
    /// <param name="withHistory">
    /// False leaves the status history out (members still come along): for a transition, which only appends a
    /// status numbered from <see cref="CaseFile.LastStatusSequence"/>. Loading and tracking the whole, ever
    /// growing history was the largest part of a transition's time that was not the COMMIT.
    /// </param>
    public static async Task<CaseFile> LoadVisibleAsync(CaseworkDbContext db, Guid id, Actor actor, CancellationToken ct, bool tracked = true, bool withHistory = true)
    {
        var query = db.Cases.Where(c => c.Id == id).VisibleTo(actor);
        if (!tracked)
        {
            query = query.AsNoTracking();
        }

        if (!withHistory)
        {
            query = query.IgnoreAutoIncludes();
        }

        return await query.FirstOrDefaultAsync(ct) ?? throw ApiProblemException.NotFound("De zaak");
    }

    /// <summary>Auditors read everything and write nothing.</summary>
    public static void EnsureMayWrite(Actor actor)
    {
        if (!actor.IsSystem && actor.Roles.Count > 0 && actor.Roles.All(r => r == Role.Auditor))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Een auditor leest alles maar wijzigt niets.");
        }
    }
}
