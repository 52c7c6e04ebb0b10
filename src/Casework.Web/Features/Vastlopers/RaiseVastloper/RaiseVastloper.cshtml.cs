using Casework.Web.Features.Applications;
using Casework.Web.Features.Knelpunten;
using Casework.Web.Features.Pages;
using Casework.Web.Features.Reference;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Vastlopers;

/// <summary>
/// <c>/vastlopers/nieuw</c>: an alliance's secretariat raises a vastloper from the alliantieoverleg with the same
/// <see cref="RaiseVastloperCommand"/> as <c>POST /api/v1/vastlopers</c>, which forwards it at once to the department of
/// the focusgebied's rijksvertegenwoordiger. The meeting date is typed dag-maand-jaar, as on the application form.
/// </summary>
public sealed class RaiseVastloperModel : CaseworkPageModel
{
    private static readonly Dictionary<string, string> ErrorFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Titel"] = nameof(VastloperForm.Titel),
        ["Omschrijving"] = nameof(VastloperForm.Omschrijving),
        ["Focusgebied"] = nameof(VastloperForm.Focusgebied),
        ["BesprokenInOverlegDate"] = nameof(VastloperForm.BesprokenInOverleg),
    };

    [BindProperty]
    public VastloperForm Input { get; set; } = new();

    /// <summary>The focusgebieden the alliance speaks for (one, as a rule).</summary>
    public IReadOnlyList<FocusgebiedDto> OwnFocusgebieden { get; private set; } = [];

    public IReadOnlyList<SelectListItem> FocusgebiedOptions => OwnFocusgebieden.Select(f => new SelectListItem($"{f.Name} (gemeente {f.GemeenteName})", f.Code)).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused)
        {
            return refused;
        }

        if (OwnFocusgebieden.Count == 1)
        {
            Input.Focusgebied = OwnFocusgebieden[0].Code;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused)
        {
            return refused;
        }

        DateOnly? besproken = null;
        if (!string.IsNullOrWhiteSpace(Input.BesprokenInOverleg))
        {
            if (DutchDate.TryParse(Input.BesprokenInOverleg, out var date))
            {
                besproken = date;
            }
            else
            {
                ModelState.AddModelError($"Input.{nameof(VastloperForm.BesprokenInOverleg)}", $"'{Input.BesprokenInOverleg}' is geen datum. Schrijf dag-maand-jaar, bijvoorbeeld 14-01-2027.");
            }
        }

        if (!ModelState.IsValid)
        {
            return RefusedPage();
        }

        var command = new RaiseVastloperCommand(Input.Titel?.Trim() ?? string.Empty, Input.Omschrijving?.Trim() ?? string.Empty, Input.Focusgebied?.Trim() ?? string.Empty, besproken);
        var (ok, raised) = await TrySendAsync(command, string.Empty, ct);
        if (!ok || raised is null)
        {
            FormErrors.MoveToFields(ModelState, ErrorFields);
            return RefusedPage();
        }

        var names = await QueryAsync(new OrganisationNamesQuery([raised.Department]), ct);
        Flash($"De vastloper is gemeld als zaak {raised.Case.Reference} en doorgezet naar {names.GetValueOrDefault(raised.Department, raised.Department)}, het departement van de rijksvertegenwoordiger.");
        return Redirect(PagePaths.Case(raised.Id));
    }

    private async Task<IActionResult?> RefuseAsync(CancellationToken ct)
    {
        var actor = Service<ICurrentActor>().Actor;
        var kind = await EscalationRaisers.KindAsync(Service<CaseworkDbContext>(), actor.Organisation, ct);
        if (!EscalationRaisers.MayRaiseVastloper(kind, actor.Roles))
        {
            return PageAccess.Denied(this, "Een vastloper melden kan het secretariaat van een alliantie, uit het alliantieoverleg. Met uw rol hoort u hier niet.");
        }

        OwnFocusgebieden = (await QueryAsync(new ListFocusgebiedenQuery(), ct)).Where(f => f.AllianceCode == actor.Organisation).ToList();
        return null;
    }
}

/// <summary>The vastloper form as the page binds it; the date as typed (dag-maand-jaar).</summary>
public sealed class VastloperForm
{
    public string? Titel { get; set; }

    public string? Omschrijving { get; set; }

    public string? Focusgebied { get; set; }

    public string? BesprokenInOverleg { get; set; }
}
