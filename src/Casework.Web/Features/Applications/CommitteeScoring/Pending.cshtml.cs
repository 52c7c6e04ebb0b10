using Casework.Domain.Access;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Applications.CommitteeScoring;

/// <summary><c>GET /commissie</c>: the applications the signed-in Commissielid has still to score (not scored, not recused from).</summary>
public sealed class PendingScoringModel : CaseworkPageModel
{
    public IReadOnlyList<PendingScoringItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Service<ICurrentActor>().Actor.Roles.Contains(Role.Commissielid))
        {
            return PageAccess.Denied(this, "Deze lijst is er voor leden van een toetsingscommissie.");
        }

        Items = await QueryAsync(new ListPendingScoringQuery(), ct);
        return Page();
    }
}
