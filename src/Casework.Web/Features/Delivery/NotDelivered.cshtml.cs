using Casework.Domain.Access;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Casework.Web.Features.Delivery;

/// <summary>
/// <c>/beheer/niet-bezorgd</c>: the Beheerder's list of dead-lettered deliveries with their last error, and "Opnieuw
/// proberen" per row (the same <see cref="RetryDeliveryCommand"/> as <c>POST /api/v1/deliveries/{id}/retry</c>).
/// </summary>
public sealed class NotDeliveredModel : CaseworkPageModel
{
    public IReadOnlyList<DeliveryDto> DeadLetters { get; private set; } = [];

    public int MaxAttempts { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm] Guid id, CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        var (ok, delivery) = await TrySendAsync(new RetryDeliveryCommand(id), string.Empty, ct);
        if (!ok || delivery is null)
        {
            await LoadAsync(ct);
            return RefusedPage(StatusCodes.Status409Conflict);
        }

        Flash($"{delivery.Subject}: {DeliveryLabels.Channel(delivery.Channel).ToLowerInvariant()} aan {delivery.Recipient} wordt opnieuw verzonden.");
        return Redirect(DeliveryPagePaths.NotDelivered);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MaxAttempts = Service<IOptions<DeliveryOptions>>().Value.MaxAttempts;
        DeadLetters = await QueryAsync(new ListDeadLettersQuery(), ct);
    }

    private IActionResult? Refuse() => Service<ICurrentActor>().Actor.Roles.Contains(Role.Beheerder)
        ? null
        : PageAccess.Denied(this, "Niet bezorgde berichten ziet de functioneel beheerder. Met uw rol hoort u hier niet.");
}

/// <summary>The delivery pages' addresses.</summary>
public static class DeliveryPagePaths
{
    public const string NotDelivered = "/beheer/niet-bezorgd";
    public const string Mailboxes = "/beheer/mailboxen";
    public const string MyNotifications = "/mijn-meldingen";
    public const string SentMessages = "/dev/verzonden-berichten";

    public static string SentMessage(string name) => $"{SentMessages}/{Uri.EscapeDataString(name)}";
}
