using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Casework.Domain.Access;
using Casework.Web.Features.Cases;
using Casework.Workflows.Engine;
using Microsoft.Data.Sqlite;

namespace Casework.Benchmarks;

/// <summary>
/// (b) Persisted: transitions through the full command path on a SQLite file (WAL, as the host configures it),
/// against a raw ADO.NET implementation of the same command. Each benchmark runs on a fresh database with
/// <see cref="Cases"/> pre-opened cases, and fires round-robin over them, so a case's history grows by about one
/// status per 20 transitions (to ~10 statuses by the end of a run), as in real use.
/// <list type="bullet">
/// <item><c>RawAanhoudenHervatten</c> (baseline): <see cref="RawAdoTransitions"/>, the same command written by hand
/// (validation, visibility-scoped case load with members, the real engine and guard facts, audit head, the four
/// writes, deadlines and available actions, the response DTO as JSON), without DI, Mediator or EF Core.</item>
/// <item><c>RawMinimalAanhoudenHervatten</c>: <see cref="RawMinimalTransitions"/>, the old baseline: only the rows,
/// on one connection with prepared statements. It does less than the command, so it is shown for the history only.</item>
/// <item><c>OursAanhoudenHervatten</c>: <c>FireActionCommand</c> through IMediator in a fresh scope per command: validation,
/// transaction (BEGIN IMMEDIATE), load the visible case, engine, state + status history, effects, audit (hash chain),
/// outbox, SaveChanges, then the response (deadlines and available actions), exactly as the HTTP endpoint; and, as
/// the endpoint does after the handler, the DTO serialised as JSON with the host's HTTP options.</item>
/// <item><c>OursKnelpuntVoorstel</c>: the real knelpunt loop <c>voorstelIndienen</c> (analyse -> voorstel, by the lead
/// department; stops the reactietermijn, routes to SBSD) / <c>voorstelTerugsturen</c> (back, by the SBSD secretariat;
/// routes to the lead department, starts a new reactietermijn). No raw twin: it has effects (deadline rows, routing),
/// which the raw baseline does not implement, so it is shown for scale, not for the target.</item>
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
    private RawMinimalTransitions? _rawMinimal;

    /// <summary>The host, for the profile mode.</summary>
    internal BenchHost Host => _host;

    /// <summary>The fair raw baseline, for the profile mode's COMMIT timing and statement count.</summary>
    internal RawAdoTransitions Raw => _raw ?? throw new InvalidOperationException("Set up first.");

    /// <summary>The minimal raw baseline, for the profile mode's COMMIT timing.</summary>
    internal RawMinimalTransitions RawMinimal => _rawMinimal ?? throw new InvalidOperationException("Set up first.");
    private List<Guid> _ids = [];
    private int[] _versions = [];
    private bool[] _onHold = [];
    private int _next;
    private int _fired;
    private (long Statuses, long Audit, long Outbox) _rowsBefore;

    [GlobalSetup(Targets = [nameof(RawAanhoudenHervatten), nameof(RawMinimalAanhoudenHervatten), nameof(OursAanhoudenHervatten)])]
    public void SetupBenchAanvraag() => SetupBenchAanvraagAsync().GetAwaiter().GetResult();

    [GlobalSetup(Target = nameof(OursKnelpuntVoorstel))]
    public void SetupKnelpunt() => SetupKnelpuntAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    /// <summary>Baseline: the same command written by hand in raw ADO.NET, response JSON included (<see cref="RawAdoTransitions"/>).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public async Task RawAanhoudenHervatten()
    {
        for (var n = 0; n < Batch; n++)
        {
            var i = NextCase();
            var dto = _onHold[i]
                ? await _raw!.FireAsync(Aanvrager, _ids[i], "hervatten", _versions[i], null, Stream.Null)
                : await _raw!.FireAsync(Aanvrager, _ids[i], "aanhouden", _versions[i], HoldReason, Stream.Null);
            _versions[i] = dto.Version;
            _onHold[i] = !_onHold[i];
            Spin();
        }

        _fired += Batch;
    }

    /// <summary>The old, minimal baseline: only the rows, prepared statements on one open connection (does less than the command).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void RawMinimalAanhoudenHervatten()
    {
        for (var n = 0; n < Batch; n++)
        {
            var i = NextCase();
            _versions[i] = _rawMinimal!.Toggle(_ids[i], _versions[i], Aanvrager.UserId, Aanvrager.Organisation, _onHold[i] ? null : HoldReason);
            _onHold[i] = !_onHold[i];
            Spin();
        }

        _fired += Batch;
    }

    /// <summary>Diagnostic only (<c>BENCH_RAW_SPIN_US</c>): burn CPU after each raw transition.</summary>
    private static void Spin()
    {
        var spin = System.Diagnostics.Stopwatch.StartNew();
        while (spin.Elapsed.TotalMicroseconds < SpinMicroseconds)
        {
        }
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

            // What the endpoint does with the handler's answer (and what the raw baseline does too).
            await JsonSerializer.SerializeAsync(Stream.Null, dto, RawAdoTransitions.HttpJson);
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
            await JsonSerializer.SerializeAsync(Stream.Null, dto, RawAdoTransitions.HttpJson);
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

            // Every other case starts on hold, so every batch of consecutive cases fires aanhouden and hervatten half
            // and half, whichever path runs it and however the profile interleaves the paths (hervatten's response
            // reads a guard fact that aanhouden's does not; a path that always drew one of the two would be favoured).
            if (i % 2 == 1)
            {
                dto = await _host.FireAsync(Aanvrager, _ids[i], "aanhouden", dto.Version, HoldReason);
                _onHold[i] = true;
            }

            _versions[i] = dto.Version;
        }

        _raw = new RawAdoTransitions(_host.ConnectionString, Path.Combine(_host.Root, "definitions"), TimeProvider.System);
        _rawMinimal = new RawMinimalTransitions(_host.ConnectionString);
        _rowsBefore = await CountRowsAsync();
        await CheckRawResponseAsync();
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

    /// <summary>
    /// Fairness check, once per setup: the raw baseline's response JSON for both actions of the loop must be the JSON of
    /// the host's own <c>GET /api/v1/cases/{id}</c> (<see cref="GetCaseQuery"/>, which a test pins to the action's response)
    /// right after, field for field; <c>updatedAt</c> only to the 0.1 ms SQLite keeps. Throws on any difference.
    /// </summary>
    private async Task CheckRawResponseAsync()
    {
        var fields = 0;
        for (var k = 0; k < 2; k++)
        {
            var i = NextCase();
            using var raw = new MemoryStream();
            var dto = _onHold[i]
                ? await _raw!.FireAsync(Aanvrager, _ids[i], "hervatten", _versions[i], null, raw)
                : await _raw!.FireAsync(Aanvrager, _ids[i], "aanhouden", _versions[i], HoldReason, raw);
            _versions[i] = dto.Version;
            _onHold[i] = !_onHold[i];
            _fired++;
            var get = JsonSerializer.SerializeToElement(await _host.GetAsync(Aanvrager, _ids[i]), RawAdoTransitions.HttpJson);
            fields += Compare(JsonDocument.Parse(raw.ToArray()).RootElement, get, "$");
        }

        Console.WriteLine(Inv($"// BENCH-CHECK response: the raw baseline's JSON equals GET /api/v1/cases/{{id}} after aanhouden and after hervatten ({fields} values compared)"));
    }

    private static int Compare(JsonElement raw, JsonElement get, string path)
    {
        if (path == "$.updatedAt")
        {
            var delta = (raw.GetDateTimeOffset() - get.GetDateTimeOffset()).Duration();
            return delta < TimeSpan.FromMilliseconds(0.1) ? 1 : throw new InvalidOperationException($"{path}: raw {raw} vs GET {get}");
        }

        if (raw.ValueKind != get.ValueKind)
        {
            throw new InvalidOperationException($"{path}: raw {raw.ValueKind} vs GET {get.ValueKind}");
        }

        switch (raw.ValueKind)
        {
            case JsonValueKind.Object:
                var names = raw.EnumerateObject().Select(p => p.Name).ToList();
                if (!names.SequenceEqual(get.EnumerateObject().Select(p => p.Name)))
                {
                    throw new InvalidOperationException($"{path}: raw fields [{string.Join(", ", names)}] vs GET [{string.Join(", ", get.EnumerateObject().Select(p => p.Name))}]");
                }

                return names.Sum(n => Compare(raw.GetProperty(n), get.GetProperty(n), path + "." + n));
            case JsonValueKind.Array:
                if (raw.GetArrayLength() != get.GetArrayLength())
                {
                    throw new InvalidOperationException($"{path}: raw {raw.GetArrayLength()} items vs GET {get.GetArrayLength()}");
                }

                return raw.EnumerateArray().Zip(get.EnumerateArray()).Select((p, j) => Compare(p.First, p.Second, $"{path}[{j}]")).Sum();
            default:
                return raw.GetRawText() == get.GetRawText() ? 1 : throw new InvalidOperationException($"{path}: raw {raw.GetRawText()} vs GET {get.GetRawText()}");
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _rawMinimal?.Dispose();
        _rawMinimal = null;
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
