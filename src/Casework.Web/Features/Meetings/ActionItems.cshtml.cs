using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Meetings;

/// <summary><c>GET /vergaderingen/actiepunten</c>: the secretary's body's action items whose deadline has not passed, the first deadline first.</summary>
public sealed class ActionItemsModel : CaseworkPageModel
{
    public IReadOnlyList<OpenActionItemDto> Items { get; private set; } = [];

    public string BodyName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ActionItemSelections.OwnBody(Service<ICurrentActor>().Actor) is not { } body)
        {
            return PageAccess.Denied(this, "De actiepunten van een gremium volgt het secretariaat van dat gremium.");
        }

        BodyName = Domain.Escalation.MeetingBodies.DisplayName(body);
        Items = await QueryAsync(new ListOpenActionItemsQuery(), ct);
        return Page();
    }
}
