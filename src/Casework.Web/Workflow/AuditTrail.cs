using Casework.Domain.Cases;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Workflow;

/// <summary>
/// Appends audit events to a stream's hash chain inside the current unit of work. The head is the
/// latest event of the stream, pending ones of this unit of work included; the unique (stream, sequence)
/// index makes a racing writer fail instead of forking the chain.
/// </summary>
internal sealed class AuditTrail(CaseworkDbContext db, TimeProvider time)
{
    public static string AuthStream(string userId) => "auth:" + userId;

    public static string CaseStream(Guid caseId) => "case:" + caseId.ToString("N");

    public async Task<AuditEvent> AppendAsync(
        string stream,
        Actor actor,
        string action,
        string objectType,
        string objectId,
        string result,
        object? oldValues,
        object? newValues,
        string? reason,
        CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<AuditEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.Stream == stream)
            .Select(e => e.Entity)
            .MaxBy(e => e.Sequence);
        var head = pending ?? await db.AuditEvents.AsNoTracking()
            .Where(e => e.Stream == stream)
            .OrderByDescending(e => e.Sequence)
            .FirstOrDefaultAsync(ct);

        var e = AuditEvent.Append(
            stream,
            (head?.Sequence ?? 0) + 1,
            head?.Hash ?? AuditEvent.GenesisHash,
            time.GetUtcNow(),
            actor.UserId,
            actor.Organisation,
            action,
            objectType,
            objectId,
            result,
            oldValues,
            newValues,
            reason);
        db.AuditEvents.Add(e);
        return e;
    }
}
