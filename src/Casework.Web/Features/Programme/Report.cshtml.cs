using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Export;
using Casework.Web.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Programme;

/// <summary>
/// <c>/voortgangsrapportage</c>: the half-yearly voortgangsrapportage (<see cref="GetProgressReportQuery"/>, as
/// <c>GET /api/v1/voortgangsrapportage</c>), for the whole programme or one focusgebied, on the page and as an Excel
/// workbook (one sheet per section) or a PDF; all three from the same query, so they show the same numbers.
/// </summary>
public sealed class ReportModel : CaseworkPageModel
{
    [BindProperty(SupportsGet = true, Name = "halfjaar")]
    public string? HalfYear { get; set; }

    [BindProperty(SupportsGet = true, Name = "focusgebied")]
    public string? Focusgebied { get; set; }

    public ProgressReportDto Report { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Label)> HalfYears { get; private set; } = [];

    public IReadOnlyList<SelectListItem> AreaOptions { get; private set; } = [];

    public string DownloadLink(string format) =>
        $"{PagePaths.ProgressReport}?halfjaar={Uri.EscapeDataString(Report.HalfYear)}{(Report.Focusgebied is { } f ? "&focusgebied=" + Uri.EscapeDataString(f) : string.Empty)}&handler={DownloadLinks.Handler}&formaat={format}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetDownloadAsync([FromQuery(Name = "formaat")] string? format, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var title = $"Voortgangsrapportage {Report.HalfYear}{(Report.Areas.Count == 1 && Report.Focusgebied is not null ? " " + Report.Areas[0].Name : string.Empty)}";
        return format?.Trim().ToLowerInvariant() switch
        {
            "xlsx" => new ReportFile(TableExport.ToExcel(ProgressReportTables.Sections(Report)), TableExport.ContentType(ExportFormat.Excel), TableExport.FileName(title, ExportFormat.Excel)),
            "pdf" => ExportDownload.Pdf(ProgressReportTables.Pdf(Report, AmsterdamClock.Today(Service<TimeProvider>())), title),
            _ => ExportDownload.UnknownFormat(),
        };
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var today = AmsterdamClock.Today(Service<TimeProvider>());
        HalfYears = OverviewModel.HalfYearChoices(today);
        var previous = Programme.HalfYear.Of(today) is var h && h.Half == 2 ? new Programme.HalfYear(h.Year, 1) : new Programme.HalfYear(today.Year - 1, 2);
        HalfYear = string.IsNullOrWhiteSpace(HalfYear) ? previous.Code : HalfYear;
        AreaOptions = [new("Alle focusgebieden", string.Empty), .. (await Service<CaseworkDbContext>().Focusgebieden.AsNoTracking().ToListAsync(ct))
            .OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new SelectListItem(f.Name, f.Code))];
        try
        {
            Report = await QueryAsync(new GetProgressReportQuery(HalfYear, Focusgebied), ct);
            return null;
        }
        catch (ValidationException)
        {
            return BadRequest();
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }

    /// <summary>A download of bytes already made (the workbook of several sheets).</summary>
    private sealed class ReportFile(byte[] content, string contentType, string fileName) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            new FileContentResult(content, contentType) { FileDownloadName = fileName }.ExecuteResultAsync(context);
    }
}
