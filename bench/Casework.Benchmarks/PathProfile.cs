using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Benchmarks;

/// <summary>
/// A rough profile of one persisted transition, without a profiler: wall and process CPU time per transition for
/// the fair raw baseline (<see cref="RawAdoTransitions"/>: the same command by hand), the command path and the old
/// minimal baseline (<see cref="RawMinimalTransitions"/>: only the rows), interleaved batch by batch on the same
/// database; for the command path the SQL that EF Core sends (count and time per kind, measured by EF Core
/// interceptors), the BEGIN/COMMIT time and the connection opens. What is left is managed overhead (DI scope, EF Core
/// change tracking and query pipeline, mediator, engine, JSON). The reported ratio is ours / fair raw.
/// </summary>
internal static class PathProfile
{
    public static async Task RunAsync(int batches, bool showSql = false, int warmupBatches = 10)
    {
        var timer = new SqlTimer();
        PersistedTransitionBenchmarks.ConfigureHost = services => services.ConfigureDbContext<SqliteCaseworkDbContext>(o => o.AddInterceptors(timer));
        var bench = new PersistedTransitionBenchmarks();
        bench.SetupBenchAanvraag();
        var raw = (Wall: TimeSpan.Zero, Cpu: TimeSpan.Zero);
        var ours = (Wall: TimeSpan.Zero, Cpu: TimeSpan.Zero);
        var minimal = (Wall: TimeSpan.Zero, Cpu: TimeSpan.Zero);
        var rawCommit = TimeSpan.Zero;
        var minimalCommit = TimeSpan.Zero;
        long rawStatements = 0;
        var scopeCost = (Wall: TimeSpan.Zero, Cpu: TimeSpan.Zero);
        var pragmas = string.Empty;
        (long Bytes, long Calls) rawIo = (0, 0), oursIo = (0, 0);
        try
        {
            // Warm-up (default 10 batches per path, --warmup-batches N: the tiered JIT needs a few thousand calls and
            // its 100 ms call-counting delay before the steady state; one batch left the command path, with more code
            // to compile, on tier 0 for part of a short run), then alternate batches on the same cases and database,
            // so all paths see the same load from the other processes on this shared machine (sequential runs
            // differed by a factor of 2 or more).
            for (var i = 0; i < Math.Max(1, warmupBatches); i++)
            {
                await bench.RawAanhoudenHervatten();
                await bench.OursAanhoudenHervatten();
                bench.RawMinimalAanhoudenHervatten();
            }

            timer.Reset();
            bench.Raw.CommitTime = TimeSpan.Zero;
            bench.Raw.Statements = 0;
            bench.RawMinimal.CommitTime = TimeSpan.Zero;
            for (var i = 0; i < batches; i++)
            {
                var io = WriteCounters();
                raw = Add(raw, Measure(bench.RawAanhoudenHervatten));
                var between = WriteCounters();
                rawIo = (rawIo.Bytes + between.Bytes - io.Bytes, rawIo.Calls + between.Calls - io.Calls);
                timer.Enabled = true;
                ours = Add(ours, Measure(bench.OursAanhoudenHervatten));
                timer.Enabled = false;
                var after = WriteCounters();
                oursIo = (oursIo.Bytes + after.Bytes - between.Bytes, oursIo.Calls + after.Calls - between.Calls);
                minimal = Add(minimal, Measure(() => { bench.RawMinimalAanhoudenHervatten(); return Task.CompletedTask; }));
            }

            rawCommit = bench.Raw.CommitTime;
            rawStatements = bench.Raw.Statements;
            minimalCommit = bench.RawMinimal.CommitTime;
            scopeCost = MeasureScopes(bench.Host, 2000);
            pragmas = await ComparePragmasAsync(bench);
        }
        finally
        {
            PersistedTransitionBenchmarks.ConfigureHost = null;
            bench.Cleanup();
        }

        var n = batches * PersistedTransitionBenchmarks.Batch;
        Console.WriteLine();
        Console.WriteLine(Inv($"Interleaved: {warmupBatches} warm-up batches, then {batches} batches of {PersistedTransitionBenchmarks.Batch} transitions per path (fair raw, command path, minimal raw), same database and cases; load average {HttpLoad.Load()} at the end."));
        Console.WriteLine("| Path | wall ms/transition | process CPU ms/transition | COMMIT ms/transition | SQL statements/transition | transitions/s | ours / this path (throughput) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var oursCommit = timer.ByKind.GetValueOrDefault(CommitKind).Time;
        Console.WriteLine(Inv($"| raw ADO.NET, same command (baseline) | {raw.Wall.TotalMilliseconds / n:F3} | {raw.Cpu.TotalMilliseconds / n:F3} | {rawCommit.TotalMilliseconds / n:F3} | {(double)rawStatements / n:F1} | {n / raw.Wall.TotalSeconds:F0} | **{raw.Wall / ours.Wall:F2}** |"));
        Console.WriteLine(Inv($"| command path | {ours.Wall.TotalMilliseconds / n:F3} | {ours.Cpu.TotalMilliseconds / n:F3} | {oursCommit.TotalMilliseconds / n:F3} | {(double)timer.Statements / n:F1} via EF Core + 4 written directly (ADR-009) | {n / ours.Wall.TotalSeconds:F0} | 1.00 |"));
        Console.WriteLine(Inv($"| raw minimal (only the rows; history) | {minimal.Wall.TotalMilliseconds / n:F3} | {minimal.Cpu.TotalMilliseconds / n:F3} | {minimalCommit.TotalMilliseconds / n:F3} | 6.0 | {n / minimal.Wall.TotalSeconds:F0} | {minimal.Wall / ours.Wall:F2} |"));
        Console.WriteLine(Inv($"| bytes written (write syscalls: WAL frames, checkpoints) per transition | raw {(double)rawIo.Bytes / n:F0} in {(double)rawIo.Calls / n:F1} calls | ours {(double)oursIo.Bytes / n:F0} in {(double)oursIo.Calls / n:F1} calls | | | | |"));
        Console.WriteLine(Inv($"| excluding COMMIT | raw {(raw.Wall - rawCommit).TotalMilliseconds / n:F3} | ours {(ours.Wall - oursCommit).TotalMilliseconds / n:F3} | | | | {(raw.Wall - rawCommit) / (ours.Wall - oursCommit):F2} |"));
        Console.WriteLine();
        Console.WriteLine(Inv($"// BENCH-RATIO ours/raw(fair)={raw.Wall / ours.Wall:F2} ours/raw(minimal)={minimal.Wall / ours.Wall:F2} raw={raw.Wall.TotalMilliseconds / n:F3}ms ours={ours.Wall.TotalMilliseconds / n:F3}ms minimal={minimal.Wall.TotalMilliseconds / n:F3}ms load={HttpLoad.Load()}"));

        Console.WriteLine();
        Console.WriteLine("Command path, per transition (EF Core interceptors):");
        Console.WriteLine("| What | count/transition | ms/transition |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (kind, (count, time)) in timer.ByKind.OrderByDescending(k => k.Value.Time))
        {
            Console.WriteLine(Inv($"| {kind} | {(double)count / n:F2} | {time.TotalMilliseconds / n:F3} |"));
        }

        var sql = timer.ByKind.Values.Aggregate(TimeSpan.Zero, (sum, v) => sum + v.Time);
        Console.WriteLine(Inv($"| all of the above | | {sql.TotalMilliseconds / n:F3} |"));
        Console.WriteLine(Inv($"| rest: managed overhead (wall - above) | | {(ours.Wall - sql).TotalMilliseconds / n:F3} |"));
        Console.WriteLine(Inv($"| LINQ query compilations (EF query-cache misses) | {(double)timer.Compilations / n:F2} | |"));
        Console.WriteLine(Inv($"| of which: DI scope + IMediator + handler graph + DbContext resolve (no I/O) | | {scopeCost.Wall.TotalMilliseconds / 2000:F3} (CPU {scopeCost.Cpu.TotalMilliseconds / 2000:F3}) |"));
        Console.WriteLine();
        Console.WriteLine(pragmas);
        if (showSql)
        {
            Console.WriteLine();
            Console.WriteLine("SQL the command path sent through EF Core, per distinct text (the four transition rows are written beside EF Core, ADR-009):");
            foreach (var (text, count) in timer.Texts.OrderByDescending(t => t.Value))
            {
                Console.WriteLine(Inv($"-- {(double)count / n:F2} per transition{Environment.NewLine}{text}"));
            }
        }
    }

    /// <summary>This process's write() bytes and calls so far (Linux /proc/self/io; zeros elsewhere).</summary>
    private static (long Bytes, long Calls) WriteCounters()
    {
        if (!File.Exists("/proc/self/io"))
        {
            return (0, 0);
        }

        long bytes = 0, calls = 0;
        foreach (var line in File.ReadLines("/proc/self/io"))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts[0] == "wchar")
            {
                bytes = long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
            else if (parts[0] == "syscw")
            {
                calls = long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        return (bytes, calls);
    }

    private static readonly string[] Pragmas = ["journal_mode", "synchronous", "foreign_keys", "cache_size", "temp_store", "locking_mode", "wal_autocheckpoint", "busy_timeout"];

    /// <summary>The comparison is only fair if both connections run with the same SQLite settings; printed side by side.</summary>
    private static async Task<string> ComparePragmasAsync(PersistedTransitionBenchmarks bench)
    {
        await using var scope = bench.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        await db.Database.OpenConnectionAsync();
        var ef = db.Database.GetDbConnection();
        var lines = new List<string> { "| PRAGMA | raw connection | EF Core connection |", "|---|---|---|" };
        foreach (var pragma in Pragmas)
        {
            lines.Add($"| {pragma} | {bench.Raw.Pragma(pragma)} | {Read(ef, pragma)} |");
        }

        await db.Database.CloseConnectionAsync();
        return string.Join(Environment.NewLine, lines);
    }

    private static string? Read(DbConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Cost of what every command pays before any SQL: a scope, the mediator, the handler's dependency graph and a DbContext.</summary>
    private static (TimeSpan Wall, TimeSpan Cpu) MeasureScopes(BenchHost host, int count) => Measure(async () =>
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            _ = scope.ServiceProvider.GetRequiredService<Mediator.IMediator>();
            _ = scope.ServiceProvider.GetRequiredService<Mediator.ICommandHandler<Casework.Web.Features.Cases.FireActionCommand, Casework.Web.Features.Cases.CaseDto>>();
            var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
            _ = db.Model;
        }
    });

    private const string CommitKind = "COMMIT (WAL append + fsync)";

    private static (TimeSpan Wall, TimeSpan Cpu) Add((TimeSpan Wall, TimeSpan Cpu) sum, (TimeSpan Wall, TimeSpan Cpu) one) => (sum.Wall + one.Wall, sum.Cpu + one.Cpu);

    private static (TimeSpan Wall, TimeSpan Cpu) Measure(Func<Task> batch)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        batch().GetAwaiter().GetResult();
        watch.Stop();
        process.Refresh();
        return (watch.Elapsed, process.TotalProcessorTime - cpu);
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Sums EF Core's own durations of commands, transaction begin/commit and connection opens.</summary>
    private sealed class SqlTimer : IDbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor, IQueryExpressionInterceptor
    {
        /// <summary>LINQ queries EF Core had to compile (a miss in its query cache) while enabled.</summary>
        public int Compilations { get; private set; }

        public System.Linq.Expressions.Expression QueryCompilationStarting(System.Linq.Expressions.Expression queryExpression, QueryExpressionEventData eventData)
        {
            if (Enabled)
            {
                Compilations++;
            }

            return queryExpression;
        }

        public Dictionary<string, (int Count, TimeSpan Time)> ByKind { get; } = [];

        /// <summary>SQL commands executed through EF Core while enabled (BEGIN/COMMIT not counted), and their distinct texts.</summary>
        public long Statements { get; private set; }

        public Dictionary<string, int> Texts { get; } = [];

        public bool Enabled { get; set; }

        public void Reset()
        {
            ByKind.Clear();
            Texts.Clear();
            Statements = 0;
            Compilations = 0;
        }

        public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            AddCommand(command, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            AddCommand(command, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            AddCommand(command, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            Add("BEGIN IMMEDIATE", eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Add(CommitKind, eventData.Duration);
            return Task.CompletedTask;
        }

        public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Add("connection open", eventData.Duration);
            return Task.CompletedTask;
        }

        private void AddCommand(DbCommand command, TimeSpan duration)
        {
            if (!Enabled)
            {
                return;
            }

            Statements++;
            Texts[command.CommandText] = Texts.GetValueOrDefault(command.CommandText) + 1;
            Add(Kind(command), duration);
        }

        private void Add(string kind, TimeSpan duration)
        {
            if (!Enabled)
            {
                return;
            }

            var (count, time) = ByKind.GetValueOrDefault(kind);
            ByKind[kind] = (count + 1, time + duration);
        }

        private static string Kind(DbCommand command)
        {
            var text = command.CommandText.TrimStart();
            var verb = text.Split((char[]?)null, 2)[0].ToUpperInvariant();
            var from = text.IndexOf(" FROM \"", StringComparison.OrdinalIgnoreCase);
            var into = text.IndexOf("INTO \"", StringComparison.OrdinalIgnoreCase);
            var table = verb switch
            {
                "SELECT" when from >= 0 => text[(from + 7)..].Split('"')[0],
                "INSERT" when into >= 0 => text[(into + 6)..].Split('"')[0],
                "UPDATE" => text.Split('"', 3)[1],
                _ => string.Empty,
            };
            var statements = text.Count(c => c == ';');
            return statements > 1 ? $"SaveChanges batch ({statements} statements)" : $"{verb} {table}".Trim();
        }
    }
}
