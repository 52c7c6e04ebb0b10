using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Workflows.Engine;

namespace Casework.Benchmarks;

/// <summary>
/// What users feel: case actions per second and their latency through HTTP, against the real Casework.Web process
/// (Kestrel on a loopback port, its own appsettings, Development only for the dev sign-in), with N concurrent clients,
/// each on cases of its own. Each client is one HttpClient (one keep-alive connection) firing
/// <c>POST /api/v1/cases/{id}/actions/{aanhouden|hervatten}</c> with <c>If-Match</c> back to back, reading the whole
/// response. Targets (server processes) run side by side and their slices are interleaved, so every target sees the
/// same machine load; see bench/README.md ("HTTP").
/// </summary>
internal static class HttpLoad
{
    private const string HoldReason = "Raadsbesluit over de cofinanciering volgt eerst.";

    private static readonly Actor Aanvrager = Actor.Person("bench-aanvrager", "GM0599", Role.GemeenteAanvrager);
    private static readonly Actor Loket = Actor.Person("bench-loket", "RVO", Role.Loket);

    public static async Task RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        Console.WriteLine(Inv($"// HTTP mode: targets={string.Join(",", options.Targets)} clients={string.Join(",", options.Clients)} rounds={options.Rounds} seconds={options.Seconds} warmup={options.WarmupSeconds} casesPerClient={options.CasesPerClient}"));
        Console.WriteLine($"// machine: {Environment.ProcessorCount} CPUs, {RuntimeInfo()}; load at start {Load()}");
        var root = Path.Combine(Path.GetTempPath(), "casework-bench-http", Guid.NewGuid().ToString("N")[..8]);
        PgCluster? pg = null;
        var targets = new List<Target>();
        try
        {
            if (options.Targets.Any(t => t.StartsWith("postgres", StringComparison.Ordinal)))
            {
                pg = await PgCluster.StartAsync();
                Console.WriteLine($"// PostgreSQL cluster on port {pg.Port} ({PgCluster.Durability})");
            }

            foreach (var name in options.Targets)
            {
                targets.Add(await Target.StartAsync(name, Path.Combine(root, name), pg, options.Clients.Max() * options.CasesPerClient, options.CasesPerClient));
            }

            var results = new Dictionary<(string Target, int Clients), List<Slice>>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var clients in options.Clients)
                {
                    // Alternate the order each round so neither target always runs right after the other.
                    var order = round % 2 == 1 ? targets : Enumerable.Reverse(targets).ToList();
                    foreach (var target in order)
                    {
                        await target.RunAsync(clients, TimeSpan.FromSeconds(options.WarmupSeconds), record: false);
                        var load = Load();
                        var slice = await target.RunAsync(clients, TimeSpan.FromSeconds(options.Seconds), record: true) with { Load = load };
                        Console.WriteLine(Inv($"// round {round} {target.Name,-16} clients={clients,2} ok={slice.Ok,6} errors={slice.Errors} tx/s={slice.Ok / slice.Seconds,7:F1} p50={Percentile(slice.Latencies, 50),7:F2} ms p99={Percentile(slice.Latencies, 99),8:F2} ms max={slice.Latencies.DefaultIfEmpty().Max(),8:F1} ms >1s={slice.Latencies.Count(l => l > 1000)} load={load}"));
                        results.TryAdd((target.Name, clients), []);
                        results[(target.Name, clients)].Add(slice);
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"| target | clients | transitions/s | p50 ms | p99 ms | max ms | requests > 1 s | errors | requests | load (1-min avg at each slice) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var ((target, clients), slices) in results.OrderBy(r => options.Targets.IndexOf(r.Key.Target)).ThenBy(r => r.Key.Clients))
            {
                var latencies = slices.SelectMany(s => s.Latencies).ToList();
                var ok = slices.Sum(s => s.Ok);
                var seconds = slices.Sum(s => s.Seconds);
                Console.WriteLine(Inv($"| {target} | {clients} | {ok / seconds:F0} | {Percentile(latencies, 50):F2} | {Percentile(latencies, 99):F2} | {latencies.DefaultIfEmpty().Max():F1} | {latencies.Count(l => l > 1000)} | {slices.Sum(s => s.Errors)} | {latencies.Count} | {string.Join(", ", slices.Select(s => s.Load))} |"));
            }

            foreach (var target in targets)
            {
                Console.WriteLine($"// BENCH-CHECK {target.Name}: {await target.CheckAsync()}");
            }
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.DisposeAsync();
            }

            if (pg is not null)
            {
                await pg.DisposeAsync();
            }

            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    /// <summary>The 1-minute load average (what <c>uptime</c> shows first).</summary>
    internal static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    internal static string RuntimeInfo() => $".NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";

    internal static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal sealed record Slice(int Ok, int Errors, double Seconds, List<double> Latencies, string Load = "");

    private sealed record Options(List<string> Targets, List<int> Clients, int Rounds, double Seconds, double WarmupSeconds, int CasesPerClient)
    {
        public static Options Parse(string[] args)
        {
            string Get(string name, string fallback)
            {
                var i = Array.IndexOf(args, "--" + name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
            }

            static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);
            return new Options(
                [.. Get("targets", "sqlite,sqlite-noqueue,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries)],
                [.. Get("clients", "1,4,16,32").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)],
                int.Parse(Get("rounds", "2"), CultureInfo.InvariantCulture),
                Number(Get("seconds", "8")),
                Number(Get("warmup", "1")),
                int.Parse(Get("cases-per-client", "4"), CultureInfo.InvariantCulture));
        }
    }

    /// <summary>One server process on one database, with the cases its clients work on.</summary>
    private sealed class Target : IAsyncDisposable
    {
        private readonly Process _server;
        private readonly Queue<string> _tail = new();
        private readonly List<HttpClient> _clients = [];
        private readonly long _seededVersions;
        private string _token = string.Empty;
        private readonly Uri _base;
        private readonly List<Guid> _ids;
        private readonly int[] _versions;
        private readonly bool[] _onHold;
        private readonly int _casesPerClient;
        private readonly BenchDatabase _database;
        private int _fired;

        private Target(string name, Process server, Uri baseUri, List<Guid> ids, int[] versions, int casesPerClient, BenchDatabase database)
        {
            Name = name;
            _server = server;
            _base = baseUri;
            _seededVersions = versions.Sum(v => (long)v);
            _ids = ids;
            _versions = versions;
            _onHold = new bool[ids.Count];
            _casesPerClient = casesPerClient;
            _database = database;
            _server.OutputDataReceived += (_, e) => Keep(e.Data);
            _server.ErrorDataReceived += (_, e) => Keep(e.Data);
        }

        public string Name { get; }

        /// <summary>
        /// Seeds the database in-process (BenchHost: the host's migrations, seed, definitions; cases opened and moved to
        /// <c>inBehandeling</c> through the command path), then starts the real Casework.Web on it.
        /// <c>sqlite</c> runs today's code; <c>sqlite-noqueue</c> the same build with <c>Database:QueueSqliteWriters=false</c>
        /// (the behaviour before the writer queue); <c>postgres</c> a database on the private cluster.
        /// </summary>
        public static async Task<Target> StartAsync(string name, string root, PgCluster? pg, int cases, int casesPerClient)
        {
            Directory.CreateDirectory(root);
            var postgres = name.StartsWith("postgres", StringComparison.Ordinal);
            var database = postgres
                ? new BenchDatabase(root, "PostgreSql", await pg!.CreateDatabaseAsync(), KeepRoot: true)
                : new BenchDatabase(root, "Sqlite", $"Data Source={Path.Combine(root, "casework.db")}", KeepRoot: true);
            List<Guid> ids;
            int[] versions;
            await using (var host = await BenchHost.StartAsync(database: database))
            {
                ids = await host.OpenCasesAsync(BenchDefinitions.BenchDefinitionId, "GM0599", Aanvrager, cases);
                versions = new int[ids.Count];
                for (var i = 0; i < ids.Count; i++)
                {
                    var dto = await host.FireAsync(Aanvrager, ids[i], "indienen", 1, null);
                    dto = await host.FireAsync(Loket, ids[i], "ontvangstBevestigen", dto.Version, null);
                    dto = await host.FireAsync(Loket, ids[i], "ontvankelijkVerklaren", dto.Version, null);
                    versions[i] = dto.Version;
                }
            }

            var port = BenchPaths.FreePort();
            var web = Path.Combine(BenchPaths.RepositoryRoot(), "src", "Casework.Web");
            var dll = Path.Combine(web, "bin", BenchPaths.Configuration(), "net10.0", "Casework.Web.dll");
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"{dll} not found: build the solution (or the bench) in {BenchPaths.Configuration()} first.");
            }

            var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = web,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            // Development only because outside it sign-in needs an OpenID Connect authority; everything on the
            // command path is the same in every environment. Logs at Warning, as the test hosts run.
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            info.Environment["ConnectionStrings__Casework"] = database.ConnectionString;
            info.Environment["Database__Provider"] = database.Provider;
            info.Environment["Database__QueueSqliteWriters"] = name == "sqlite-noqueue" ? "false" : "true";
            info.Environment["Workflows__DefinitionsPath"] = Path.Combine(root, "definitions");
            info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
            // One bench user fires thousands of case actions a minute; the decision rate limit (600 per user per
            // minute, WebSecurity) would answer 429 to most of them. The bench measures the write path, not the limiter.
            info.Environment["WebSecurity__DecisionPermitLimit"] = "100000000";
            var server = Process.Start(info) ?? throw new InvalidOperationException("Could not start Casework.Web.");
            var baseUri = new Uri($"http://127.0.0.1:{port}");
            var target = new Target(name, server, baseUri, ids, versions, casesPerClient, database);
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            await target.WaitUntilHealthyAsync();
            target._token = await target.SignInAsync();

            // Tiered JIT and the pools settle before anything is recorded (the per-slice warm-up is short).
            await target.RunAsync(Math.Min(4, ids.Count / casesPerClient), TimeSpan.FromSeconds(5), record: false);
            Console.WriteLine($"// {name}: Casework.Web pid {server.Id} on {baseUri} ({database.Provider}), {ids.Count} cases, load {Load()}");
            return target;
        }

        /// <summary>
        /// <paramref name="clients"/> clients fire back to back for <paramref name="duration"/>; client c works on cases
        /// c*casesPerClient .. +casesPerClient-1 only, round robin, alternating aanhouden and hervatten per case.
        /// </summary>
        public async Task<Slice> RunAsync(int clients, TimeSpan duration, bool record)
        {
            while (_clients.Count < clients)
            {
                var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(30) }) { BaseAddress = _base };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                _clients.Add(client);
            }

            var watch = Stopwatch.StartNew();
            var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                var latencies = new List<double>(4096);
                int ok = 0, errors = 0, next = 0;
                while (watch.Elapsed < duration)
                {
                    var i = (c * _casesPerClient) + next;
                    next = (next + 1) % _casesPerClient;
                    var hold = !_onHold[i];
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{_ids[i]}/actions/{(hold ? "aanhouden" : "hervatten")}")
                    {
                        Content = new StringContent(hold ? $"{{\"reason\":\"{HoldReason}\"}}" : "{}", Encoding.UTF8, "application/json"),
                    };
                    request.Headers.TryAddWithoutValidation("If-Match", $"\"{_versions[i]}\"");
                    var start = Stopwatch.GetTimestamp();
                    using var response = await _clients[c].SendAsync(request);
                    _ = await response.Content.ReadAsByteArrayAsync();
                    var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        _versions[i] = int.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);
                        _onHold[i] = hold;
                        ok++;
                        latencies.Add(elapsed);
                    }
                    else
                    {
                        errors++;
                        if (errors <= 3)
                        {
                            Console.WriteLine($"// {Name}: {(int)response.StatusCode} on case {_ids[i]}");
                        }

                        await ResyncAsync(_clients[c], i);
                    }
                }

                return (ok, errors, latencies);
            })));
            var seconds = watch.Elapsed.TotalSeconds;
            _fired += perClient.Sum(p => p.ok);
            return record ? new Slice(perClient.Sum(p => p.ok), perClient.Sum(p => p.errors), seconds, [.. perClient.SelectMany(p => p.latencies)]) : new Slice(0, 0, seconds, []);
        }

        /// <summary>After the run: the audit chains still verify, and one status row per transition was written.</summary>
        public async Task<string> CheckAsync()
        {
            using var auditor = new HttpClient { BaseAddress = _base };
            var token = await TokenAsync(auditor, "BZK", "Auditor");
            auditor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var verification = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verification");
            long versions = 0;
            foreach (var id in _ids)
            {
                versions += (await _clients[0].GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("version").GetInt32();
            }

            // Every successful transition adds exactly one version to its case (warm-ups included).
            return Inv($"transitions={_fired} versionsAdded={versions - _seededVersions} auditIntact={verification.GetProperty("intact").GetBoolean()} auditEvents={verification.GetProperty("events").GetInt32()}{await ServerStatsAsync()}");
        }

        /// <summary>
        /// PostgreSQL only: transactions committed and rolled back in the bench database. Writes run SERIALIZABLE and
        /// a serialization failure (40001) is replayed by the execution strategy, so rollbacks ~ replays.
        /// </summary>
        private async Task<string> ServerStatsAsync()
        {
            if (_database.Provider != "PostgreSql")
            {
                return string.Empty;
            }

            await using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return Inv($" pgCommits={reader.GetInt64(0)} pgRollbacks={reader.GetInt64(1)}");
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
                await _server.WaitForExitAsync();
            }

            _server.Dispose();
        }

        private async Task ResyncAsync(HttpClient client, int i)
        {
            var current = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{_ids[i]}");
            _versions[i] = current.GetProperty("version").GetInt32();
            _onHold[i] = current.GetProperty("state").GetString() == "aangehouden";
        }

        private async Task WaitUntilHealthyAsync()
        {
            using var probe = new HttpClient { BaseAddress = _base, Timeout = TimeSpan.FromSeconds(5) };
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromMinutes(3))
            {
                if (_server.HasExited)
                {
                    break;
                }

                try
                {
                    if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Starting under load.
                }

                await Task.Delay(200);
            }

            string tail;
            lock (_tail)
            {
                tail = string.Join(Environment.NewLine, _tail);
            }

            throw new InvalidOperationException($"{Name}: Casework.Web did not become healthy.{Environment.NewLine}{tail}");
        }

        private async Task<string> SignInAsync()
        {
            using var client = new HttpClient { BaseAddress = _base };
            return await TokenAsync(client, Aanvrager.Organisation, nameof(Role.GemeenteAanvrager));
        }

        private static async Task<string> TokenAsync(HttpClient client, string organisation, string role)
        {
            var response = await client.PostAsJsonAsync("/api/v1/dev/token", new { organisation, roles = new[] { role } });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_tail)
            {
                _tail.Enqueue(line);
                while (_tail.Count > 40)
                {
                    _tail.Dequeue();
                }
            }
        }

    }
}
