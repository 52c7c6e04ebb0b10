using System.Text.Json;
using Casework.Domain.Common;
using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Features.Cases;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

/// <summary>
/// Puts a case on a meeting's agenda. The case must be visible to the secretary and in a state the body can
/// take up (see <see cref="BodyAgenda"/>); when the definition has an agendering action for the body
/// (e.g. <c>agenderenSbsd</c>) it is fired in the same transaction.
/// </summary>
internal sealed class AddAgendaItemHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, AuditTrail audit, TimeProvider time) : ICommandHandler<AddAgendaItemCommand, AgendaItemDto>
{
    public async ValueTask<AgendaItemDto> Handle(AddAgendaItemCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var meeting = await MeetingAccess.LoadAsync(db, command.MeetingId, cancellationToken);
        MeetingAccess.EnsureSecretaryOf(actor, meeting.BodyCode);
        var caseFile = await CaseAccess.LoadVisibleAsync(db, command.CaseId!.Value, actor, cancellationToken);
        var definition = transitions.DefinitionOf(caseFile);
        if (!BodyAgenda.CanGoOnAgenda(caseFile, definition, meeting.BodyCode))
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "ZAAK-NIET-AGENDEERBAAR", $"Zaak {caseFile.Reference} ({caseFile.StateLabel}) kan nu niet op de agenda van {MeetingBodies.DisplayName(meeting.BodyCode)}.", "(ontwerpkeuze)"));
        }

        var today = AmsterdamClock.Today(time);
        var now = time.GetUtcNow();
        var item = meeting.AddItem(Guid.NewGuid(), caseFile.Id, caseFile.Reference, today, now, actor.UserId, command.LateReason);
        if (!MeetingBodies.IsAlliance(meeting.BodyCode) && BodyAgenda.AgenderingAction(definition, caseFile.State, meeting.BodyCode) is { } agendering)
        {
            var data = new Dictionary<string, JsonElement> { [BodyAgenda.MeetingField] = JsonSerializer.SerializeToElement(meeting.Id.ToString()) };
            await transitions.FireAsync(caseFile, actor, agendering.Id, new ActionInput(command.LateReason, data), cancellationToken);
        }

        caseFile.PlaceWithBody(meeting.BodyCode, now);
        await audit.AppendAsync(
            AuditTrail.CaseStream(caseFile.Id), actor, "agenda.geagendeerd", "agendapunt", item.Id.ToString(), "ok", null,
            new { vergadering = meeting.Id, gremium = meeting.BodyCode, datum = meeting.Date, na_sluiting = item.LateReason is not null },
            command.LateReason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return MeetingMapping.ToDto(item);
    }
}
