using System.Net;
using Casework.Web.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a SQLite file of its own, deleted on dispose. A new file starts as a copy of the run's migrated
/// and seeded template (<see cref="TemplateDatabase"/>), so the host's start-up finds nothing to migrate or seed;
/// with <see cref="FromTemplate"/> off the host migrates and seeds the empty file itself, as in production.
/// </summary>
public sealed class CaseworkWebFactory : WebApplicationFactory<Program>
{
    private readonly Lock _prepare = new();

    /// <summary>
    /// Every host watches its files (appsettings reloads, <c>asp-append-version</c> on the web root); on Linux each watcher is an
    /// inotify instance, and the suite starts many hosts at once: past the per-user limit (128 by default) a page render
    /// fails with an IOException (a 500 from <c>/dev/sign-in</c>). The tests' hosts poll instead; the files never change under them.
    /// </summary>
    static CaseworkWebFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public CaseworkWebFactory()
        : this(Path.Combine(Path.GetTempPath(), "casework-tests", $"{Guid.NewGuid():N}.db"))
    {
    }

    public CaseworkWebFactory(string databasePath)
    {
        DatabasePath = databasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
    }

    public string DatabasePath { get; }

    /// <summary>A PostgreSQL connection string (from <c>PostgresServer.CreateDatabaseAsync</c>); null runs on the SQLite file.</summary>
    public string? PostgresConnectionString { get; init; }

    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Keep the database file on dispose, for a second factory that restarts on it.</summary>
    public bool KeepDatabase { get; init; }

    /// <summary>Extra configuration for this host (key as in appsettings, e.g. <c>WebSecurity:SignInPermitLimit</c>).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>
    /// The client address the app sees. The in-process test server has no TCP peer (the address is null, which the
    /// development sign-in treats as "not this machine"), so the tests stand on this machine by default.
    /// Over Kestrel the real address stays.
    /// </summary>
    public IPAddress? RemoteAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The app's clock (its <see cref="TimeProvider"/>), e.g. a fake clock the test sets; null keeps the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>A folder of workflow definitions other than the shipped ones (for version and lint scenarios).</summary>
    public string? DefinitionsPath { get; init; }

    /// <summary>
    /// Start a new SQLite file as a copy of the migrated and seeded template (default). Off: the host creates,
    /// migrates and seeds the file at start, for the tests of that start-up itself.
    /// </summary>
    public bool FromTemplate { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        PrepareDatabase();
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Casework", PostgresConnectionString ?? $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", PostgresConnectionString is null ? "Sqlite" : "PostgreSql");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        if (PostgresConnectionString is not null)
        {
            // Serializable transactions that lose a race fail with 40001 and are replayed by the execution strategy;
            // EF logs each failed attempt as an error. The tests assert the outcome, so keep those out of the output.
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Fatal");
        }

        // The outbox dispatcher stays off unless a test turns it on (Delivery:Enabled) or drives its passes itself:
        // hundreds of hosts would otherwise each poll and write .eml files.
        builder.UseSetting("Delivery:Enabled", "false");
        // The hosts run as Development, where the demo programme is seeded at start by default; a test that wants it
        // says so (Demo:Seed), the others see only their own cases.
        builder.UseSetting("Demo:Seed", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (DefinitionsPath is not null)
        {
            builder.UseSetting("Workflows:DefinitionsPath", DefinitionsPath);
        }

        // Hundreds of hosts per run: no file watcher per host on appsettings (the machine's inotify limit).
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");

        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        if (RemoteAddress is { } address)
        {
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddressFilter(address)));
        }
    }

    /// <summary>Copies the template to this factory's file unless the file is there already (a restart on it) or the host is not on SQLite.</summary>
    private void PrepareDatabase()
    {
        if (!FromTemplate || PostgresConnectionString is not null)
        {
            return;
        }

        lock (_prepare)
        {
            if (!File.Exists(DatabasePath))
            {
                TemplateDatabase.CopyTo(DatabasePath);
            }
        }
    }

    /// <summary>Sets the client address first in the pipeline where the server gave none.</summary>
    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress ??= address;
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    public static CaseworkDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (KeepDatabase)
        {
            return;
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
