using Casework.Domain.Access;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Tranches;

/// <summary>
/// <c>/rondes/nieuw</c>: the Beheerder announces a round on the rules of an earlier round of the same regeling, with the
/// same <see cref="AnnounceTrancheCommand"/> as <c>POST /api/v1/tranches</c>: its name, window and ceiling, and optionally
/// a different minimum number of homes with its source (a <c>ruleSetOverrides</c> entry for <c>minimumHomes</c>; other
/// overrides stay with the API). The round page then shows in words where the round departs from its basis.
/// </summary>
public sealed class AnnounceRoundModel : CaseworkPageModel
{
    private static readonly Dictionary<string, string> ErrorFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["basedOnTrancheId"] = nameof(AnnounceRoundForm.BasedOn),
        ["name"] = nameof(AnnounceRoundForm.Name),
        ["ceiling"] = nameof(AnnounceRoundForm.Ceiling),
        ["closesAt"] = nameof(AnnounceRoundForm.ClosesOn),
        ["opensAt"] = nameof(AnnounceRoundForm.OpensOn),
        ["notes"] = nameof(AnnounceRoundForm.Notes),
        ["ruleSetOverrides"] = nameof(AnnounceRoundForm.MinimumHomes),
    };

    [BindProperty]
    public AnnounceRoundForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> BasisOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "op-basis-van")] Guid? basedOn, CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        await PrepareAsync(ct);
        Input.BasedOn = basedOn;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        await PrepareAsync(ct);
        if (Input.BasedOn is null)
        {
            ModelState.AddModelError($"Input.{nameof(AnnounceRoundForm.BasedOn)}", "Kies de ronde waarvan de nieuwe ronde de regels overneemt.");
        }

        DateOnly? announced = null;
        if (!string.IsNullOrWhiteSpace(Input.AnnouncedOn))
        {
            if (Applications.DutchDate.TryParse(Input.AnnouncedOn, out var a))
            {
                announced = a;
            }
            else
            {
                ModelState.AddModelError($"Input.{nameof(AnnounceRoundForm.AnnouncedOn)}", $"'{Input.AnnouncedOn}' is geen datum. Schrijf dag-maand-jaar, bijvoorbeeld 01-02-2027.");
            }
        }

        var opens = RoundForms.Moment(ModelState, "Input.OpensOn", Input.OpensOn, "Input.OpensAtTime", Input.OpensAtTime, required: false, "het tijdvak opent");
        var closes = RoundForms.Moment(ModelState, "Input.ClosesOn", Input.ClosesOn, "Input.ClosesAtTime", Input.ClosesAtTime, required: false, "het tijdvak sluit");
        var ceiling = RoundForms.Amount(ModelState, "Input.Ceiling", Input.Ceiling);
        var overrides = MinimumHomesOverride();
        if (!ModelState.IsValid)
        {
            return RefusedPage();
        }

        var request = new AnnounceTrancheRequest(Input.BasedOn!.Value, Input.Name?.Trim(), announced, opens, closes, ceiling!.Value, overrides, string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim());
        var (ok, round) = await TrySendAsync(new AnnounceTrancheCommand(request), string.Empty, ct);
        if (!ok || round is null)
        {
            FormErrors.MoveToFields(ModelState, ErrorFields);
            return RefusedPage(RoundForms.OnlyGeneralErrors(ModelState) ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }

        Flash($"De ronde {round.Tranche.Name} is aangekondigd met een plafond van {NlFormat.Money(round.Tranche.Ceiling)}.");
        return Redirect(PagePaths.Round(round.Tranche.Id));
    }

    /// <summary>The minimum number of homes the Beheerder sets for the new round, with its source; null when the basis's rule stays.</summary>
    private System.Text.Json.Nodes.JsonObject? MinimumHomesOverride()
    {
        if (string.IsNullOrWhiteSpace(Input.MinimumHomes))
        {
            if (!string.IsNullOrWhiteSpace(Input.MinimumHomesSource))
            {
                ModelState.AddModelError($"Input.{nameof(AnnounceRoundForm.MinimumHomes)}", "Vul het minimum aantal woningen in, of laat ook de bron leeg.");
            }

            return null;
        }

        if (!int.TryParse(Input.MinimumHomes.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var homes) || homes < 1)
        {
            ModelState.AddModelError($"Input.{nameof(AnnounceRoundForm.MinimumHomes)}", $"'{Input.MinimumHomes}' is geen aantal woningen. Vul een heel getal van 1 of meer in, bijvoorbeeld 200.");
        }

        if (string.IsNullOrWhiteSpace(Input.MinimumHomesSource))
        {
            ModelState.AddModelError($"Input.{nameof(AnnounceRoundForm.MinimumHomesSource)}", "Noem de bron van het afwijkende minimum, bijvoorbeeld het artikel van de regeling.");
        }

        return homes < 1 || string.IsNullOrWhiteSpace(Input.MinimumHomesSource) ? null
            : new System.Text.Json.Nodes.JsonObject { ["minimumHomes"] = new System.Text.Json.Nodes.JsonObject { ["homes"] = homes, ["source"] = Input.MinimumHomesSource.Trim() } };
    }

    private IActionResult? Refuse() => Service<ICurrentActor>().Actor.Roles.Contains(Role.Beheerder)
        ? null
        : PageAccess.Denied(this, "Rondes aankondigen en beheren doet de functioneel beheerder. Met uw rol hoort u hier niet.");

    private async Task PrepareAsync(CancellationToken ct) =>
        BasisOptions = (await QueryAsync(new ListTranchesQuery(null), ct))
            .OrderBy(r => r.Regeling).ThenByDescending(r => r.OpensAt)
            .Select(r => new SelectListItem($"{RoundsModel.RegelingName(r.Regeling)} ronde {r.Name}", r.Id.ToString()))
            .ToList();
}

/// <summary>The announce form as typed: dates dag-maand-jaar, times on the Amsterdam clock, the ceiling in euros.</summary>
public sealed class AnnounceRoundForm
{
    public Guid? BasedOn { get; set; }

    public string? Name { get; set; }

    public string? AnnouncedOn { get; set; }

    public string? OpensOn { get; set; }

    public string? OpensAtTime { get; set; } = "09:00";

    public string? ClosesOn { get; set; }

    public string? ClosesAtTime { get; set; } = "17:00";

    public string? Ceiling { get; set; }

    public string? Notes { get; set; }

    /// <summary>A different minimum number of homes for the new round (empty: the basis's rule).</summary>
    public string? MinimumHomes { get; set; }

    public string? MinimumHomesSource { get; set; }
}
