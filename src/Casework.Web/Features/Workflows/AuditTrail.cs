using Casework.Domain.Cases;
using Casework.Web.Persistence;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Workflows;

/// <summary>
/// Appends audit events to a stream's hash chain inside the current unit of work. The head is the
/// latest event of the stream, pending ones of this unit of work included; the unique (stream, sequence)
/// index makes a racing writer fail instead of forking the chain.
/// Every append runs inside a write transaction, so the head is read after the writer took its turn: a command's
/// (<c>TransactionBehavior</c>, the deadline worker's), or, for an event outside any command (sign-in, sign-out, a
/// refused request), the one of <see cref="AuditWriter"/>. An append outside a transaction is refused.
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
        // Outside a write transaction two appenders read the same head and one of them fails on the unique index.
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"An audit event for {stream} was appended outside a write transaction; use a command or AuditWriter.");
        }

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

/// <summary>
/// The one path for an audit event that belongs to no command (sign-in, sign-out, a refused request): a unit of work
/// of its own, so it survives the rollback of whatever it records, in one write transaction. Two appends to one stream
/// at once cannot fork the chain (the unique (stream, sequence) index refuses the loser); where the provider does not
/// serialise writers (SQL Server's READ COMMITTED) the loser appends again after the winner.
/// </summary>
internal sealed class AuditWriter(IServiceScopeFactory scopes)
{
    private const int MaxAttempts = 5;

    public async Task AppendAsync(string stream, Actor actor, string action, string objectType, string objectId, string result, object? oldValues, object? newValues, string? reason, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
                var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
                await db.InWriteTransactionAsync(
                    async token =>
                    {
                        await trail.AppendAsync(stream, actor, action, objectType, objectId, result, oldValues, newValues, reason, token);
                        return await db.SaveChangesAsync(token);
                    },
                    ct);
                return;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), ct);
            }
        }
    }
}
