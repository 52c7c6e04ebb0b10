using System.Collections.Concurrent;
using Casework.Domain.Access;
using Casework.Domain.Escalation;
using Casework.Domain.Organisations;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Knelpunten;

/// <summary>
/// Who may raise a knelpunt or a vastloper, in one place, so the handlers that refuse and the menu that offers the
/// pages give the same answer: a knelpunt comes from a gemeente (aanvrager), an alliance's secretariat or a department
/// (beoordelaar, rijksvertegenwoordiger or secretaris); a vastloper from an alliance's secretariat.
/// </summary>
public static class EscalationRaisers
{
    // An organisation's kind is seeded reference data that does not change while the host runs; the menu asks on every page.
    private static readonly ConcurrentDictionary<string, OrganisationKind?> Kinds = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    /// <summary>As whom the actor raises a knelpunt, or null when it may not.</summary>
    public static IndienerSoort? KnelpuntIndiener(OrganisationKind? kind, IReadOnlySet<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return kind switch
        {
            OrganisationKind.Gemeente when roles.Contains(Role.GemeenteAanvrager) => IndienerSoort.Gemeente,
            OrganisationKind.Alliantie when roles.Contains(Role.Secretaris) => IndienerSoort.Alliantie,
            OrganisationKind.Departement when roles.Contains(Role.Beoordelaar) || roles.Contains(Role.Rijksvertegenwoordiger) || roles.Contains(Role.Secretaris) => IndienerSoort.Departement,
            _ => null,
        };
    }

    /// <summary>Whether the actor speaks for an alliance (its secretariat), which raises vastlopers from the alliantieoverleg.</summary>
    public static bool MayRaiseVastloper(OrganisationKind? kind, IReadOnlySet<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return kind == OrganisationKind.Alliantie && roles.Contains(Role.Secretaris);
    }

    public static async Task<OrganisationKind?> KindAsync(CaseworkDbContext db, string organisation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Kinds.TryGetValue(organisation, out var known))
        {
            return known;
        }

        var kind = await db.Organisations.AsNoTracking().Where(o => o.Code == organisation).Select(o => (OrganisationKind?)o.Kind).FirstOrDefaultAsync(ct);
        if (kind is not null)
        {
            Kinds[organisation] = kind;
        }

        return kind;
    }

    /// <summary>The organisation as a person reads it ("gemeente Rotterdam"), for the layout; cached like the kind.</summary>
    public static string Name(CaseworkDbContext db, string organisation)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Names.TryGetValue(organisation, out var known))
        {
            return known;
        }

        var name = db.Organisations.AsNoTracking().Where(o => o.Code == organisation).Select(o => o.Name).FirstOrDefault();
        var label = Pages.Labels.Organisation(organisation, name);
        if (name is not null)
        {
            Names[organisation] = label;
        }

        return label;
    }

    /// <summary>The same, for the layout's menu, which is built synchronously while the page renders.</summary>
    public static OrganisationKind? Kind(CaseworkDbContext db, string organisation)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Kinds.TryGetValue(organisation, out var known))
        {
            return known;
        }

        var kind = db.Organisations.AsNoTracking().Where(o => o.Code == organisation).Select(o => (OrganisationKind?)o.Kind).FirstOrDefault();
        if (kind is not null)
        {
            Kinds[organisation] = kind;
        }

        return kind;
    }

    public static async Task<IndienerSoort?> KnelpuntIndienerAsync(CaseworkDbContext db, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return KnelpuntIndiener(await KindAsync(db, actor.Organisation, ct), actor.Roles);
    }
}
