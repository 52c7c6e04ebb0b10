using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Delivery;

/// <summary>
/// <c>/mijn-meldingen</c>: a signed-in user subscribes to the notifications of their organisation's cases by e-mail, or
/// stops, with the same commands as <c>PUT</c>/<c>DELETE /api/v1/notification-subscription</c>.
/// </summary>
public sealed class MyNotificationsModel : CaseworkPageModel
{
    [BindProperty]
    public MyNotificationsForm Input { get; set; } = new();

    public NotificationSubscriptionDto? Current { get; private set; }

    public string OrganisationName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.Email = Current?.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (ok, saved) = await TrySendAsync(new SetMySubscriptionCommand(new SetSubscriptionRequest(Input.Email?.Trim())), string.Empty, ct);
        if (!ok || saved is null)
        {
            FormErrors.MoveToFields(ModelState, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["email"] = nameof(MyNotificationsForm.Email) });
            await LoadAsync(ct);
            return RefusedPage();
        }

        Flash($"U ontvangt voortaan meldingen op {saved.Email}.");
        return Redirect(DeliveryPagePaths.MyNotifications);
    }

    public async Task<IActionResult> OnPostStoppenAsync(CancellationToken ct)
    {
        var (ok, _) = await TrySendAsync(new RemoveMySubscriptionCommand(), string.Empty, ct);
        if (!ok)
        {
            await LoadAsync(ct);
            return RefusedPage(StatusCodes.Status409Conflict);
        }

        Flash("U ontvangt geen meldingen meer per e-mail.");
        return Redirect(DeliveryPagePaths.MyNotifications);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await QueryAsync(new GetMySubscriptionQuery(), ct);
        var organisation = Service<ICurrentActor>().Actor.Organisation;
        OrganisationName = Knelpunten.EscalationRaisers.Name(Service<CaseworkDbContext>(), organisation);
    }
}

public sealed class MyNotificationsForm
{
    public string? Email { get; set; }
}
