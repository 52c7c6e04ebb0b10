using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Casework.Domain.Access;
using Casework.Workflows.Engine;
using Microsoft.Data.Sqlite;

namespace Casework.Benchmarks;

/// <summary>
/// (b) Persisted: transitions through the full command path on a SQLite file (WAL, as the host configures it),
/// against a raw ADO.NET baseline writing the same rows. Each benchmark runs in its own process on a fresh
/// database with <see cref="Cases"/> pre-opened cases, and fires round-robin over them, so a case's history grows
/// by about one status per 20 transitions (to ~10 statuses by the end of a run), as in real use.
/// <list type="bullet">
/// <item><c>Raw*</c>: <see cref="RawAdoTransitions"/>, the floor for these writes on this machine.</item>
/// <item><c>Ours*</c>: <c>FireActionCommand</c> through IMediator in a fresh scope per command: validation,
/// transaction (BEGIN IMMEDIATE), load the visible case, engine, state + status history, effects, audit (hash chain),
/// outbox, SaveChanges, then the response (deadlines and available actions), exactly as the HTTP endpoint.</item>
/// <item><c>OursKnelpuntVoorstel</c>: the real knelpunt loop <c>voorstelIndienen</c> (analyse -> voorstel, by the lead
/// department; stops the reactietermijn, routes to SBSD) / <c>voorstelTerugsturen</c> (back, by the SBSD secretariat;
/// routes to the lead department, starts a new reactietermijn). No raw twin: it writes more than the baseline
/// (deadline rows), so it is shown for scale, not for the target. (<c>herrouteren</c> was the first choice, but it
/// fails on the host today: see bench/README.md.)</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PersistedConfig))]
public class PersistedTransitionBenchmarks : IDisposable
{
    /// <summary>Transitions per invocation; the reported time is per transition.</summary>
    public const int Batch = 100;

    public const int Cases = 200;

    private static readonly Actor Aanvrager = Actor.Person("bench-aanvrager", "GM0599", Role.GemeenteAanvrager);
    private static readonly Actor Loket = Actor.Person("bench-loket", "RVO", Role.Loket);
    private static readonly Actor SbsdSecretaris = Actor.Person("bench-secretaris", "SBSD", Role.Secretaris);
    private static readonly Actor BzkBeoordelaar = Actor.Person("bench-beoordelaar", "BZK", Role.Beoordelaar);

    private static readonly IReadOnlyDictionary<string, JsonElement> Voorstel = new Dictionary<string, JsonElement>
    {
        ["voorgesteldeOplossing"] = JsonSerializer.SerializeToElement("Maatwerk via de hardheidsclausule."),
    };

    /// <summary>Extra host services (the profile mode adds timing interceptors); null for benchmark runs.</summary>
    internal static Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureHost { get; set; }

    private BenchHost _host = null!;
    private RawAdoTransitions? _raw;

    /// <summary>The host, for the profile mode.</summary>
    internal BenchHost Host => _host;

    /// <summary>The raw baseline's connection, for the profile mode's COMMIT timing.</summary>
    internal RawAdoTransitions Raw => _raw ?? throw new InvalidOperationException("Set up first.");
    private List<Guid> _ids = [];
    private int[] _versions = [];
    private bool[] _onHold = [];
    private int _next;
    private int _fired;
    private (long Statuses, long Audit, long Outbox) _rowsBefore;

    [GlobalSetup(Targets = [nameof(RawAanhoudenHervatten), nameof(OursAanhoudenHervatten)])]
    public void SetupBenchAanvraag() => SetupBenchAanvraagAsync().GetAwaiter().GetResult();

    [GlobalSetup(Target = nameof(OursKnelpuntVoorstel))]
    public void SetupKnelpunt() => SetupKnelpuntAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    /// <summary>Baseline: raw ADO.NET, the same rows as one aanhouden/hervatten command (state, status, audit, outbox).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public void RawAanhoudenHervatten()
    {
        for (var n = 0; n < Batch; n++)
        {
            var i = NextCase();
            _versions[i] = _raw!.Toggle(_ids[i], _versions[i], Aanvrager.UserId, Aanvrager.Organisation, _onHold[i] ? null : HoldReason);
            _onHold[i] = !_onHold[i];
            var spin = System.Diagnostics.Stopwatch.StartNew();
            while (spin.Elapsed.TotalMicroseconds < SpinMicroseconds)
            {
            }
        }

        _fired += Batch;
    }

    internal static int SpinMicroseconds { get; set; } = int.TryParse(Environment.GetEnvironmentVariable("BENCH_RAW_SPIN_US"), out var us) ? us : 0;

    /// <summary>The full command path for the same transitions.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task OursAanhoudenHervatten()
    {
        for (var n = 0; n < Batch; n++)
        {
            var i = NextCase();
            var dto = _onHold[i]
                ? await _host.FireAsync(Aanvrager, _ids[i], "hervatten", _versions[i], null)
                : await _host.FireAsync(Aanvrager, _ids[i], "aanhouden", _versions[i], HoldReason);
            _versions[i] = dto.Version;
            _onHold[i] = !_onHold[i];
        }

        _fired += Batch;
    }

    /// <summary>The knelpunt ping-pong through the full command path (more effects than the baseline writes).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task OursKnelpuntVoorstel()
    {
        for (var n = 0; n < Batch; n++)
        {
            var i = NextCase();
            var dto = _onHold[i]
                ? await _host.FireAsync(SbsdSecretaris, _ids[i], "voorstelTerugsturen", _versions[i], "Graag uitwerken met de gemeente.")
                : await _host.FireAsync(BzkBeoordelaar, _ids[i], "voorstelIndienen", _versions[i], null, Voorstel);
            _versions[i] = dto.Version;
            _onHold[i] = !_onHold[i];
        }

        _fired += Batch;
    }

    private const string HoldReason = "Raadsbesluit over de cofinanciering volgt eerst.";

    private int NextCase()
    {
        var i = _next;
        _next = (_next + 1) % _ids.Count;
        return i;
    }

    private async Task SetupBenchAanvraagAsync()
    {
        _host = await BenchHost.StartAsync(ConfigureHost);
        _ids = await _host.OpenCasesAsync(BenchDefinitions.BenchDefinitionId, "GM0599", Aanvrager, Cases);
        _versions = new int[_ids.Count];
        _onHold = new bool[_ids.Count];
        for (var i = 0; i < _ids.Count; i++)
        {
            // concept -> ingediend (routed to the loket) -> ontvankelijkheid -> inBehandeling (routed to VRO), all through the command path.
            var dto = await _host.FireAsync(Aanvrager, _ids[i], "indienen", 1, null);
            dto = await _host.FireAsync(Loket, _ids[i], "ontvangstBevestigen", dto.Version, null);
            dto = await _host.FireAsync(Loket, _ids[i], "ontvankelijkVerklaren", dto.Version, null);
            _versions[i] = dto.Version;
        }

        _raw = new RawAdoTransitions(_host.ConnectionString);
        _rowsBefore = await CountRowsAsync();
    }

    private async Task SetupKnelpuntAsync()
    {
        _host = await BenchHost.StartAsync(ConfigureHost);
        // A knelpunt starts with the SBSD secretariat (triage), so it is opened routed there.
        _ids = await _host.OpenCasesAsync("knelpunt", "GM0599", Aanvrager, Cases, routedTo: "SBSD");
        _versions = new int[_ids.Count];
        _onHold = new bool[_ids.Count];
        var triage = new Dictionary<string, JsonElement>
        {
            ["domein"] = JsonSerializer.SerializeToElement("wonen"),
            ["trekkendDepartement"] = JsonSerializer.SerializeToElement("BZK"),
        };
        for (var i = 0; i < _ids.Count; i++)
        {
            // ingediend -> analyse, routed to the lead department BZK with a running reactietermijn.
            var dto = await _host.FireAsync(SbsdSecretaris, _ids[i], "triageAfronden", 1, null, triage);
            _versions[i] = dto.Version;
        }

        _rowsBefore = await CountRowsAsync();
    }

    public void Dispose()
    {
        _raw?.Dispose();
        _raw = null;
        GC.SuppressFinalize(this);
    }

    private async Task CleanupAsync()
    {
        Dispose();
        var after = await CountRowsAsync();
        var audit = await _host.VerifyAuditAsync();

        // Evidence for the README: the rows written per transition, and that every audit chain still verifies.
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// BENCH-CHECK transitions={_fired} statusRows={after.Statuses - _rowsBefore.Statuses} auditRows={after.Audit - _rowsBefore.Audit} outboxRows={after.Outbox - _rowsBefore.Outbox} auditIntact={audit.Intact} auditEvents={audit.Events} breaks={audit.Breaks.Count} breakKinds=[{string.Join(", ", audit.Breaks.GroupBy(b => b.Kind).Select(g => $"{g.Key}: {g.Count()}"))}]"));
        if (!audit.Intact)
        {
            Console.WriteLine("// BENCH-CHECK first break: " + await _host.ExplainFirstBreakAsync());
        }

        await _host.DisposeAsync();
    }

    private async Task<(long Statuses, long Audit, long Outbox)> CountRowsAsync()
    {
        await using var connection = new SqliteConnection(_host.ConnectionString);
        await connection.OpenAsync();
        async Task<long> Count(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM " + table;
            return (long)(await command.ExecuteScalarAsync())!;
        }

        return (await Count("CaseStatuses"), await Count("AuditEvents"), await Count("OutboxMessages"));
    }
}
