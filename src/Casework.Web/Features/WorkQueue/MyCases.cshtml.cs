using Casework.Domain.Access;
using Casework.Domain.Time;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.WorkQueue;

/// <summary>
/// <c>GET /mijn-zaken</c>: the gemeente's own cases, the most urgent first, each saying what the gemeente must do and by
/// when. <c>?handler=Download&amp;formaat=xlsx|csv</c> downloads all of them (up to <see cref="TableExport.MaxRows"/>).
/// </summary>
public sealed class MyCasesModel : CaseworkPageModel
{
    private const string NotForYou = "Mijn zaken is er voor aanvragers van een gemeente. Uw werk staat in de werkvoorraad.";

    public CaseListPage Cases { get; private set; } = new([], 1, CaseLists.PageSize, 0, 0, 0);

    /// <summary>What the gemeente must still do after its awards (milestones, SiSa years, a terugbetaling), with the date.</summary>
    public AfterAward.AfterAwardWorkList AfterAward { get; private set; } = Features.AfterAward.AfterAwardWorkList.Empty;

    /// <summary>One view of the cases (<see cref="MyCasesFilter"/>), as the start page links to it; an unknown value shows all.</summary>
    [BindProperty(SupportsGet = true, Name = "toon")]
    public string? Filter { get; set; }

    public DownloadLinks Downloads => DownloadLinks.For(PagePaths.MyCases, Filters, Cases.Total, "zaken");

    public List<KeyValuePair<string, string?>> Filters => [new("toon", Filter)];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "pagina")] int? page, CancellationToken ct)
    {
        if (!Service<ICurrentActor>().Actor.Roles.Contains(Role.GemeenteAanvrager))
        {
            return PageAccess.Denied(this, NotForYou);
        }

        Filter = MyCasesFilter.All.Contains(Filter) ? Filter : null;
        Cases = await QueryAsync(new MyCasesQuery(page ?? 1, CaseLists.PageSize, Filter), ct);
        AfterAward = new("Na de toekenning: wat u nog moet doen", "Mijlpalen, verantwoording en terugbetaling, de eerste datum bovenaan", "Uiterlijk",
            await QueryAsync(new Features.AfterAward.AfterAwardDueQuery(), ct));
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync([FromQuery(Name = "formaat")] string? format, CancellationToken ct)
    {
        if (!Service<ICurrentActor>().Actor.Roles.Contains(Role.GemeenteAanvrager))
        {
            return PageAccess.Denied(this, NotForYou);
        }

        if (TableExport.ParseFormat(format) is not { } chosen)
        {
            return ExportDownload.UnknownFormat();
        }

        Filter = MyCasesFilter.All.Contains(Filter) ? Filter : null;
        var all = await QueryAsync(new MyCasesQuery(1, TableExport.MaxRows, Filter), ct);
        return new ExportDownload(CaseListExport.MyCases(all.Items, AmsterdamClock.Today(Service<TimeProvider>())), chosen);
    }
}
