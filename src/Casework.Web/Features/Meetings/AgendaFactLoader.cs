using Casework.Domain.Escalation;
using Casework.Domain.Time;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Web.Features.Workflows.Guards;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Meetings;

/// <summary>
/// Supplies <c>agenda.behandeld:{BODY}</c> for the <c>opAgenda</c> guard: true when the case is an open item on the
/// agenda of a meeting of that body that is held or under way (its date has come and it is not closed).
/// </summary>
internal sealed class AgendaFactLoader(CaseworkDbContext db, TimeProvider time) : ICaseFactLoader
{
    private static readonly string[] Bodies = [MeetingBodies.Sbsd, MeetingBodies.Brsd, MeetingBodies.BestuurlijkOverleg];

    public IReadOnlyCollection<string> Keys { get; } = Bodies.Select(b => OpAgendaGuard.FactPrefix + b).ToArray();

    public async ValueTask<object?> LoadAsync(Guid caseId, string key, CancellationToken ct)
    {
        var body = key[OpAgendaGuard.FactPrefix.Length..];
        var today = AmsterdamClock.Today(time);
        return await db.Set<Meeting>().AnyAsync(
            m => m.BodyCode == body && m.Status == MeetingStatus.Gepland && m.Date <= today
                && m.Items.Any(i => i.CaseId == caseId && i.Status == AgendaItemStatus.Open),
            ct);
    }
}
