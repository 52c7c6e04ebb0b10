using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Casework.Web.Features.Pages;

/// <summary><c>GET /</c>: who is signed in and where their work is, or the way to sign in. Anonymous; shows nothing about cases.</summary>
[AllowAnonymous]
public sealed class IndexModel(AuthOptions options) : CaseworkPageModel
{
    public string Roles { get; private set; } = string.Empty;

    public void OnGet()
    {
        if (HttpCurrentActor.FromPrincipal(User, options) is { } actor)
        {
            Roles = string.Join(", ", actor.Roles.Select(RoleLabels.Dutch).Order(StringComparer.Ordinal));
        }
    }
}
