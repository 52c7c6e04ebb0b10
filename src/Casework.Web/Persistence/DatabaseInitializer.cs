using Casework.Web.Persistence.Seed;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Persistence;

/// <summary>
/// Creates, migrates and seeds the database before the host starts serving (IHostedService.StartAsync
/// runs before Kestrel accepts requests). For SQLite it turns on write-ahead logging, so readers do
/// not block the writer.
/// </summary>
internal sealed partial class DatabaseInitializer(IServiceProvider services, DatabaseOptions options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.MigrateOnStartup)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var seeder = scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>();
        var added = await seeder.SeedAsync(cancellationToken);
        LogSeeded(added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated; reference data seeded ({Added} rows added)")]
    private partial void LogSeeded(int added);
}
