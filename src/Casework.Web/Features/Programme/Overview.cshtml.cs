using System.Globalization;
using Casework.Domain.Time;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Export;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Programme;

/// <summary>
/// <c>GET /focusgebieden</c>: the 20 focusgebieden side by side (as <c>GET /api/v1/focusgebieden</c>), sorted on the
/// server by any column through links (<c>?sorteer=vhf-toegekend&amp;richting=af</c>), over all years or one half year.
/// For every signed-in user. Downloads as Excel or CSV with the same sort and period.
/// </summary>
public sealed class OverviewModel : CaseworkPageModel
{
    [BindProperty(SupportsGet = true, Name = "halfjaar")]
    public string? HalfYear { get; set; }

    [BindProperty(SupportsGet = true, Name = "sorteer")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "richting")]
    public string? Direction { get; set; }

    public ProgrammeOverviewDto Overview { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Label)> HalfYears { get; private set; } = [];

    public DownloadLinks Downloads => DownloadLinks.For(PagePaths.Programme, [new("halfjaar", HalfYear), new("sorteer", Sort), new("richting", Direction)]);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : BadRequest();

    public async Task<IActionResult> OnGetDownloadAsync([FromQuery(Name = "formaat")] string? format, CancellationToken ct)
    {
        if (TableExport.ParseFormat(format) is not { } chosen)
        {
            return ExportDownload.UnknownFormat();
        }

        if (!await LoadAsync(ct))
        {
            return BadRequest();
        }

        var title = Overview.HalfYear is { } h ? $"Focusgebieden {h}" : "Focusgebieden";
        return new ExportDownload(ExportTable.Of(title, Overview.Areas, columns => columns
            .Text("Focusgebied", a => a.Name)
            .Text("Gemeente", a => a.GemeenteName)
            .Text("Alliantie", a => a.AllianceName)
            .Text("Rijksvertegenwoordiger", a => a.RijksvertegenwoordigerDepartmentName)
            .Money("VHF aangevraagd", a => a.Vhf.AppliedFor)
            .Money("VHF toegekend", a => a.Vhf.Awarded)
            .Money("VHF betaald", a => a.Vhf.Paid)
            .Money("VHF teruggevorderd", a => a.Vhf.Reclaimed)
            .Money("WBI aangevraagd", a => a.Wbi.AppliedFor)
            .Money("WBI toegekend", a => a.Wbi.Awarded)
            .Money("WBI betaald", a => a.Wbi.Paid)
            .Money("WBI teruggevorderd", a => a.Wbi.Reclaimed)
            .WholeNumber("Knelpunten open", a => a.Knelpunten.Open)
            .WholeNumber("Knelpunten gesloten", a => a.Knelpunten.Resolved)
            .WholeNumber("Vastlopers open", a => a.Vastlopers.Open)
            .WholeNumber("Vastlopers gesloten", a => a.Vastlopers.Resolved)
            .WholeNumber("Vergaderingen", a => a.Meetings.Count)), chosen);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        HalfYears = HalfYearChoices(AmsterdamClock.Today(Service<TimeProvider>()));
        try
        {
            Overview = await QueryAsync(new GetProgrammeOverviewQuery(HalfYear, Sort, Direction), ct);
            return true;
        }
        catch (ValidationException)
        {
            return false;
        }
    }

    /// <summary>The link that sorts on a column: ascending first, the other way when it is the current column.</summary>
    public string SortLink(string key)
    {
        var direction = Overview.Sort == key && Overview.Direction == "op" ? "af" : "op";
        var query = new List<string> { $"sorteer={key}", $"richting={direction}" };
        if (Overview.HalfYear is { } h)
        {
            query.Insert(0, $"halfjaar={h}");
        }

        return PagePaths.Programme + "?" + string.Join("&", query);
    }

    public string? AriaSort(string key) => Overview.Sort != key ? null : Overview.Direction == "op" ? "ascending" : "descending";

    public string SortLabel(string key, string header) =>
        Overview.Sort == key
            ? $"{header}, gesorteerd {(Overview.Direction == "op" ? "oplopend" : "aflopend")}; sorteer {(Overview.Direction == "op" ? "aflopend" : "oplopend")}"
            : $"Sorteer op {header.ToLower(NlFormat.Culture)}";

    /// <summary>Every half year from the first VHF round (2021) to the current one, newest first.</summary>
    public static IReadOnlyList<(string Code, string Label)> HalfYearChoices(DateOnly today)
    {
        var list = new List<(string, string)>();
        for (var h = Programme.HalfYear.Of(today); h.Year >= 2020; h = h.Half == 2 ? new Programme.HalfYear(h.Year, 1) : new Programme.HalfYear(h.Year - 1, 2))
        {
            list.Add((h.Code, string.Create(CultureInfo.InvariantCulture, $"{(h.Half == 1 ? "Eerste" : "Tweede")} halfjaar {h.Year}")));
        }

        return list;
    }
}
