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
        // Pending events are tracked by Add() below, so no DetectChanges is needed to find them (a full
        // DetectChanges here walked the whole case graph on every append); and of the head only its sequence
        // and hash are needed, not the whole row with its old/new values.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        AuditEvent? pending;
        try
        {
            pending = db.ChangeTracker.Entries<AuditEvent>()
                .Where(e => e.State == EntityState.Added && e.Entity.Stream == stream)
                .Select(e => e.Entity)
                .MaxBy(e => e.Sequence);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        var head = pending is not null
            ? new ChainHead(pending.Sequence, pending.Hash)
            : await HeadOf.For(db)(db, stream, ct);
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

    private sealed record ChainHead(long Sequence, string Hash);

    /// <summary>The stored head of a stream. Compiled once: every command appends, and EF Core's per-call LINQ work was a measurable part of it.</summary>
    private static readonly CompiledPerContext<Func<CaseworkDbContext, string, CancellationToken, Task<ChainHead?>>> HeadOf = new(() => EF.CompileAsyncQuery(
        (CaseworkDbContext db, string stream, CancellationToken ct) => db.AuditEvents.AsNoTracking()
            .Where(e => e.Stream == stream)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new ChainHead(e.Sequence, e.Hash))
            .FirstOrDefault()));
}
