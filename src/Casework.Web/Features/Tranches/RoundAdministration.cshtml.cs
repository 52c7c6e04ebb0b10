using Casework.Domain.Access;
using Casework.Domain.Funding;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Tranches;

/// <summary>
/// <c>/rondes/{id}/beheer</c>: the Beheerder changes a round's ceiling (<see cref="ChangeCeilingCommand"/>, never below
/// what is committed) and its window (<see cref="RescheduleTrancheCommand"/>; "Nu openen" is the window from this
/// moment), the same commands as <c>PUT /api/v1/tranches/{id}/ceiling</c> and <c>/window</c>.
/// </summary>
public sealed class RoundAdministrationModel : CaseworkPageModel
{
    public TrancheSummaryDto Round { get; private set; } = null!;

    [BindProperty]
    public CeilingForm Ceiling { get; set; } = new();

    [BindProperty]
    public WindowForm Window { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Ceiling.Amount = Applications.DutchAmount.Format(Round.Ceiling);
        Window = new WindowForm
        {
            OpensOn = RoundForms.Date(Round.OpensAt),
            OpensAtTime = RoundForms.Time(Round.OpensAt) is { Length: > 0 } o ? o : "09:00",
            ClosesOn = RoundForms.Date(Round.ClosesAt),
            ClosesAtTime = RoundForms.Time(Round.ClosesAt) is { Length: > 0 } c ? c : "17:00",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostPlafondAsync(Guid id, CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ClearOther(nameof(Window));
        var amount = RoundForms.Amount(ModelState, "Ceiling.Amount", Ceiling.Amount);
        if (!ModelState.IsValid)
        {
            return RefusedPage();
        }

        var (ok, round) = await TrySendAsync(new ChangeCeilingCommand(id, new ChangeCeilingRequest(amount!.Value, Ceiling.Reason?.Trim())), string.Empty, ct);
        if (!ok || round is null)
        {
            FormErrors.MoveToFields(ModelState, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ceiling"] = nameof(CeilingForm.Amount), ["reason"] = nameof(CeilingForm.Reason) }, nameof(Ceiling));
            return RefusedPage();
        }

        Flash($"Het plafond van ronde {round.Tranche.Name} is nu {NlFormat.Money(round.Tranche.Ceiling)}.");
        return Redirect(PagePaths.Round(id));
    }

    public async Task<IActionResult> OnPostTijdvakAsync(Guid id, CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ClearOther(nameof(Ceiling));
        var opens = RoundForms.Moment(ModelState, "Window.OpensOn", Window.OpensOn, "Window.OpensAtTime", Window.OpensAtTime, required: true, "het tijdvak opent");
        var closes = RoundForms.Moment(ModelState, "Window.ClosesOn", Window.ClosesOn, "Window.ClosesAtTime", Window.ClosesAtTime, required: false, "het tijdvak sluit");
        if (!ModelState.IsValid)
        {
            return RefusedPage();
        }

        return await RescheduleAsync(id, opens, closes, $"Het tijdvak van ronde {Round.Name} is vastgelegd.", ct);
    }

    /// <summary>Opens the round now: its window starts at this moment and closes as planned.</summary>
    public async Task<IActionResult> OnPostOpenenAsync(Guid id, CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ClearOther(nameof(Ceiling));
        return await RescheduleAsync(id, Service<TimeProvider>().GetUtcNow(), Round.ClosesAt, $"Ronde {Round.Name} is geopend: gemeenten kunnen nu aanvragen.", ct);
    }

    private async Task<IActionResult> RescheduleAsync(Guid id, DateTimeOffset? opens, DateTimeOffset? closes, string done, CancellationToken ct)
    {
        var (ok, _) = await TrySendAsync(new RescheduleTrancheCommand(id, new RescheduleTrancheRequest(opens, closes, Window.Reason?.Trim())), string.Empty, ct);
        if (!ok)
        {
            FormErrors.MoveToFields(ModelState, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["opensAt"] = nameof(WindowForm.OpensOn), ["closesAt"] = nameof(WindowForm.ClosesOn), ["reason"] = nameof(WindowForm.Reason) }, nameof(Window));
            return RefusedPage(RoundForms.OnlyGeneralErrors(ModelState) ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }

        Flash(done);
        return Redirect(PagePaths.Round(id));
    }

    public bool NotYetOpen => Round.Status is TrancheStatus.Announced;

    private IActionResult? Refuse() => Service<ICurrentActor>().Actor.Roles.Contains(Role.Beheerder)
        ? null
        : PageAccess.Denied(this, "Rondes aankondigen en beheren doet de functioneel beheerder. Met uw rol hoort u hier niet.");

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Round = (await QueryAsync(new GetTrancheQuery(id), ct)).Tranche;
        }
        catch (Api.ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        ViewData[FlashMessages.BrokenRulesTitleKey] = "De ronde voldoet niet aan alle regels";
        return true;
    }

    /// <summary>Only one form was posted; the other's (empty) fields must not count as errors.</summary>
    private void ClearOther(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }
}

public sealed class CeilingForm
{
    public string? Amount { get; set; }

    public string? Reason { get; set; }
}

public sealed class WindowForm
{
    public string? OpensOn { get; set; }

    public string? OpensAtTime { get; set; }

    public string? ClosesOn { get; set; }

    public string? ClosesAtTime { get; set; }

    public string? Reason { get; set; }
}
