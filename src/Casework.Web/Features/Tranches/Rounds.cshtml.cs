using System.Globalization;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.Tranches;

/// <summary>
/// <c>GET /rondes</c>: every round of VHF and WBI with its window, status and ceiling; for every signed-in user (rounds
/// are public). <c>?handler=Download&amp;formaat=xlsx|csv</c> downloads the list.
/// </summary>
public sealed class RoundsModel : CaseworkPageModel
{
    public IReadOnlyList<TrancheSummaryDto> Rounds { get; private set; } = [];

    /// <summary><c>open</c>: only the rounds open now or opening within <see cref="TrancheSelections.OpeningSoonDays"/> days (the start page links here).</summary>
    [BindProperty(SupportsGet = true, Name = "tijdvak")]
    public string? Tijdvak { get; set; }

    public const string OpenOrOpeningSoon = "open";

    public bool OnlyOpen => Tijdvak == OpenOrOpeningSoon;

    public DownloadLinks Downloads => DownloadLinks.For(PagePaths.Rounds, OnlyOpen ? [new("tijdvak", OpenOrOpeningSoon)] : []);

    public async Task OnGetAsync(CancellationToken ct) => Rounds = await QueryAsync(Query, ct);

    private ListTranchesQuery Query => new(null, OnlyOpen ? TrancheSelections.OpeningSoonDays : null);

    public async Task<IActionResult> OnGetDownloadAsync([FromQuery(Name = "formaat")] string? format, CancellationToken ct)
    {
        if (TableExport.ParseFormat(format) is not { } chosen)
        {
            return ExportDownload.UnknownFormat();
        }

        Rounds = await QueryAsync(Query, ct);
        var today = AmsterdamClock.Today(Service<TimeProvider>());
        return new ExportDownload(ExportTable.Of(string.Create(CultureInfo.InvariantCulture, $"Rondes {today:dd-MM-yyyy}"), Rounds, columns => columns
            .Text("Regeling", r => RegelingName(r.Regeling))
            .Text("Ronde", r => r.Name)
            .Date("Aangekondigd op", r => r.AnnouncedOnDate)
            .DateTime("Tijdvak open vanaf", r => r.OpensAt)
            .DateTime("Tijdvak sluit", r => r.ClosesAt)
            .Text("Status", r => StatusName(r.Status))
            .Money("Plafond", r => r.Ceiling)
            .Money("Verplicht", r => r.Committed)
            .Money("Betaald", r => r.Paid)
            .Money("Teruggevorderd", r => r.Reclaimed)
            .Money("Nog beschikbaar", r => r.Remaining)), chosen);
    }

    public static string RegelingName(Regeling regeling) => regeling == Regeling.Wbi ? "Woningbouwimpuls" : "Volkshuisvestingsfonds";

    public static string StatusName(TrancheStatus status) => status switch
    {
        TrancheStatus.Announced => "Aangekondigd",
        TrancheStatus.Open => "Open",
        TrancheStatus.Closed => "Gesloten",
        _ => "Toegekend",
    };

    public static string StatusClass(TrancheStatus status) => status switch
    {
        TrancheStatus.Open => "status status--ok",
        TrancheStatus.Announced => "status status--due-soon",
        _ => "status",
    };

    public static string Window(TrancheSummaryDto round) => (round.OpensAt, round.ClosesAt) switch
    {
        ({ } opens, { } closes) => $"{Pages.NlFormat.DateTime(opens)} tot {Pages.NlFormat.DateTime(closes)}",
        ({ } opens, null) => $"vanaf {Pages.NlFormat.DateTime(opens)}",
        (null, { } closes) => $"tot {Pages.NlFormat.DateTime(closes)}",
        _ => "niet vastgelegd",
    };
}
