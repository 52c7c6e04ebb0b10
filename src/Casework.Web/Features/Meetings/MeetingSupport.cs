using Casework.Domain.Access;
using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Features.Cases;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

internal static class MeetingAccess
{
    /// <summary>The body's own secretary plans and runs its meetings; a functional administrator may plan calendars.</summary>
    public static void EnsureSecretaryOf(Actor actor, string body, bool administratorMay = false)
    {
        CaseAccess.EnsureMayWrite(actor);
        var secretary = actor.Organisation == body && actor.Roles.Contains(Role.Secretaris);
        if (!secretary && !(administratorMay && actor.Roles.Contains(Role.Beheerder)))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, $"Alleen het secretariaat van {MeetingBodies.DisplayName(body)} mag dit doen.");
        }
    }

    public static async Task<Meeting> LoadAsync(CaseworkDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<Meeting>().Include(m => m.Items).ThenInclude(i => i.ActionItems).FirstOrDefaultAsync(m => m.Id == id, ct)
        ?? throw ApiProblemException.NotFound("De vergadering");

    /// <summary>"Strategisch Beraad Sociaal Domein van 10 december 2026": what a person calls the meeting.</summary>
    public static string DefaultTitle(string body, DateOnly date) => $"{MeetingBodies.DisplayName(body)} van {Pages.NlFormat.Date(date)}";

    public static async Task EnsureBodyExistsAsync(CaseworkDbContext db, string body, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Code == body, ct))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("body", $"'{body}' is geen bekend gremium.")]);
        }
    }

    /// <summary>The next planned meeting of the body after a date; planned from the body's rhythm when none exists yet.</summary>
    public static async Task<Meeting> NextMeetingAsync(CaseworkDbContext db, string body, DateOnly after, DateTimeOffset now, CancellationToken ct)
    {
        var next = await db.Set<Meeting>().Include(m => m.Items).Where(m => m.BodyCode == body && m.Status == MeetingStatus.Gepland && m.Date > after).OrderBy(m => m.Date).FirstOrDefaultAsync(ct);
        if (next is not null)
        {
            return next;
        }

        var date = DutchCalendar.HolidaysOnly.OnOrNextWorkingDay(MeetingBodies.Rhythm(body).Next(after));
        next = Meeting.Plan(Guid.NewGuid(), body, DefaultTitle(body, date), date, MeetingBodies.CutOffFor(body, date), now);
        db.Set<Meeting>().Add(next);
        return next;
    }
}

internal static class MeetingMapping
{
    public static MeetingSummaryDto ToSummary(Meeting m) => new(m.Id, m.BodyCode, MeetingBodies.DisplayName(m.BodyCode), m.Title, m.Date, m.CutOffDate, m.Status, m.Items.Count);

    public static MeetingDto ToDto(Meeting m, Func<Guid, bool> caseVisible) => new(
        m.Id, m.BodyCode, MeetingBodies.DisplayName(m.BodyCode), m.Title, m.Date, m.CutOffDate, m.Status, m.ClosedAt,
        m.Items.Where(i => caseVisible(i.CaseId)).OrderBy(i => i.Sequence).Select(ToDto).ToList());

    public static AgendaItemDto ToDto(AgendaItem i) => new(
        i.Id, i.MeetingId, i.Sequence, i.CaseId, i.CaseReference, i.Status, i.AddedAt, i.AddedBy, i.LateReason, i.PreviousItemId, i.NextItemId,
        i.DecisionActionId, i.Besluit, i.DecidedAt, i.DecidedBy,
        i.ActionItems.Select(a => new ActionItemDto(a.Id, a.Description, a.Owner, a.DueDate)).ToList());
}
