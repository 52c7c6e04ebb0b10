using System.Globalization;
using Casework.Domain.Organisations;
using Casework.Web.Api;
using Casework.Web.Features.Applications;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Programme;

/// <summary>
/// <c>/focusgebieden/{code}/bijhouden</c>: the area's gemeente and alliance secretariat keep its uitvoeringsprogramma
/// and prestatieafspraken (doelen with baseline and streefwaarde; a changed streefwaarde is a new version with a
/// reason) and enter measurements, with the same commands as the API. Everyone else gets the 403 page.
/// </summary>
public sealed class MaintainModel : CaseworkPageModel
{
    private static readonly Dictionary<string, string> MeasurementFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["indicator"] = nameof(MeasurementForm.Indicator),
        ["period"] = nameof(MeasurementForm.Period),
        ["value"] = nameof(MeasurementForm.Value),
        ["source"] = nameof(MeasurementForm.Source),
        ["sourceDate"] = nameof(MeasurementForm.SourceDate),
        ["reason"] = nameof(MeasurementForm.Reason),
    };

    private static readonly Dictionary<string, string> DoelFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["soort"] = nameof(DoelForm.Soort),
        ["actielijn"] = nameof(DoelForm.Actielijn),
        ["omschrijving"] = nameof(DoelForm.Omschrijving),
        ["indicator"] = nameof(DoelForm.Indicator),
        ["baselineValue"] = nameof(DoelForm.BaselineValue),
        ["baselineDate"] = nameof(DoelForm.BaselineDate),
        ["baselineSource"] = nameof(DoelForm.BaselineSource),
        ["streefwaarde"] = nameof(DoelForm.Streefwaarde),
        ["targetDate"] = nameof(DoelForm.TargetDate),
    };

    private static readonly Dictionary<string, string> ChangeFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["value"] = nameof(StreefwaardeForm.Value),
        ["targetDate"] = nameof(StreefwaardeForm.TargetDate),
        ["reason"] = nameof(StreefwaardeForm.Reason),
    };

    [BindProperty]
    public MeasurementForm Meting { get; set; } = new();

    [BindProperty]
    public DoelForm Doel { get; set; } = new();

    [BindProperty]
    public StreefwaardeForm Wijziging { get; set; } = new();

    public Focusgebied Area { get; private set; } = null!;

    public IReadOnlyList<IndicatorDto> Indicators { get; private set; } = [];

    public IReadOnlyList<DoelDto> Doelen { get; private set; } = [];

    /// <summary>Which form was sent, so its errors show beside it.</summary>
    public string? Sent { get; private set; }

    public IReadOnlyList<SelectListItem> IndicatorOptions => Indicators.Select(i => new SelectListItem($"{(i.Number is { } n ? n + ". " : string.Empty)}{i.Name} ({i.Unit})", i.Code)).ToList();

    public static IReadOnlyList<SelectListItem> ActielijnOptions => Actielijnen.All.Select(a => new SelectListItem(a.Value, a.Key)).ToList();

    public static IReadOnlyList<SelectListItem> SoortOptions =>
        [new("Uitvoeringsprogramma", nameof(DoelSoort.Uitvoeringsprogramma)), new("Prestatieafspraak", nameof(DoelSoort.Prestatieafspraak))];

    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => WithAreaAsync(code, () => Task.FromResult<IActionResult>(Page()), ct);

    public Task<IActionResult> OnPostMetingAsync(string code, CancellationToken ct) => WithAreaAsync(code, async () =>
    {
        Sent = "meting";
        var value = Number(Meting.Value, "Meting.Value");
        var date = Date(Meting.SourceDate, "Meting.SourceDate");
        if (!ModelState.IsValid)
        {
            return RefusedPage();
        }

        var (ok, _) = await TrySendAsync(new RecordMeasurementCommand(Area.Code, new RecordMeasurementRequest(Meting.Indicator, Meting.Period?.Trim(), value, Meting.Source, date, Meting.Reason)), string.Empty, ct);
        if (!ok)
        {
            FormErrors.MoveToFields(ModelState, MeasurementFields, "Meting");
            return RefusedPage();
        }

        Flash($"De meting voor {Meting.Period} is vastgelegd.");
        return Redirect(PagePaths.Focusgebied(Area.Code) + "#indicatoren");
    }, ct);

    public Task<IActionResult> OnPostDoelAsync(string code, CancellationToken ct) => WithAreaAsync(code, async () =>
    {
        Sent = "doel";
        var baseline = Number(Doel.BaselineValue, "Doel.BaselineValue");
        var target = Number(Doel.Streefwaarde, "Doel.Streefwaarde");
        var baselineDate = Date(Doel.BaselineDate, "Doel.BaselineDate");
        var targetDate = Date(Doel.TargetDate, "Doel.TargetDate");
        if (!ModelState.IsValid)
        {
            return RefusedPage();
        }

        DoelSoort? soort = Enum.TryParse<DoelSoort>(Doel.Soort, out var s) ? s : null;
        var (ok, _) = await TrySendAsync(new AddDoelCommand(Area.Code, new AddDoelRequest(soort, Doel.Actielijn, Doel.Omschrijving, Doel.Indicator, baseline, baselineDate, Doel.BaselineSource, target, targetDate)), string.Empty, ct);
        if (!ok)
        {
            FormErrors.MoveToFields(ModelState, DoelFields, "Doel");
            return RefusedPage();
        }

        Flash("Het doel is vastgelegd met zijn nulmeting en streefwaarde.");
        return Redirect(PagePaths.Focusgebied(Area.Code) + "#indicatoren");
    }, ct);

    public Task<IActionResult> OnPostStreefwaardeAsync(string code, CancellationToken ct) => WithAreaAsync(code, async () =>
    {
        Sent = "streefwaarde-" + Wijziging.DoelId;
        var value = Number(Wijziging.Value, "Wijziging.Value");
        var date = Date(Wijziging.TargetDate, "Wijziging.TargetDate");
        if (!ModelState.IsValid)
        {
            return RefusedPage();
        }

        var (ok, _) = await TrySendAsync(new ChangeStreefwaardeCommand(Wijziging.DoelId, new ChangeStreefwaardeRequest(Wijziging.Version, value, date, Wijziging.Reason)), string.Empty, ct);
        if (!ok)
        {
            FormErrors.MoveToFields(ModelState, ChangeFields, "Wijziging");
            return RefusedPage(StatusCodes.Status409Conflict);
        }

        Flash("De streefwaarde is gewijzigd; de vorige blijft zichtbaar.");
        return Redirect(PagePaths.Focusgebied(Area.Code) + "#indicatoren");
    }, ct);

    private async Task<IActionResult> WithAreaAsync(string code, Func<Task<IActionResult>> then, CancellationToken ct)
    {
        var db = Service<CaseworkDbContext>();
        try
        {
            Area = await ProgrammeAccess.AreaAsync(db, code, ct);
        }
        catch (ApiProblemException)
        {
            return NotFound();
        }

        if (!ProgrammeAccess.MayEdit(Service<ICurrentActor>().Actor, Area))
        {
            return PageAccess.Denied(this, $"De doelen, streefwaarden en metingen van {Area.Name} worden bijgehouden door de gemeente van het focusgebied en het secretariaat van de alliantie. U kunt ze lezen op de pagina van het focusgebied.");
        }

        Indicators = await QueryAsync(new ListIndicatorsQuery(Area.Code), ct);
        Doelen = await ProgrammeQueryHandlers.DoelenAsync(db, Area.Code, ct);
        return await then();
    }

    private decimal? Number(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, NlFormat.Culture, out var value))
        {
            return value;
        }

        ModelState.AddModelError(field, $"'{text}' is geen getal. Gebruik een komma voor decimalen, bijvoorbeeld 12,5.");
        return null;
    }

    private DateOnly? Date(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DutchDate.TryParse(text, out var date))
        {
            return date;
        }

        ModelState.AddModelError(field, $"'{text}' is geen datum. Schrijf dag-maand-jaar, bijvoorbeeld 01-07-2024.");
        return null;
    }
}

public sealed class MeasurementForm
{
    public string? Indicator { get; set; }

    public string? Period { get; set; }

    public string? Value { get; set; }

    public string? Source { get; set; }

    public string? SourceDate { get; set; }

    public string? Reason { get; set; }
}

public sealed class DoelForm
{
    public string? Soort { get; set; }

    public string? Actielijn { get; set; }

    public string? Omschrijving { get; set; }

    public string? Indicator { get; set; }

    public string? BaselineValue { get; set; }

    public string? BaselineDate { get; set; }

    public string? BaselineSource { get; set; }

    public string? Streefwaarde { get; set; }

    public string? TargetDate { get; set; }
}

public sealed class StreefwaardeForm
{
    public Guid DoelId { get; set; }

    public int? Version { get; set; }

    public string? Value { get; set; }

    public string? TargetDate { get; set; }

    public string? Reason { get; set; }
}
