using Casework.Web.Features.Workflows;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Casework.Web.Tests.Infrastructure;

/// <summary>
/// One SQLite file per test run, migrated and seeded by the app's own start-up (DatabaseInitializer), that every
/// <see cref="CaseworkWebFactory"/> copies to its own file instead of migrating and seeding a new one. A host that
/// starts on the copy finds no pending migration and every reference row present, so its DatabaseInitializer
/// applies nothing and adds nothing; each test still runs on a real database file of its own.
/// </summary>
/// <remarks>
/// Only the migration and the reference data are in the template. Neither reads the clock (the seed's dates come
/// from the CSV files), so the template is the same whatever clock a test's host runs on. The published workflow
/// definitions are not in it: PublishedDefinitionRegistrar stamps them with the host's clock and checks them
/// against the host's own definitions folder, so every host still registers them itself at start.
/// </remarks>
internal static class TemplateDatabase
{
    // Created on the thread pool, away from xunit's synchronisation context, because factories wait for it synchronously.
    private static readonly Lazy<Task<string>> Template = new(() => Task.Run(CreateAsync), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the template to <paramref name="databasePath"/>, which must not exist yet; creates the template on first use.</summary>
    public static void CopyTo(string databasePath)
    {
        var template = Template.Value.GetAwaiter().GetResult();
        File.Copy(template, databasePath);
    }

    private static async Task<string> CreateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "casework-tests", $"template-{Guid.NewGuid():N}.db");
        await using (var root = new CaseworkWebFactory(path) { FromTemplate = false, KeepDatabase = true })
        {
            root.Settings["Deadlines:Enabled"] = "false";
            root.Settings["Audit:CheckpointInterval"] = "00:00:00";
            await using var migrateAndSeed = root.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            {
                foreach (var registrar in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PublishedDefinitionRegistrar)).ToList())
                {
                    services.Remove(registrar);
                }
            }));

            // Starting the host runs DatabaseInitializer: migrate, WAL, seed.
            _ = migrateAndSeed.Services;
        }

        // Every connection is closed (the factory cleared the pools); fold the write-ahead log into the file so the
        // file alone is the whole database, then check that nothing is left beside it.
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        if (new FileInfo(path + "-wal") is { Exists: true, Length: > 0 })
        {
            throw new InvalidOperationException($"The template database {path} still has a write-ahead log after the checkpoint.");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        };
        return path;
    }
}
