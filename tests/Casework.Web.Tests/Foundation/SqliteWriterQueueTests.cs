using System.Net;
using Casework.Domain.Cases;
using Casework.Web.Features.Audit;
using Casework.Web.Persistence;
using Casework.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Foundation;

/// <summary>
/// The in-process writer queue of a SQLite file (ADR-025): writers take turns in arrival order, and every kind of
/// write waits its turn. How long they wait is measured by the bench (bench/README.md), never asserted here.
/// </summary>
public sealed class SqliteWriterQueueTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task FireAction_ThirtyTwoInParallelOnThirtyTwoCasesOfOneFile_AllSucceed()
    {
        const int parallel = 32;
        var cases = new List<CaseFile>();
        for (var i = 0; i < parallel; i++)
        {
            cases.Add(await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD", title: $"Knelpunt {i}"));
        }

        // One sign-in (the sign-in endpoint is rate limited); the test server serves the requests concurrently.
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");

        var responses = await Task.WhenAll(cases.Select(c => Task.Run(() =>
            sbsd.FireAsync(c.Id, "triageAfronden", 1, new { data = new { domein = "wonen", trekkendDepartement = "VRO" } }))));

        foreach (var response in responses)
        {
            await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        }

        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var ids = cases.Select(c => c.Id).ToList();
        var moved = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).Select(c => new { c.State, c.Version, c.LastStatusSequence }).ToListAsync();
        Assert.Equal(parallel, moved.Count);
        Assert.All(moved, c => Assert.Equal(("analyse", 2, 2), (c.State, c.Version, c.LastStatusSequence)));
        Assert.Equal(parallel, await db.Deadlines.CountAsync(d => ids.Contains(d.CaseId)));
        var audit = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(audit.Intact);
    }

    [Fact]
    public async Task Gate_IsOneQueuePerDatabaseFile_SharedByEveryContext()
    {
        await using var first = _factory.CreateScope();
        await using var second = _factory.CreateScope();

        var gate = CaseworkWebFactory.Db(first).Database.WriterGate();

        Assert.NotNull(gate);
        Assert.Same(gate, CaseworkWebFactory.Db(second).Database.WriterGate());
        Assert.Equal(Path.GetFullPath(_factory.DatabasePath), gate.File);
        Assert.Same(gate, SqliteWriterGate.For($"Data Source={_factory.DatabasePath}"));
    }

    public static TheoryData<string> Writes => ["write transaction", "save outside a transaction", "autocommit ExecuteUpdate"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_WhileAnotherWriterOfTheProcessHoldsTheFile_WaitsInTheQueueThenCompletes(string kind)
    {
        var caseFile = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        await using var holder = _factory.CreateScope();
        var gate = CaseworkWebFactory.Db(holder).Database.WriterGate()!;
        var lease = await gate.EnterAsync(CancellationToken.None);

        var write = Task.Run(async () =>
        {
            await using var scope = _factory.CreateScope();
            var db = CaseworkWebFactory.Db(scope);
            switch (kind)
            {
                case "write transaction":
                    await db.InWriteTransactionAsync(async ct => await db.Cases.Where(c => c.Id == caseFile.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, kind), ct), CancellationToken.None);
                    break;
                case "save outside a transaction":
                    var tracked = await db.Cases.FirstAsync(c => c.Id == caseFile.Id);
                    db.Entry(tracked).Property(c => c.Title).CurrentValue = kind;
                    await db.SaveChangesAsync();
                    break;
                default:
                    await db.Cases.Where(c => c.Id == caseFile.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, kind));
                    break;
            }
        });

        // Queued, not polling SQLite's lock: the write is provably waiting behind the holder.
        while (gate.Waiting == 0 && !write.IsCompleted)
        {
            await Task.Delay(5);
        }

        Assert.False(write.IsCompleted, "the write ran while another writer held the file");
        Assert.Equal(1, gate.Waiting);
        lease.Dispose();
        await write;

        await using var check = _factory.CreateScope();
        Assert.Equal(kind, await CaseworkWebFactory.Db(check).Cases.Where(c => c.Id == caseFile.Id).Select(c => c.Title).SingleAsync());
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task FairGate_HandsTheGateOverInArrivalOrder()
    {
        var gate = new FairAsyncGate();
        Assert.True(await gate.EnterAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
        var order = new List<int>();
        var waiters = Enumerable.Range(1, 5).Select(async i =>
        {
            Assert.True(await gate.EnterAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
            lock (order)
            {
                order.Add(i);
            }

            gate.Exit();
        }).ToList();

        Assert.Equal(5, gate.Waiting);
        gate.Exit();
        await Task.WhenAll(waiters);

        Assert.Equal([1, 2, 3, 4, 5], order);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task FairGate_ACancelledWaiterLeavesTheQueueAndTheNextGetsTheGate()
    {
        var gate = new FairAsyncGate();
        Assert.True(await gate.EnterAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(TimeSpan.FromMinutes(1), cancel.Token).AsTask();
        var next = gate.EnterAsync(TimeSpan.FromMinutes(1), CancellationToken.None).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, gate.Waiting);
        gate.Exit();
        Assert.True(await next);
        gate.Exit();
        Assert.True(await gate.EnterAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task Gate_WhenTheBusyTimeoutPassesInTheQueue_FailsAsSqliteWouldWithBusy()
    {
        var gate = SqliteWriterGate.For($"Data Source={Path.Combine(Path.GetTempPath(), "casework-tests", Guid.NewGuid().ToString("N") + ".db")};Default Timeout=1");
        using var holder = await gate.EnterAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<SqliteException>(async () => await gate.EnterAsync(CancellationToken.None));

        Assert.Equal(5, refused.SqliteErrorCode);
        Assert.Equal(0, gate.Waiting);
    }
}
