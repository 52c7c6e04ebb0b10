using Casework.Domain.Escalation;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Pages;
using Casework.Web.Features.Reference;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Knelpunten;

/// <summary>
/// <c>/knelpunten/nieuw</c>: a gemeente, an alliance's secretariat or a department raises a knelpunt in regelgeving
/// with the same <see cref="RaiseKnelpuntCommand"/> as <c>POST /api/v1/knelpunten</c>; the page maps the form onto it
/// and shows the validator's errors beside the fields. The new case opens at its case page.
/// </summary>
public sealed class RaiseKnelpuntModel : CaseworkPageModel
{
    /// <summary>The command's field names (as its validator names them), and the form field each error belongs to.</summary>
    private static readonly Dictionary<string, string> ErrorFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Titel"] = nameof(KnelpuntForm.Titel),
        ["Omschrijving"] = nameof(KnelpuntForm.Omschrijving),
        ["Wet"] = nameof(KnelpuntForm.WetNaam),
        ["Wet.Naam"] = nameof(KnelpuntForm.WetNaam),
        ["Wet.BwbId"] = nameof(KnelpuntForm.BwbId),
        ["Wet.Artikel"] = nameof(KnelpuntForm.Artikel),
        ["Domein"] = nameof(KnelpuntForm.Domein),
        ["focusgebieden"] = nameof(KnelpuntForm.Focusgebieden),
        ["VoorgesteldeOplossing"] = nameof(KnelpuntForm.VoorgesteldeOplossing),
        ["gerelateerdAan"] = nameof(KnelpuntForm.GerelateerdAan),
    };

    [BindProperty]
    public KnelpuntForm Input { get; set; } = new();

    public IndienerSoort Indiener { get; private set; }

    public IReadOnlyList<SelectListItem> DomeinOptions { get; } =
        EscalationCaseViews.DomeinCodes.Select(d => new SelectListItem(Labels.Domein(d.Key), d.Value)).ToList();

    public IReadOnlyList<FocusgebiedDto> Focusgebieden { get; private set; } = [];

    /// <summary>The alliance's own focusgebied, for which an alliance always speaks (null for a gemeente or department).</summary>
    public FocusgebiedDto? OwnFocusgebied { get; private set; }

    /// <summary>Open knelpunten the caller can see, to link the new one to.</summary>
    public IReadOnlyList<CaseSummaryDto> RelatedOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused)
        {
            return refused;
        }

        await PrepareAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refused)
        {
            return refused;
        }

        await PrepareAsync(ct);
        var f = Input;
        var wet = string.IsNullOrWhiteSpace(f.WetNaam) && string.IsNullOrWhiteSpace(f.BwbId) && string.IsNullOrWhiteSpace(f.Artikel)
            ? null
            : new WetReferentieDto(f.WetNaam?.Trim() ?? string.Empty, Blank(f.BwbId)?.ToUpperInvariant(), Blank(f.Artikel));
        var command = new RaiseKnelpuntCommand(
            f.Titel?.Trim() ?? string.Empty,
            f.Omschrijving?.Trim() ?? string.Empty,
            wet,
            Blank(f.Domein),
            OwnFocusgebied is not null ? [] : f.Focusgebieden.Where(c => !string.IsNullOrWhiteSpace(c)).ToList(),
            Blank(f.VoorgesteldeOplossing),
            f.GerelateerdAan);
        var (ok, raised) = await TrySendAsync(command, string.Empty, ct);
        if (!ok || raised is null)
        {
            FormErrors.MoveToFields(ModelState, ErrorFields);
            return RefusedPage();
        }

        Flash($"Het knelpunt is gemeld als zaak {raised.Case.Reference}. Het secretariaat van het Strategisch Beraad Sociaal Domein beoordeelt het eerst (triage).");
        return Redirect(PagePaths.Case(raised.Id));
    }

    private async Task<IActionResult?> RefuseAsync(CancellationToken ct)
    {
        var actor = Service<ICurrentActor>().Actor;
        if (await EscalationRaisers.KnelpuntIndienerAsync(Service<CaseworkDbContext>(), actor, ct) is { } soort)
        {
            Indiener = soort;
            return null;
        }

        return PageAccess.Denied(this, "Een knelpunt melden kan een gemeente, het secretariaat van een alliantie of een departement. Met uw rol hoort u hier niet.");
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        var actor = Service<ICurrentActor>().Actor;
        Focusgebieden = await QueryAsync(new ListFocusgebiedenQuery(), ct);
        OwnFocusgebied = Indiener == IndienerSoort.Alliantie ? Focusgebieden.FirstOrDefault(f => f.AllianceCode == actor.Organisation) : null;
        RelatedOptions = (await QueryAsync(new ListCasesQuery("knelpunt", null, null, null, null, false, null, 50), ct)).Items;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The knelpunt form as the page binds it: the API's request, with the law's reference flattened.</summary>
public sealed class KnelpuntForm
{
    public string? Titel { get; set; }

    public string? Omschrijving { get; set; }

    public string? WetNaam { get; set; }

    public string? BwbId { get; set; }

    public string? Artikel { get; set; }

    public string? Domein { get; set; }

    public List<string> Focusgebieden { get; set; } = [];

    public string? VoorgesteldeOplossing { get; set; }

    public List<Guid> GerelateerdAan { get; set; } = [];
}
