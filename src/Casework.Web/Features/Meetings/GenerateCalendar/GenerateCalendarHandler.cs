using Casework.Domain.Escalation;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

/// <summary>Plans the meetings of a body over a period from its rhythm; dates that already have a meeting are kept, so repeating it is harmless.</summary>
internal sealed class GenerateCalendarHandler(CaseworkDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<GenerateCalendarCommand, CalendarDto>
{
    public async ValueTask<CalendarDto> Handle(GenerateCalendarCommand command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        MeetingAccess.EnsureSecretaryOf(actor, command.Body, administratorMay: true);
        await MeetingAccess.EnsureBodyExistsAsync(db, command.Body, cancellationToken);
        var from = command.FromDate!.Value;
        var until = command.UntilDate!.Value;
        var existing = await db.Set<Meeting>().Where(m => m.BodyCode == command.Body && m.Date >= from && m.Date <= until).Select(m => m.Date).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var created = 0;
        foreach (var date in MeetingBodies.Calendar(command.Body, from, until).Where(d => !existing.Contains(d)))
        {
            db.Set<Meeting>().Add(Meeting.Plan(Guid.NewGuid(), command.Body, MeetingAccess.DefaultTitle(command.Body, date), date, MeetingBodies.CutOffFor(command.Body, date), now));
            created++;
        }

        await db.SaveChangesAsync(cancellationToken);
        var meetings = await db.Set<Meeting>().AsNoTracking().Include(m => m.Items).Where(m => m.BodyCode == command.Body && m.Date >= from && m.Date <= until).OrderBy(m => m.Date).ToListAsync(cancellationToken);
        return new CalendarDto(command.Body, created, meetings.Select(MeetingMapping.ToSummary).ToList());
    }
}
