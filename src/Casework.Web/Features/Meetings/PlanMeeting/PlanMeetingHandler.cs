using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

internal sealed class PlanMeetingHandler(CaseworkDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<PlanMeetingCommand, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(PlanMeetingCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        MeetingAccess.EnsureSecretaryOf(actor, command.Body, administratorMay: true);
        await MeetingAccess.EnsureBodyExistsAsync(db, command.Body, cancellationToken);
        var date = command.Date!.Value;
        if (date < AmsterdamClock.Today(time))
        {
            // A meeting is planned ahead: its agenda, cut-off and decisions follow from the date. A meeting that was
            // held without being planned here is entered with today's date or later, never silently in the past.
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("date", $"Een vergadering plant u vooruit: kies vandaag ({Pages.NlFormat.Date(AmsterdamClock.Today(time))}) of later.")]);
        }

        var meeting = Meeting.Plan(Guid.NewGuid(), command.Body, string.IsNullOrWhiteSpace(command.Title) ? MeetingAccess.DefaultTitle(command.Body, date) : command.Title, date, command.CutOffDate ?? MeetingBodies.CutOffFor(command.Body, date), time.GetUtcNow());
        db.Set<Meeting>().Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return MeetingMapping.ToDto(meeting, _ => true);
    }
}
