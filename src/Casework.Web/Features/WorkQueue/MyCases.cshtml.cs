using Casework.Domain.Access;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.WorkQueue;

/// <summary><c>GET /mijn-zaken</c>: the gemeente's own cases, the most urgent first, each saying what the gemeente must do and by when.</summary>
public sealed class MyCasesModel : CaseworkPageModel
{
    public CaseListPage Cases { get; private set; } = new([], 1, CaseLists.PageSize, 0, 0, 0);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "pagina")] int? page, CancellationToken ct)
    {
        if (!Service<ICurrentActor>().Actor.Roles.Contains(Role.GemeenteAanvrager))
        {
            return PageAccess.Denied(this, "Mijn zaken is er voor aanvragers van een gemeente. Uw werk staat in de werkvoorraad.");
        }

        Cases = await QueryAsync(new MyCasesQuery(page ?? 1), ct);
        return Page();
    }
}
