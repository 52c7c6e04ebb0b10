using Casework.Domain.Time;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

/// <summary>
/// Closes a held meeting. Items not handled move to the next meeting of the same body (planned from the rhythm
/// if none is planned yet): the new item points at the old one and the old one at the new, and the case's audit
/// trail records the move. An item whose case has meanwhile left this body's hands (decided outside the
/// meeting, closed) stays open on the closed meeting rather than moving: there is nothing left to decide.
/// </summary>
internal sealed class CloseMeetingHandler(CaseworkDbContext db, ICurrentActor current, CaseTransitions transitions, AuditTrail audit, TimeProvider time) : ICommandHandler<CloseMeetingCommand, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(CloseMeetingCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var meeting = await MeetingAccess.LoadAsync(db, command.MeetingId, cancellationToken);
        MeetingAccess.EnsureSecretaryOf(actor, meeting.BodyCode);
        var today = AmsterdamClock.Today(time);
        var now = time.GetUtcNow();
        var unhandled = meeting.Close(today, now);
        if (unhandled.Count > 0)
        {
            var next = await MeetingAccess.NextMeetingAsync(db, meeting.BodyCode, meeting.Date, now, cancellationToken);
            foreach (var item in unhandled)
            {
                var caseFile = await db.Cases.FirstAsync(c => c.Id == item.CaseId, cancellationToken);
                if (!BodyAgenda.CanGoOnAgenda(caseFile, transitions.DefinitionOf(caseFile), meeting.BodyCode))
                {
                    continue;
                }

                var moved = next.AddItem(Guid.NewGuid(), item.CaseId, item.CaseReference, today, now, actor.UserId, null, previousItemId: item.Id);
                item.MovedTo(moved.Id);
                await audit.AppendAsync(
                    AuditTrail.CaseStream(item.CaseId), actor, "agenda.doorgeschoven", "agendapunt", moved.Id.ToString(), "ok",
                    new { vergadering = meeting.Id, datum = meeting.Date, agendapunt = item.Id },
                    new { vergadering = next.Id, datum = next.Date, agendapunt = moved.Id },
                    "Niet behandeld; doorgeschoven naar de volgende vergadering.", cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return MeetingMapping.ToDto(meeting, _ => true);
    }
}
