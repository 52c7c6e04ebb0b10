using System.Security.Claims;
using Casework.Domain.Access;
using Casework.Workflows.Engine;

namespace Casework.Web.Infrastructure.Auth;

/// <summary>The signed-in user as an <see cref="Actor"/>: one organisation, one or more roles.</summary>
public interface ICurrentActor
{
    Actor Actor { get; }

    string DisplayName { get; }
}

internal sealed class HttpCurrentActor(IHttpContextAccessor accessor, AuthOptions options) : ICurrentActor
{
    private Actor? _actor;

    public Actor Actor => _actor ??= FromPrincipal(accessor.HttpContext?.User, options)
        ?? throw new UnauthorizedAccessException("No signed-in user.");

    public string DisplayName => accessor.HttpContext?.User.FindFirstValue(CaseworkClaims.Name) ?? Actor.UserId;

    public static Actor? FromPrincipal(ClaimsPrincipal? user, AuthOptions options)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var subject = user.FindFirstValue(CaseworkClaims.Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        var organisation = user.FindFirstValue(CaseworkClaims.Organisation) ?? user.FindFirstValue(options.OrganisationClaim);
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(organisation))
        {
            return null;
        }

        var roles = user.FindAll(CaseworkClaims.Role).Concat(user.FindAll(options.RoleClaim)).Concat(user.FindAll(ClaimTypes.Role))
            .Select(c => RoleNames.Parse(c.Value))
            .OfType<Role>()
            .Where(r => r != Role.Systeem)
            .ToHashSet();
        return new Actor(subject, organisation, roles);
    }
}

/// <summary>Role names exactly as the enum spells them: never a number ("7") or a list ("A,B"), which Enum.TryParse would also accept.</summary>
internal static class RoleNames
{
    private static readonly Dictionary<string, Role> ByName = Enum.GetValues<Role>().ToDictionary(r => r.ToString(), StringComparer.OrdinalIgnoreCase);

    public static Role? Parse(string? value) => value is not null && ByName.TryGetValue(value.Trim(), out var role) ? role : null;
}
