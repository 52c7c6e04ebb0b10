using Casework.Domain.Access;
using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Infrastructure.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Meetings;

/// <summary>
/// <c>/vergaderingen/{id}</c>: a meeting's agenda (items in order with their case), the cut-off, the decisions per item
/// with their action items, and the besluitenlijst download. The body's secretary can put a ready case on the agenda
/// here (<see cref="AddAgendaItemCommand"/>) and close the meeting once it was held (<see cref="CloseMeetingCommand"/>);
/// recording a decision has its own page per item.
/// </summary>
public sealed class MeetingModel : CaseworkPageModel
{
    public MeetingDto Meeting { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, AgendaCaseDetailsDto> Cases { get; private set; } = new Dictionary<Guid, AgendaCaseDetailsDto>();

    public IReadOnlyList<ReadyCaseDto> ReadyCases { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ReadyCaseOptions { get; private set; } = [];

    public bool IsSecretary { get; private set; }

    public DateOnly Today { get; private set; }

    public bool IsHeld => Meeting.Status == MeetingStatus.Gepland && Meeting.Date <= Today;

    public bool AgendaClosed => Today > Meeting.CutOffDate;

    [BindProperty]
    public AgendaInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!MeetingsModel.AllowedRoles.Any(Service<ICurrentActor>().Actor.Roles.Contains))
        {
            return PageAccess.Denied(this, PageAccess.ForSecretariesAndReviewers);
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAgenderenAsync(Guid id, CancellationToken ct)
    {
        var (ok, item) = await TrySendAsync(new AddAgendaItemCommand(id, Input.CaseId, string.IsNullOrWhiteSpace(Input.LateReason) ? null : Input.LateReason), "Input", ct);
        if (ok)
        {
            Flash($"Zaak {item!.CaseReference} staat als punt {item.Sequence} op de agenda.");
            return RedirectToPage(new { id });
        }

        return await RefusedAsync(id, StatusCodes.Status400BadRequest, ct);
    }

    /// <summary>Closes the meeting; open items move to the body's next meeting (planned on its rhythm if there is none yet).</summary>
    public async Task<IActionResult> OnPostSluitenAsync(Guid id, CancellationToken ct)
    {
        var (ok, closed) = await TrySendAsync(new CloseMeetingCommand(id), string.Empty, ct);
        if (ok)
        {
            var moved = closed!.Items.Count(i => i.NextItemId is not null);
            Flash(moved == 0
                ? "De vergadering is gesloten."
                : $"De vergadering is gesloten. {moved} {(moved == 1 ? "punt zonder besluit staat" : "punten zonder besluit staan")} nu op de agenda van de volgende vergadering.");
            return RedirectToPage(new { id });
        }

        return await RefusedAsync(id, StatusCodes.Status409Conflict, ct);
    }

    /// <summary>The page again after a refused command: 422 with the broken rules, otherwise <paramref name="status"/> (field errors, a conflict).</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, int status, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return RefusedPage(status);
    }

    /// <summary>Open items of this meeting: what closing it would move to the next one.</summary>
    public int OpenItems => Meeting.Items.Count(i => i.Status == AgendaItemStatus.Open);

    /// <summary>The besluitenlijst's downloads: the API's Excel, CSV and PDF forms (the page's cookie signs the request in).</summary>
    public DownloadLinks Besluitenlijst => new(
        $"{ApiVersion.BasePath}/meetings/{Meeting.Id}/besluitenlijst.xlsx", $"{ApiVersion.BasePath}/meetings/{Meeting.Id}/besluitenlijst.csv", null, "Besluitenlijst:",
        $"{ApiVersion.BasePath}/meetings/{Meeting.Id}/besluitenlijst.pdf");

    public static string DecisionPath(Guid meetingId, Guid itemId) => $"{PagePaths.Meeting(meetingId)}/agendapunten/{itemId}/besluit";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Meeting = await QueryAsync(new GetMeetingQuery(id), ct);
        }
        catch (ApiProblemException e) when (e.Problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        var actor = Service<ICurrentActor>().Actor;
        Today = AmsterdamClock.Today(Service<TimeProvider>());
        IsSecretary = actor.Organisation == Meeting.Body && actor.Roles.Contains(Role.Secretaris);
        Cases = await QueryAsync(new MeetingItemDetailsQuery(id), ct);
        if (IsSecretary && Meeting.Status == MeetingStatus.Gepland)
        {
            ReadyCases = await QueryAsync(new ReadyCasesQuery(id), ct);
            ReadyCaseOptions = ReadyCases.Select(c => new SelectListItem($"{c.Reference}: {c.Title} ({c.StateLabel})", c.Id.ToString())).ToList();
        }

        return true;
    }
}

/// <summary>The agenda form: which ready case, and (after the cut-off) why it is still added.</summary>
public sealed class AgendaInput
{
    public Guid? CaseId { get; set; }

    public string? LateReason { get; set; }
}
