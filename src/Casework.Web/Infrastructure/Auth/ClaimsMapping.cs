using System.Security.Claims;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Workflows.Engine;

namespace Casework.Web.Infrastructure.Auth;

/// <summary>
/// Maps the authority's claims (the configured organisation and role claims) onto Casework's own
/// <c>org</c> and <c>roles</c> claims, so the rest of the application reads one shape whichever
/// identity provider signed the user in.
/// </summary>
internal static class ClaimsMapping
{
    /// <summary>Adds the Casework claims to the principal and returns its actor, or null when it has no organisation or no known role.</summary>
    public static Actor? AddCaseworkClaims(ClaimsPrincipal? principal, AuthOptions options)
    {
        if (principal is null)
        {
            return null;
        }

        var organisation = principal.FindFirstValue(options.OrganisationClaim)?.Trim();
        var roles = RoleValues(principal, options.RoleClaim)
            .Select(RoleNames.Parse)
            .Where(r => r != Role.Systeem)
            .OfType<Role>()
            .ToHashSet();
        if (string.IsNullOrWhiteSpace(organisation) || roles.Count == 0)
        {
            return null;
        }

        var identity = new ClaimsIdentity(authenticationType: "casework", CaseworkClaims.Name, CaseworkClaims.Role);
        if (options.OrganisationClaim != CaseworkClaims.Organisation)
        {
            identity.AddClaim(new Claim(CaseworkClaims.Organisation, organisation));
        }

        var present = principal.FindAll(CaseworkClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var role in roles.Where(r => !present.Contains(r.ToString())))
        {
            identity.AddClaim(new Claim(CaseworkClaims.Role, role.ToString()));
        }

        if (identity.Claims.Any())
        {
            principal.AddIdentity(identity);
        }

        return HttpCurrentActor.FromPrincipal(principal, options);
    }

    /// <summary>Role claims come one value per claim, or (some providers) as one JSON array.</summary>
    private static IEnumerable<string> RoleValues(ClaimsPrincipal principal, string claimType)
    {
        foreach (var claim in principal.FindAll(claimType))
        {
            var value = claim.Value.Trim();
            if (value.StartsWith('['))
            {
                string[]? values = null;
                try
                {
                    values = JsonSerializer.Deserialize<string[]>(value);
                }
                catch (JsonException)
                {
                    // Not an array after all: treat it as one (unknown) role name below.
                }

                foreach (var v in values ?? [value])
                {
                    yield return v;
                }
            }
            else
            {
                yield return value;
            }
        }
    }
}
