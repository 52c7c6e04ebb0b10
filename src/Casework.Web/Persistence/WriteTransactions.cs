using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Casework.Web.Persistence;

/// <summary>
/// How every write opens its transaction, on each provider, so a read-then-write (a case's version, the head of an
/// audit chain, a round's ledger) is never interleaved with another writer's:
/// <list type="bullet">
/// <item>SQLite: <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), after this process's writers of the same file
/// have had their turn (<see cref="SqliteWriterGate"/>, ADR-025): writers queue in arrival order instead of polling for
/// the lock; the busy timeout remains for writers in other processes.</item>
/// <item>PostgreSQL: SERIALIZABLE; a conflicting writer fails with 40001 and the provider's retrying execution
/// strategy replays the whole unit (reads included), so the outcome is as if the writers had queued.</item>
/// <item>SQL Server: the provider default (READ COMMITTED) plus the unique indexes and conditional updates.</item>
/// </list>
/// Always run through <see cref="InWriteTransactionAsync{T}"/>: a retrying strategy refuses a transaction opened outside it.
/// </summary>
internal static class WriteTransactions
{
    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken ct)
    {
        if (database.WriterGate() is not { } gate)
        {
            return database.IsNpgsql() ? await database.BeginTransactionAsync(IsolationLevel.Serializable, ct) : await database.BeginTransactionAsync(ct);
        }

        var lease = await gate.EnterAsync(ct);
        try
        {
            return new QueuedTransaction(await database.BeginTransactionAsync(ct), lease);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>The synchronous twin of <see cref="BeginWriteTransactionAsync"/> (synchronous <c>SaveChanges</c> only).</summary>
    public static IDbContextTransaction BeginWriteTransaction(this DatabaseFacade database)
    {
        if (database.WriterGate() is not { } gate)
        {
            return database.IsNpgsql() ? database.BeginTransaction(IsolationLevel.Serializable) : database.BeginTransaction();
        }

        var lease = gate.Enter();
        try
        {
            return new QueuedTransaction(database.BeginTransaction(), lease);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The writer queue of this context's SQLite file, or null: on PostgreSQL and SQL Server (which lock rows, not the
    /// database) and when <c>Database:QueueSqliteWriters</c> is off, no interceptor is registered.
    /// </summary>
    public static SqliteWriterGate? WriterGate(this DatabaseFacade database) =>
        database.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteWriterGateInterceptor>().FirstOrDefault()?.Gate;

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction under the provider's execution strategy and commits it.
    /// On a retry the change tracker is cleared first, so nothing of the failed attempt is saved twice.
    /// </summary>
    public static Task<T> InWriteTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginWriteTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, ct);
}
