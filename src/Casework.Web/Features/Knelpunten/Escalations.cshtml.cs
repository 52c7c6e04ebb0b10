using Casework.Domain.Escalation;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Meetings;
using Casework.Web.Features.Pages;
using Casework.Web.Features.Reference;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Knelpunten;

/// <summary>
/// <c>GET /escalaties</c>: the escalation board. Open knelpunten and vastlopers the caller may see, per level they
/// escalate through (alliantie, SBSD-triage, departement, SBSD, BRSD, bestuurlijk overleg), each with its term and
/// the level's next meeting; filterable on one level and searchable (<c>zoek</c>, <see cref="CaseSearch"/>). Same query
/// as <c>GET /api/v1/escalation-board</c>. <c>?handler=Download&amp;formaat=xlsx|csv</c> downloads the cases shown.
/// </summary>
public sealed class EscalationsModel : CaseworkPageModel
{
    /// <summary>The levels in escalation order, as the board query names them, with the name a reader knows.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Levels =
    [
        ("alliantie", "Alliantie (gemeld, nog niet doorgezet)"),
        ("triage", "Triage door het secretariaat SBSD"),
        ("departement", "Bij het trekkende departement"),
        (MeetingBodies.Sbsd, MeetingBodies.DisplayName(MeetingBodies.Sbsd)),
        (MeetingBodies.Brsd, MeetingBodies.DisplayName(MeetingBodies.Brsd)),
        (MeetingBodies.BestuurlijkOverleg, MeetingBodies.DisplayName(MeetingBodies.BestuurlijkOverleg)),
    ];

    public EscalationBoardDto Board { get; private set; } = new(default, []);

    /// <summary>Level filter, named as its query parameter (<c>?Niveau=SBSD</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Niveau { get; set; }

    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Zoek { get; set; }

    /// <summary>The names of the organisations that hold the cases shown, by code.</summary>
    public IReadOnlyDictionary<string, string> OwnerNames { get; private set; } = new Dictionary<string, string>();

    public DownloadLinks Downloads => DownloadLinks.For(PagePaths.Escalations, [new("Niveau", Niveau), new("zoek", Zoek)]);

    public IReadOnlyList<SelectListItem> LevelOptions { get; } =
        [new SelectListItem("Alle niveaus", string.Empty), .. Levels.Select(l => new SelectListItem(l.Name, l.Code))];

    public IReadOnlyList<EscalationLevelDto> Shown { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MayUse)
        {
            return PageAccess.Denied(this, PageAccess.ForSecretariesAndReviewers);
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The cases the board shows with its current level and search, as an Excel workbook or CSV (<c>formaat</c>).</summary>
    public async Task<IActionResult> OnGetDownloadAsync([FromQuery(Name = "formaat")] string? format, CancellationToken ct)
    {
        if (!MayUse)
        {
            return PageAccess.Denied(this, PageAccess.ForSecretariesAndReviewers);
        }

        if (TableExport.ParseFormat(format) is not { } chosen)
        {
            return ExportDownload.UnknownFormat();
        }

        await LoadAsync(ct);
        var rows = Shown.SelectMany(l => l.Cases.Select(c => (Level: l.Level, Case: c))).Take(TableExport.MaxRows);
        return new ExportDownload(ExportTable.Of(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Escalaties {Board.Today:dd-MM-yyyy}"), rows, columns => columns
            .Text("Niveau", r => LevelName(r.Level))
            .Text("Zaaknummer", r => r.Case.Reference)
            .Text("Soort", r => TypeName(r.Case.Type))
            .Text("Onderwerp", r => r.Case.Title)
            .Text("Stand", r => r.Case.StateLabel)
            .Text("Bij", r => OwnerName(r.Case.Owner))
            .WholeNumber("Dagen open", r => r.Case.AgeDays)
            .WholeNumber("Dagen in deze stand", r => r.Case.DaysInState)
            .Date("Volgende termijn", r => r.Case.DueDate)
            .YesNo("Over termijn", r => r.Case.Overdue)
            .YesNo("Geagendeerd", r => r.Case.OnAgendaOfMeetingId is not null)), chosen);
    }

    /// <summary>Who holds a case, by name when the organisation is known.</summary>
    public string? OwnerName(string? code) => code is null ? null : OwnerNames.GetValueOrDefault(code, code);

    private bool MayUse => MeetingsModel.AllowedRoles.Any(Service<ICurrentActor>().Actor.Roles.Contains);

    private async Task LoadAsync(CancellationToken ct)
    {
        Zoek = CaseSearch.FromBox(Zoek);
        Board = await QueryAsync(new EscalationBoardQuery(Zoek), ct);
        var filter = string.IsNullOrWhiteSpace(Niveau) ? null : Niveau;
        Shown = Board.Levels.Where(l => filter is null || l.Level == filter).ToList();
        var owners = Shown.SelectMany(l => l.Cases).Select(c => c.Owner).OfType<string>().ToList();
        OwnerNames = await QueryAsync(new OrganisationNamesQuery(owners), ct);
    }

    public static string LevelName(string code) => Levels.FirstOrDefault(l => l.Code == code).Name ?? code;

    public static string TypeName(string type) => type == "vastloper" ? "Vastloper" : "Knelpunt";
}
