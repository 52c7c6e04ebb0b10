using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Casework.Benchmarks;

/// <summary>
/// A private PostgreSQL cluster for the HTTP mode, started the way the test fixture (tests/.../PostgresServer.cs) does:
/// Debian's server binaries, a fresh data folder, a free loopback port, trust authentication, run as <c>postgres</c>
/// under root. Unlike the fixture it keeps PostgreSQL's durable defaults (fsync, synchronous_commit on), so the
/// comparison with SQLite (synchronous FULL) is like for like; <c>BENCH_PG_FSYNC=off</c> gives the fixture's settings.
/// </summary>
internal sealed class PgCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dataDir;
    private readonly bool _asPostgres;

    private PgCluster(string bin, string dataDir, bool asPostgres, int port)
    {
        _bin = bin;
        _dataDir = dataDir;
        _asPostgres = asPostgres;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PgCluster> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin); run scripts/install-test-prerequisites.sh.");
        }

        var asPostgres = Environment.UserName == "root";
        var dataDir = Path.Combine(Path.GetTempPath(), "casework-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres", dataDir], false);
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var cluster = new PgCluster(bin, dataDir, asPostgres, port);
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], asPostgres);
        var durability = Environment.GetEnvironmentVariable("BENCH_PG_FSYNC") == "off" ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : string.Empty;
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", dataDir, "-w", "-t", "60", "-l", Path.Combine(dataDir, "server.log"),
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200{durability}", "start"], asPostgres);
        return cluster;
    }

    public static string Durability => Environment.GetEnvironmentVariable("BENCH_PG_FSYNC") == "off" ? "fsync off" : "fsync on, synchronous_commit on";

    /// <summary>A connection string to a new, empty database.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "casework_bench_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _dataDir, "-m", "fast", "-w", "stop"], _asPostgres, throwOnError: false);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres, bool throwOnError = true)
    {
        var info = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
