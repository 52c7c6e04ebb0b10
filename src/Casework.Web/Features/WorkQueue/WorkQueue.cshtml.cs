using Casework.Domain.Access;
using Casework.Domain.Time;
using Casework.Web.Features.Cases;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Mvc;

namespace Casework.Web.Features.WorkQueue;

/// <summary>
/// <c>GET /werkvoorraad</c>: the open cases waiting for the caller's organisation (loket, reviewers, committees; a
/// beheerder sees all), filtered by type, state, overdue and due soon and searched (<c>zoek</c>, <see cref="CaseSearch"/>),
/// the nearest deadline first. The filter form is a plain GET; with htmx it replaces only the results and pushes the URL,
/// so the address always says what is shown. <c>?handler=Download&amp;formaat=xlsx|csv</c> downloads what the filters
/// select (all pages, up to <see cref="TableExport.MaxRows"/>) through the same query.
/// </summary>
public sealed class WorkQueueModel : CaseworkPageModel
{
    private static readonly Role[] QueueRoles = PageAccess.WorkQueueRoles;

    [BindProperty(SupportsGet = true, Name = "soort")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "verlopen")]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "binnenkort")]
    public bool DueSoon { get; set; }

    /// <summary>A running term that ends within <see cref="CaseLists.DueSoonWorkingDays"/> working days of the legal clock.</summary>
    [BindProperty(SupportsGet = true, Name = "werkdagen")]
    public bool DueWithinWorkingDays { get; set; }

    [BindProperty(SupportsGet = true, Name = "trekker")]
    public bool IncludeLed { get; set; }

    /// <summary>Whose cases: <c>mine</c>, <c>unassigned</c>, or a colleague's user id; empty is everyone's.</summary>
    [BindProperty(SupportsGet = true, Name = "behandelaar")]
    public string? Behandelaar { get; set; }

    /// <summary>The colleagues the behandelaar filter offers (who handle an open case of the organisation now).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Colleagues { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Zoek { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int? PageNumber { get; set; }

    public CaseListPage Cases { get; private set; } = new([], 1, CaseLists.PageSize, 0, 0, 0);

    public IReadOnlyList<CaseTypeOption> Types { get; private set; } = [];

    /// <summary>The open states of every case type, per type.</summary>
    public IReadOnlyList<CaseStateOption> States { get; private set; } = [];

    /// <summary>The states the status filter offers: those of the chosen type, or every type's when none is chosen (grouped per type).</summary>
    public IReadOnlyList<CaseStateOption> StateChoices => Type is null ? States : States.Where(s => s.CaseType == Type).ToList();

    /// <summary>What awaits the department's judgement after awards (VRO's beoordelaars only).</summary>
    public AfterAward.AfterAwardWorkList AfterAward { get; private set; } = Features.AfterAward.AfterAwardWorkList.Empty;

    /// <summary>Whether "cases we lead" is offered: only to an organisation that leads (is trekker of) an open case.</summary>
    public bool OffersLed { get; private set; }

    /// <summary>True when htmx asks for the results only (not for a history restore, which needs the whole page).</summary>
    public bool ResultsOnly => Request.Headers.ContainsKey("HX-Request") && !Request.Headers.ContainsKey("HX-History-Restore-Request");

    public PagerModel Pager => new(Cases.PageNumber, Cases.PageCount, PagePaths.WorkQueue, Filters);

    /// <summary>The downloads of what the filters select now.</summary>
    public DownloadLinks Downloads => DownloadLinks.For(PagePaths.WorkQueue, Filters, Cases.Total, "zaken");

    private List<KeyValuePair<string, string?>> Filters =>
    [
        new("soort", Type),
        new("status", State),
        new("verlopen", Overdue ? "true" : null),
        new("binnenkort", DueSoon ? "true" : null),
        new("werkdagen", DueWithinWorkingDays ? "true" : null),
        new("trekker", IncludeLed ? "true" : null),
        new("zoek", Zoek),
        new("behandelaar", Behandelaar),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MayUse)
        {
            return Denied();
        }

        await FilterAsync(CaseLists.PageSize, ct);
        var actor = Service<ICurrentActor>().Actor;
        if (!ResultsOnly && actor.Organisation == Features.AfterAward.AfterAwardService.Department && actor.Roles.Contains(Role.Beoordelaar))
        {
            AfterAward = new("Na de toekenning: wacht op uw oordeel", "Gemelde en verstreken mijlpalen en verzoeken om uitstel", "Sinds",
                await QueryAsync(new Features.AfterAward.AfterAwardWorkQuery(), ct));
        }

        if (ResultsOnly)
        {
            Response.Headers.Vary = "HX-Request";
            return Partial("/Features/WorkQueue/_WorkQueueResults.cshtml", this);
        }

        return Page();
    }

    /// <summary>What the filters select, every page of it, as an Excel workbook or CSV (<c>formaat</c>).</summary>
    public async Task<IActionResult> OnGetDownloadAsync([FromQuery(Name = "formaat")] string? format, CancellationToken ct)
    {
        if (!MayUse)
        {
            return Denied();
        }

        if (TableExport.ParseFormat(format) is not { } chosen)
        {
            return ExportDownload.UnknownFormat();
        }

        await FilterAsync(TableExport.MaxRows, ct);
        return new ExportDownload(CaseListExport.WorkQueue(Cases.Items, AmsterdamClock.Today(Service<TimeProvider>())), chosen);
    }

    private bool MayUse => Service<ICurrentActor>().Actor.Roles.Overlaps(QueueRoles);

    private IActionResult Denied() =>
        PageAccess.Denied(this, "De werkvoorraad is er voor wie zaken van anderen behandelt. Uw zaken als aanvrager staan onder Mijn zaken.");

    /// <summary>Settles the filters (an unknown value is dropped) and runs the list's query: one page, or one of <paramref name="pageSize"/> for a download.</summary>
    private async Task FilterAsync(int pageSize, CancellationToken ct)
    {
        var options = await QueryAsync(new WorkQueueFilterOptionsQuery(), ct);
        (Types, States, OffersLed) = (options.Types, options.States, options.LeadsCases);
        // An unknown value in the address filters nothing out silently: it is dropped, and the form shows "all". So is
        // a status of another case type than the chosen one (the type changed, the status was left from before).
        Type = Types.Any(t => t.Type == Type) ? Type : null;
        State = StateChoices.Any(s => s.State == State) ? State : null;
        IncludeLed = IncludeLed && OffersLed;
        Zoek = CaseSearch.FromBox(Zoek);
        var me = Service<ICurrentActor>().Actor.UserId;
        Colleagues = options.Behandelaars.Where(b => b.Key != me).ToList();
        Behandelaar = Behandelaar is BehandelaarFilter.Mine or BehandelaarFilter.Unassigned || Colleagues.Any(c => c.Key == Behandelaar) ? Behandelaar : null;
        Cases = await QueryAsync(new WorkQueueQuery(Type, State, Overdue, DueSoon, pageSize == CaseLists.PageSize ? PageNumber ?? 1 : 1, IncludeLed, Zoek, pageSize, Behandelaar, DueWithinWorkingDays), ct);
    }
}
