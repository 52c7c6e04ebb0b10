using System.Globalization;
using Casework.Domain.Access;
using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Pages;
using Casework.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Casework.Web.Features.Meetings;

/// <summary>
/// <c>GET /vergaderingen</c>: the meetings of the bodies, on date, from a month back. A secretary sees the meetings of
/// the body they serve first (the filter starts on it); the others see every body and can filter. Paged with the
/// same cursor as <c>GET /api/v1/meetings</c>.
/// </summary>
public sealed class MeetingsModel : CaseworkPageModel
{
    public static readonly Role[] AllowedRoles = PageAccess.EscalationRoles;

    public Page<MeetingSummaryDto> Meetings { get; private set; } = new([], null);

    /// <summary>The body filter; named as the query parameter (<c>?gremium=SBSD</c>) so the filter form binds it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Gremium { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Vanaf { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public IReadOnlyList<SelectListItem> BodyOptions { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The body whose meetings the signed-in secretary plans (null for everyone else).</summary>
    public string? OwnBody { get; private set; }

    [BindProperty]
    public PlanInput Plan { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = Service<ICurrentActor>().Actor;
        if (!actor.Roles.Overlaps(AllowedRoles))
        {
            return PageAccess.Denied(this, PageAccess.ForSecretariesAndReviewers);
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The secretary plans a meeting of their own body (<see cref="PlanMeetingCommand"/>); the cut-off follows the body's rhythm unless given.</summary>
    public async Task<IActionResult> OnPostPlannenAsync(CancellationToken ct)
    {
        var actor = Service<ICurrentActor>().Actor;
        var (ok, meeting) = await TrySendAsync(new PlanMeetingCommand(actor.Organisation, Plan.Date, Plan.CutOffDate, string.IsNullOrWhiteSpace(Plan.Title) ? null : Plan.Title.Trim()), nameof(Plan), ct);
        if (ok)
        {
            Flash($"De vergadering {meeting!.Title} op {NlFormat.Date(meeting.Date)} is gepland; de agenda sluit op {NlFormat.Date(meeting.CutOffDate)}.");
            return Redirect(PagePaths.Meeting(meeting.Id));
        }

        if (!actor.Roles.Overlaps(AllowedRoles))
        {
            return PageAccess.Denied(this, PageAccess.ForSecretariesAndReviewers);
        }

        await LoadAsync(ct);
        return RefusedPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = Service<ICurrentActor>().Actor;
        OwnBody = actor.Roles.Contains(Role.Secretaris) && MeetingBodies.IsKnown(actor.Organisation) ? actor.Organisation : null;
        Today = AmsterdamClock.Today(Service<TimeProvider>());
        if (!Request.Query.ContainsKey(nameof(Gremium)) && OwnBody is not null)
        {
            Gremium = OwnBody;
        }

        Vanaf ??= Today.AddMonths(-1);
        var body = string.IsNullOrWhiteSpace(Gremium) ? null : Gremium;
        try
        {
            Meetings = await QueryAsync(new ListMeetingsQuery(body, Vanaf, null, Cursor, 25), ct);
        }
        catch (FluentValidation.ValidationException)
        {
            // A stale or edited cursor: start from the first page rather than failing.
            Meetings = await QueryAsync(new ListMeetingsQuery(body, Vanaf, null, null, 25), ct);
        }

        var bodies = new List<SelectListItem>
        {
            new("Alle gremia", string.Empty),
            new(MeetingBodies.DisplayName(MeetingBodies.Sbsd), MeetingBodies.Sbsd),
            new(MeetingBodies.DisplayName(MeetingBodies.Brsd), MeetingBodies.Brsd),
            new(MeetingBodies.DisplayName(MeetingBodies.BestuurlijkOverleg), MeetingBodies.BestuurlijkOverleg),
        };
        if (body is not null && MeetingBodies.IsAlliance(body))
        {
            bodies.Add(new SelectListItem(MeetingBodies.DisplayName(body), body));
        }

        BodyOptions = bodies;
    }

    public string NextPageUrl(string next) =>
        $"{PagePaths.Meetings}?Gremium={Uri.EscapeDataString(Gremium ?? string.Empty)}&Vanaf={Vanaf:yyyy-MM-dd}&cursor={Uri.EscapeDataString(next)}";
}

/// <summary>The plan form: the date, and optionally the cut-off and a title.</summary>
public sealed class PlanInput
{
    public DateOnly? Date { get; set; }

    public DateOnly? CutOffDate { get; set; }

    public string? Title { get; set; }
}

/// <summary>Meeting and agenda-item states as the secretaries call them.</summary>
public static class MeetingLabels
{
    public static string MeetingStatus(MeetingStatus status) => status switch
    {
        Domain.Escalation.MeetingStatus.Gepland => "Gepland",
        _ => "Gesloten",
    };

    public static string AgendaItemStatus(AgendaItemStatus status) => status switch
    {
        Domain.Escalation.AgendaItemStatus.Open => "Open",
        Domain.Escalation.AgendaItemStatus.Besloten => "Besloten",
        _ => "Doorgeschoven",
    };
}
