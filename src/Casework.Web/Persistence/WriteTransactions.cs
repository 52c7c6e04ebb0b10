using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Casework.Web.Persistence;

/// <summary>
/// How every write opens its transaction, on each provider, so a read-then-write (a case's version, the head of an
/// audit chain, a round's ledger) is never interleaved with another writer's:
/// <list type="bullet">
/// <item>SQLite: <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default): writers queue on the database lock.</item>
/// <item>PostgreSQL: SERIALIZABLE; a conflicting writer fails with 40001 and the provider's retrying execution
/// strategy replays the whole unit (reads included), so the outcome is as if the writers had queued.</item>
/// <item>SQL Server: the provider default (READ COMMITTED) plus the unique indexes and conditional updates.</item>
/// </list>
/// Always run through <see cref="InWriteTransactionAsync{T}"/>: a retrying strategy refuses a transaction opened outside it.
/// </summary>
internal static class WriteTransactions
{
    public static Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken ct) =>
        database.IsNpgsql() ? database.BeginTransactionAsync(IsolationLevel.Serializable, ct) : database.BeginTransactionAsync(ct);

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
