using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Casework.Web.Tests.Browser;
using Npgsql;

namespace Casework.Web.Tests.Postgres;

/// <summary>
/// A private PostgreSQL cluster for the tests (ADR-003): Debian's server binaries, a fresh data folder in the temp
/// directory, a free port on 127.0.0.1, trust authentication, fsync off (a throw-away cluster). Started once per test
/// collection and stopped at the end. PostgreSQL refuses to run as root, so under root it runs as the
/// <c>postgres</c> user the Debian package creates. If the server is not installed,
/// scripts/install-test-prerequisites.sh installs it; without it these tests fail rather than skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string _dataDir = string.Empty;
    private string _bin = string.Empty;
    private bool _asPostgresUser;

    public int Port { get; private set; }

    /// <summary>A connection string to a new, empty database of its own.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "casework_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40;Include Error Detail=true";

    public async Task InitializeAsync()
    {
        _bin = FindOrInstallBinaries();
        _asPostgresUser = Environment.UserName == "root";
        _dataDir = Path.Combine(Path.GetTempPath(), "casework-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dataDir);
        if (_asPostgresUser)
        {
            await RunAsync("chown", ["postgres", _dataDir], asPostgres: false);
        }

        Port = FreePort();
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", _dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _dataDir, "-w", "-t", "60", "-l", Path.Combine(_dataDir, "server.log"),
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"]);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDir.Length > 0 && Directory.Exists(_dataDir))
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _dataDir, "-m", "immediate", "-w", "stop"], throwOnError: false);
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private async Task RunAsync(string file, string[] args, bool? asPostgres = null, bool throwOnError = true)
    {
        var sudo = asPostgres ?? _asPostgresUser;
        var info = sudo ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (throwOnError && process.ExitCode != 0)
        {
            var log = Path.Combine(_dataDir, "server.log");
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout}{await stderr}"
                + (File.Exists(log) ? "\n" + await File.ReadAllTextAsync(log) : string.Empty));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindOrInstallBinaries()
    {
        string? Find() => Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;

        return TestPrerequisites.FindOrInstall(Find, "PostgreSQL server binaries (/usr/lib/postgresql/*/bin)");
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresTestGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
