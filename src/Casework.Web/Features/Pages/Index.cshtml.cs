using Casework.Web.Features.Start;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Casework.Web.Features.Pages;

/// <summary>
/// <c>GET /</c>: for a signed-in user the start page: per role the counts that matter, each a link to the list that shows
/// exactly those cases (<see cref="StartOverviewQuery"/>); otherwise the way to sign in. Anonymous; shows nothing about
/// cases to anyone not signed in.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AuthOptions options) : CaseworkPageModel
{
    public string Roles { get; private set; } = string.Empty;

    public IReadOnlyList<StartSection> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (HttpCurrentActor.FromPrincipal(User, options) is { } actor)
        {
            Roles = string.Join(", ", actor.Roles.Select(RoleLabels.Dutch).Order(StringComparer.Ordinal));
            Sections = await QueryAsync(new StartOverviewQuery(), ct);
        }
    }
}
