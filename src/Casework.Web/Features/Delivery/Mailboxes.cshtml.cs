using Casework.Domain.Access;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Delivery;

/// <summary>
/// <c>/beheer/mailboxen</c>: the Beheerder keeps each organisation's functional mailbox, with the same
/// <see cref="SetMailboxCommand"/> as <c>PUT /api/v1/organisations/{code}/mailbox</c>.
/// </summary>
public sealed class MailboxesModel : CaseworkPageModel
{
    [BindProperty]
    public MailboxForm Input { get; set; } = new();

    public IReadOnlyList<OrganisationMailboxDto> WithMailbox { get; private set; } = [];

    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(Input.Organisation))
        {
            ModelState.AddModelError($"Input.{nameof(MailboxForm.Organisation)}", "Kies de organisatie waarvan u de mailbox vastlegt.");
            await LoadAsync(ct);
            return RefusedPage();
        }

        var (ok, saved) = await TrySendAsync(new SetMailboxCommand(Input.Organisation, new SetMailboxRequest(Input.Address?.Trim())), string.Empty, ct);
        if (!ok || saved is null)
        {
            FormErrors.MoveToFields(ModelState, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["address"] = nameof(MailboxForm.Address) });
            await LoadAsync(ct);
            return RefusedPage();
        }

        Flash(saved.FunctionalMailbox is null
            ? $"{saved.Name} heeft geen functionele mailbox meer."
            : $"De functionele mailbox van {saved.Name} is {saved.FunctionalMailbox}.");
        return Redirect(DeliveryPagePaths.Mailboxes);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await QueryAsync(new ListMailboxesQuery(), ct);
        WithMailbox = [.. all.Where(m => m.FunctionalMailbox is not null)];
        OrganisationOptions = [.. all.Select(m => new SelectListItem(m.Name, m.Code, m.Code == Input.Organisation))];
    }

    private IActionResult? Refuse() => Service<ICurrentActor>().Actor.Roles.Contains(Role.Beheerder)
        ? null
        : PageAccess.Denied(this, "De functionele mailboxen beheert de functioneel beheerder. Met uw rol hoort u hier niet.");
}

public sealed class MailboxForm
{
    public string? Organisation { get; set; }

    public string? Address { get; set; }
}
