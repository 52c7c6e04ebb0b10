using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Casework.Workflows.Loading;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

/// <summary>
/// What an agendering action (a secretariat's action with a <c>vergadering</c> input, such as <c>agenderenSbsd</c>)
/// means, whichever way it is fired: the case goes on the agenda of that meeting. The meeting must exist, be the
/// body's own and still open; a free text ("SB van volgende week") is refused, so a case is never Geagendeerd while
/// it is on no agenda (which would leave the body's decision blocked by <c>opAgenda</c>). When the meeting page put
/// the item on the agenda already (<see cref="AddAgendaItemHandler"/>), the hook finds it and adds nothing.
/// </summary>
internal sealed class AgenderingHook(CaseworkDbContext db, DefinitionCatalog catalog, AuditTrail audit, TimeProvider time) : ITransitionHook
{
    public async ValueTask AfterTransitionAsync(CaseFile caseFile, Transition transition, Actor actor, ActionInput input, CancellationToken ct)
    {
        var definition = catalog.Find(caseFile.DefinitionId, caseFile.DefinitionVersion)?.Definition;
        var action = definition?.Actions.FirstOrDefault(a => a.Id == transition.ActionId);
        if (action?.Body is not { } body || !action.Input.Fields.Any(f => f.Name == BodyAgenda.MeetingField))
        {
            return;
        }

        var meeting = await FindMeetingAsync(input, body, ct);
        if (meeting.Items.Any(i => i.CaseId == caseFile.Id && i.Status == AgendaItemStatus.Open))
        {
            return;
        }

        var now = time.GetUtcNow();
        var item = meeting.AddItem(Guid.NewGuid(), caseFile.Id, caseFile.Reference, AmsterdamClock.Today(time), now, actor.UserId, input.Reason);
        caseFile.PlaceWithBody(meeting.BodyCode, now);
        await audit.AppendAsync(
            AuditTrail.CaseStream(caseFile.Id), actor, "agenda.geagendeerd", "agendapunt", item.Id.ToString(), "ok", null,
            new { vergadering = meeting.Id, gremium = meeting.BodyCode, datum = meeting.Date, na_sluiting = item.LateReason is not null },
            input.Reason, ct);
    }

    private async Task<Meeting> FindMeetingAsync(ActionInput input, string body, CancellationToken ct)
    {
        var field = "data." + BodyAgenda.MeetingField;
        if (!input.Data.TryGetValue(BodyAgenda.MeetingField, out var value) || value.ValueKind != JsonValueKind.String || !Guid.TryParse(value.GetString(), out var id))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(field, $"Kies een vergadering van {MeetingBodies.DisplayName(body)}; een zaak wordt geagendeerd op een geplande vergadering.")]);
        }

        // The meeting page adds its item before it fires the action: find the tracked meeting first.
        var meeting = db.Set<Meeting>().Local.FirstOrDefault(m => m.Id == id)
            ?? await db.Set<Meeting>().Include(m => m.Items).ThenInclude(i => i.ActionItems).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || meeting.BodyCode != body)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(field, $"Deze vergadering is geen vergadering van {MeetingBodies.DisplayName(body)}.")]);
        }

        return meeting;
    }
}
