using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Casework.Web.Persistence;

/// <summary>
/// A first-come, first-served async mutex. <see cref="SemaphoreSlim"/> does not promise FIFO order, and fairness
/// is the point here (ADR-025): a writer that has waited longest goes next, so no writer loses over and over.
/// </summary>
internal sealed class FairAsyncGate
{
    private readonly Lock _sync = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _queue = new();
    private bool _held;

    /// <summary>Writers waiting behind the holder (for tests and diagnostics).</summary>
    public int Waiting
    {
        get
        {
            lock (_sync)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Waits for the gate in arrival order; false when <paramref name="timeout"/> passed first.</summary>
    public async ValueTask<bool> EnterAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (_sync)
        {
            if (!_held)
            {
                _held = true;
                return true;
            }

            // Continuations off the releasing thread: the releaser is about to return from a COMMIT and must not
            // run the next writer's whole transaction inline.
            node = _queue.AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(timeout);
        bool granted;
        await using (stop.Token.UnsafeRegister(static state => Abandon((Waiter)state!), new Waiter(this, node)))
        {
            granted = await node.Value.Task.ConfigureAwait(false);
        }

        if (!granted)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return granted;
    }

    /// <summary>Hands the gate to the longest waiter, or opens it.</summary>
    public void Exit()
    {
        TaskCompletionSource<bool> next;
        lock (_sync)
        {
            if (_queue.First is not { } first)
            {
                _held = false;
                return;
            }

            // Ownership passes directly: the gate never looks free while someone waits, so a newcomer cannot jump the queue.
            _queue.RemoveFirst();
            next = first.Value;
        }

        next.TrySetResult(true);
    }

    private static void Abandon(Waiter waiter)
    {
        lock (waiter.Gate._sync)
        {
            // Already handed the gate (removed by Exit): the waiter owns it and will release it.
            if (waiter.Node.List is null)
            {
                return;
            }

            waiter.Gate._queue.Remove(waiter.Node);
        }

        waiter.Node.Value.TrySetResult(false);
    }

    private sealed record Waiter(FairAsyncGate Gate, LinkedListNode<TaskCompletionSource<bool>> Node);
}

/// <summary>
/// The in-process writer queue of one SQLite database file (ADR-025). SQLite allows one writer per file; without
/// the queue every writer polls for the lock that <c>BEGIN IMMEDIATE</c> takes (Microsoft.Data.Sqlite retries a busy
/// statement after a sleep), and under concurrency some lose over and over. Writers of this process now wait here
/// in arrival order before they ask SQLite for the lock; the busy timeout stays as the fallback against writers in
/// other processes (a second host, the CLI).
/// </summary>
internal sealed class SqliteWriterGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriterGate> ByFile = new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private readonly FairAsyncGate _gate = new();

    private SqliteWriterGate(string file, TimeSpan timeout)
    {
        File = file;
        Timeout = timeout;
    }

    /// <summary>The normalised path of the database file (or <c>memory:name</c>): the key of the queue.</summary>
    public string File { get; }

    /// <summary>How long a writer waits in the queue before it fails like SQLite would (the connection's busy timeout).</summary>
    public TimeSpan Timeout { get; }

    public int Waiting => _gate.Waiting;

    /// <summary>The one queue of the database file this connection string names, shared by every host in the process.</summary>
    public static SqliteWriterGate For(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var memory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:" or "";
        var file = memory ? "memory:" + builder.DataSource : Path.GetFullPath(builder.DataSource);
        var timeout = TimeSpan.FromSeconds(builder.DefaultTimeout);

        // The first registration fixes the timeout; every host in the process uses the same connection settings.
        return ByFile.GetOrAdd(file, static (key, t) => new SqliteWriterGate(key, t), timeout);
    }

    /// <summary>Waits for this process's turn to write. Dispose the lease after COMMIT or ROLLBACK.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.EnterAsync(Timeout, cancellationToken).ConfigureAwait(false))
        {
            // The same error a writer got before the queue existed when the lock stayed taken past the busy timeout.
            throw new SqliteException($"database is locked: waited {Timeout.TotalSeconds:F0} s behind the other writers of this process for {File}", 5);
        }

        return new Lease(_gate);
    }

    /// <summary>The synchronous twin of <see cref="EnterAsync"/>, for synchronous <c>SaveChanges</c>.</summary>
    public IDisposable Enter() => EnterAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    private sealed class Lease(FairAsyncGate gate) : IDisposable
    {
        private FairAsyncGate? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Exit();
    }
}

/// <summary>
/// Puts the writes that run outside a transaction (autocommit <c>ExecuteUpdate</c>/<c>ExecuteSql</c>, e.g. the
/// deadline worker's claims) in the writer queue too; writes inside a transaction are queued when the transaction
/// begins (<see cref="WriteTransactions"/>). Registered on SQLite only; its presence is what turns the queue on.
/// </summary>
internal sealed class SqliteWriterGateInterceptor(SqliteWriterGate gate) : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbCommand, IDisposable> _leases = [];

    public SqliteWriterGate Gate { get; } = gate;

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null)
        {
            _leases.AddOrUpdate(command, Gate.Enter());
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null)
        {
            _leases.AddOrUpdate(command, await Gate.EnterAsync(cancellationToken));
        }

        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Release(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    private void Release(DbCommand command)
    {
        if (_leases.TryGetValue(command, out var lease))
        {
            _leases.Remove(command);
            lease.Dispose();
        }
    }
}

/// <summary>A write transaction that holds its place in the writer queue until it commits, rolls back or is disposed.</summary>
internal sealed class QueuedTransaction(IDbContextTransaction inner, IDisposable lease) : IDbContextTransaction, IInfrastructure<DbTransaction>
{
    public Guid TransactionId => inner.TransactionId;

    public bool SupportsSavepoints => inner.SupportsSavepoints;

    DbTransaction IInfrastructure<DbTransaction>.Instance => inner.GetDbTransaction();

    public void Commit()
    {
        inner.Commit();
        lease.Dispose();
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await inner.CommitAsync(cancellationToken);
        lease.Dispose();
    }

    public void Rollback()
    {
        inner.Rollback();
        lease.Dispose();
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        await inner.RollbackAsync(cancellationToken);
        lease.Dispose();
    }

    public void CreateSavepoint(string name) => inner.CreateSavepoint(name);

    public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);

    public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);

    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);

    public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);

    public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

    public void Dispose()
    {
        try
        {
            inner.Dispose();
        }
        finally
        {
            lease.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await inner.DisposeAsync();
        }
        finally
        {
            lease.Dispose();
        }
    }
}
