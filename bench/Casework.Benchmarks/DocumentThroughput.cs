using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Workflows.Engine;

namespace Casework.Benchmarks;

/// <summary>
/// Not a benchmark: the upload and download throughput of one large document (default 20 MiB) through the real
/// Casework.Web process (Kestrel, loopback), per database, with the server's peak resident memory, for ADR-013 and
/// bench/README.md ("Documents"). Each round uploads a new file (distinct content, so nothing is deduplicated) and
/// downloads it again, checking its SHA-256.
/// Usage: <c>dotnet run -c Release --project bench/Casework.Benchmarks -- documents --targets sqlite,postgres --mib 20 --rounds 5</c>.
/// </summary>
internal static class DocumentThroughput
{
    private static readonly string[] GemeenteRoles = ["GemeenteAanvrager"];

    private static readonly Actor Aanvrager = Actor.Person("bench-aanvrager", "GM0599", Role.GemeenteAanvrager);

    public static async Task RunAsync(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var targets = Get("targets", "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var mib = int.Parse(Get("mib", "20"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Get("rounds", "5"), CultureInfo.InvariantCulture);
        Console.WriteLine($"// Documents mode: targets={string.Join(",", targets)} size={mib} MiB rounds={rounds}");
        Console.WriteLine($"// machine: {Environment.ProcessorCount} CPUs, {HttpLoad.RuntimeInfo()}; load at start {HttpLoad.Load()}");
        var root = Path.Combine(Path.GetTempPath(), "casework-bench-documents", Guid.NewGuid().ToString("N")[..8]);
        PgCluster? pg = null;
        var rows = new List<string>();
        try
        {
            if (targets.Any(t => t == "postgres"))
            {
                pg = await PgCluster.StartAsync();
                Console.WriteLine($"// PostgreSQL cluster on port {pg.Port} ({PgCluster.Durability})");
            }

            foreach (var name in targets)
            {
                rows.Add(await MeasureAsync(name, Path.Combine(root, name), pg, mib, rounds));
            }

            Console.WriteLine();
            Console.WriteLine("| target | file | upload MiB/s (median, min-max) | download MiB/s (median, min-max) | upload ms (median) | download ms (median) | server peak RSS MiB before | after |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                Console.WriteLine(row);
            }
        }
        finally
        {
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

    private static async Task<string> MeasureAsync(string name, string root, PgCluster? pg, int mib, int rounds)
    {
        Directory.CreateDirectory(root);
        var database = name == "postgres"
            ? new BenchDatabase(root, "PostgreSql", await pg!.CreateDatabaseAsync(), KeepRoot: true)
            : new BenchDatabase(root, "Sqlite", $"Data Source={Path.Combine(root, "casework.db")}", KeepRoot: true);
        Guid caseId;
        await using (var host = await BenchHost.StartAsync(database: database))
        {
            caseId = (await host.OpenCasesAsync(BenchDefinitions.BenchDefinitionId, "GM0599", Aanvrager, 1))[0];
        }

        var port = BenchPaths.FreePort();
        var web = Path.Combine(BenchPaths.RepositoryRoot(), "src", "Casework.Web");
        var dll = Path.Combine(web, "bin", BenchPaths.Configuration(), "net10.0", "Casework.Web.dll");
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__Casework"] = database.ConnectionString;
        info.Environment["Database__Provider"] = database.Provider;
        info.Environment["Workflows__DefinitionsPath"] = Path.Combine(root, "definitions");
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        info.Environment["Documents__StagingPath"] = Path.Combine(root, "staging");
        using var server = Process.Start(info) ?? throw new InvalidOperationException("Could not start Casework.Web.");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            await WaitUntilHealthyAsync(client, server);
            var token = await client.PostAsJsonAsync("/api/v1/dev/token", new { organisation = "GM0599", roles = GemeenteRoles });
            token.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

            var before = PeakResidentMiB(server.Id);
            var size = mib * 1024 * 1024;
            var ups = new List<double>();
            var downs = new List<double>();
            // Round 0 is a warm-up (JIT, pools, the first chunk statements), not recorded.
            for (var round = 0; round <= rounds; round++)
            {
                var content = new byte[size];
                new Random(round + 1).NextBytes(content);
                "%PDF-1.7\n"u8.CopyTo(content);
                var sha = Convert.ToHexStringLower(SHA256.HashData(content));

                using var form = new MultipartFormDataContent { { new StringContent("projectplan"), "informatieobjecttype" } };
                var file = new ByteArrayContent(content);
                file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"bestand\"", FileName = $"\"plan-{round}.pdf\"" };
                form.Add(file);
                var start = Stopwatch.GetTimestamp();
                using var uploaded = await client.PostAsync($"/api/v1/cases/{caseId}/documents", form);
                var body = await uploaded.Content.ReadAsStringAsync();
                var up = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (uploaded.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"{name}: upload answered {(int)uploaded.StatusCode}: {body}");
                }

                var created = JsonDocument.Parse(body).RootElement;
                if (created.GetProperty("integriteit").GetProperty("waarde").GetString() != sha)
                {
                    throw new InvalidOperationException($"{name}: the server's checksum differs from the file's.");
                }

                start = Stopwatch.GetTimestamp();
                using var downloaded = await client.GetAsync($"/api/v1/documents/{created.GetProperty("id").GetGuid()}/content", HttpCompletionOption.ResponseHeadersRead);
                await using var stream = await downloaded.Content.ReadAsStreamAsync();
                var readBack = await SHA256.HashDataAsync(stream);
                var down = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (Convert.ToHexStringLower(readBack) != sha)
                {
                    throw new InvalidOperationException($"{name}: the download's checksum differs from the upload's.");
                }

                Console.WriteLine(Inv($"// {name} round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: upload {up:F0} ms ({mib / (up / 1000):F1} MiB/s), download {down:F0} ms ({mib / (down / 1000):F1} MiB/s), load {HttpLoad.Load()}"));
                if (round > 0)
                {
                    ups.Add(up);
                    downs.Add(down);
                }
            }

            var peak = PeakResidentMiB(server.Id);
            double Rate(double ms) => mib / (ms / 1000);
            return Inv($"| {name} | {mib} MiB | {Rate(HttpLoad.Percentile(ups, 50)):F1} ({Rate(ups.Max()):F1}-{Rate(ups.Min()):F1}) | {Rate(HttpLoad.Percentile(downs, 50)):F1} ({Rate(downs.Max()):F1}-{Rate(downs.Min()):F1}) | {HttpLoad.Percentile(ups, 50):F0} | {HttpLoad.Percentile(downs, 50):F0} | {before} | {peak} |");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    /// <summary>VmHWM of the server process: the most memory it ever held (before the uploads: after start and sign-in), to see that no upload is held whole.</summary>
    private static string PeakResidentMiB(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return "?";
        }

        var line = File.ReadAllLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? "?" : Inv($"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0:F0}");
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process server)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(3) && !server.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("Casework.Web did not become healthy.");
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
