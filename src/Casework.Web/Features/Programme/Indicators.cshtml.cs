using Casework.Domain.Access;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Programme;

/// <summary>
/// <c>/indicatoren</c>: the catalogue (the kernindicatoren of NPLV 6.1 and the local ones), for every signed-in user.
/// The gemeente or alliance secretariat of a focusgebied adds a local indicator for it, a Beheerder a kernindicator,
/// with the same <see cref="AddIndicatorCommand"/> as <c>POST /api/v1/indicatoren</c>.
/// </summary>
public sealed class IndicatorsModel : CaseworkPageModel
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["number"] = nameof(IndicatorForm.Number),
        ["name"] = nameof(IndicatorForm.Name),
        ["actielijn"] = nameof(IndicatorForm.Actielijn),
        ["unit"] = nameof(IndicatorForm.Unit),
        ["betterDirection"] = nameof(IndicatorForm.BetterDirection),
        ["usualSource"] = nameof(IndicatorForm.UsualSource),
        ["focusgebied"] = nameof(IndicatorForm.Focusgebied),
    };

    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    public IReadOnlyList<IndicatorDto> Catalogue { get; private set; } = [];

    public IReadOnlyDictionary<string, string> AreaNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The focusgebieden the caller keeps (for a local indicator).</summary>
    public IReadOnlyList<SelectListItem> OwnAreas { get; private set; } = [];

    public bool IsBeheerder { get; private set; }

    public static IReadOnlyList<SelectListItem> DirectionOptions => [new("Hoger is beter", nameof(BetterDirection.Hoger)), new("Lager is beter", nameof(BetterDirection.Lager))];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        int? number = null;
        if (IsBeheerder && !string.IsNullOrWhiteSpace(Input.Number))
        {
            if (int.TryParse(Input.Number.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                number = n;
            }
            else
            {
                ModelState.AddModelError("Input.Number", "Het nummer is een getal van 1 tot en met 15.");
                return RefusedPage();
            }
        }

        BetterDirection? direction = Enum.TryParse<BetterDirection>(Input.BetterDirection, out var d) ? d : null;
        var request = new AddIndicatorRequest(number, Input.Name, Input.Actielijn, Input.Unit, direction, Input.UsualSource, number is null ? Input.Focusgebied : null);
        var (ok, added) = await TrySendAsync(new AddIndicatorCommand(request), string.Empty, ct);
        if (!ok || added is null)
        {
            FormErrors.MoveToFields(ModelState, Fields);
            return RefusedPage();
        }

        Flash($"De indicator {added.Name} is toegevoegd.");
        return Redirect(PagePaths.Indicators);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = Service<ICurrentActor>().Actor;
        var db = Service<CaseworkDbContext>();
        IsBeheerder = actor.Roles.Contains(Role.Beheerder);
        Catalogue = await QueryAsync(new ListIndicatorsQuery(null), ct);
        var areas = await db.Focusgebieden.AsNoTracking().ToListAsync(ct);
        AreaNames = areas.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        OwnAreas = areas.Where(a => ProgrammeAccess.MayEdit(actor, a)).OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new SelectListItem(a.Name, a.Code)).ToList();
    }
}

public sealed class IndicatorForm
{
    public string? Number { get; set; }

    public string? Name { get; set; }

    public string? Actielijn { get; set; }

    public string? Unit { get; set; }

    public string? BetterDirection { get; set; }

    public string? UsualSource { get; set; }

    public string? Focusgebied { get; set; }
}
