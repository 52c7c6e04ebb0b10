using Casework.Domain.Organisations;
using Casework.Web.Features.Knelpunten;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Export;
using Casework.Web.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Programme;

/// <summary>
/// <c>/knelpuntenregister</c>: every knelpunt, searchable by law (name or BWB-id), domain, department, focusgebied and
/// status, with its outcome (as <c>GET /api/v1/knelpuntenregister</c>). For every signed-in user; a knelpunt's content and
/// its case page stay for whoever may see the case. Downloads as Excel or CSV with the same filters.
/// </summary>
public sealed class RegisterModel : CaseworkPageModel
{
    [BindProperty(SupportsGet = true, Name = "wet")]
    public string? Wet { get; set; }

    [BindProperty(SupportsGet = true, Name = "domein")]
    public string? Domein { get; set; }

    [BindProperty(SupportsGet = true, Name = "departement")]
    public string? Departement { get; set; }

    [BindProperty(SupportsGet = true, Name = "focusgebied")]
    public string? Focusgebied { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public IReadOnlyList<KnelpuntRegisterRowDto> Rows { get; private set; } = [];

    public IReadOnlyList<SelectListItem> DomeinOptions { get; } =
        [new("Alle domeinen", string.Empty), .. EscalationCaseViews.DomeinCodes.Select(d => new SelectListItem(Labels.Domein(d.Key), d.Value))];

    public IReadOnlyList<SelectListItem> DepartementOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> FocusgebiedOptions { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> StatusOptions { get; } = [new("Open en gesloten", string.Empty), new("Open", "open"), new("Gesloten", "gesloten")];

    public DownloadLinks Downloads => DownloadLinks.For(PagePaths.KnelpuntenRegister, [new("wet", Wet), new("domein", Domein), new("departement", Departement), new("focusgebied", Focusgebied), new("status", Status)], Rows.Count, "knelpunten");

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

        return new ExportDownload(ExportTable.Of("Knelpuntenregister", Rows.Take(TableExport.MaxRows), columns => columns
            .Text("Zaaknummer", r => r.Reference)
            .Text("Titel", r => r.Title)
            .Text("Wet", r => r.WetNaam)
            .Text("BWB-id", r => r.WetBwbId)
            .Text("Artikel", r => r.WetArtikel)
            .Text("Domein", r => r.DomeinName)
            .Text("Departement", r => r.LeadDepartmentName)
            .Text("Focusgebieden", r => string.Join(", ", r.FocusgebiedNames))
            .Text("Status", r => r.StateLabel)
            .Text("Uitkomst", r => r.Outcome)
            .DateTime("Gemeld op", r => r.OpenedAt)
            .DateTime("Gesloten op", r => r.ClosedAt)), chosen);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var db = Service<CaseworkDbContext>();
        DepartementOptions = [new("Alle departementen", string.Empty), .. (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Departement).ToListAsync(ct))
            .OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => new SelectListItem(o.Name, o.Code))];
        FocusgebiedOptions = [new("Alle focusgebieden", string.Empty), .. (await db.Focusgebieden.AsNoTracking().ToListAsync(ct))
            .OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new SelectListItem(f.Name, f.Code))];
        try
        {
            Rows = await QueryAsync(new SearchKnelpuntenRegisterQuery(Wet, Domein, Departement, Focusgebied, Status), ct);
            return true;
        }
        catch (ValidationException)
        {
            return false;
        }
    }
}
