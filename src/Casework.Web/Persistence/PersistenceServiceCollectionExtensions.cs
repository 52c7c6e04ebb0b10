using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Persistence;

internal static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddCaseworkPersistence(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = configuration.GetConnectionString("Casework");

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = PrepareSqliteConnectionString(connectionString ?? DatabaseOptions.DefaultSqliteConnectionString, environment.ContentRootPath);
                // One writer queue per database file, shared by every host in this process (ADR-025).
                var queue = options.QueueSqliteWriters ? new SqliteWriterGateInterceptor(SqliteWriterGate.For(sqlite)) : null;
                services.AddDbContextPool<CaseworkDbContext, SqliteCaseworkDbContext>(o =>
                {
                    o.UseSqlite(sqlite);
                    if (queue is not null)
                    {
                        o.AddInterceptors(queue);
                    }
                });
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Casework is empty.");
                }

                services.AddDbContext<CaseworkDbContext, SqlServerCaseworkDbContext>(o => o.UseSqlServer(connectionString, s => s.EnableRetryOnFailure()));
                break;
            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:Casework is empty.");
                }

                // Retries transient failures, including serialization failures (40001) of the serializable
                // command transactions (TransactionBehavior); the behaviour replays the whole command.
                services.AddDbContextPool<CaseworkDbContext, PostgresCaseworkDbContext>(o => o.UseNpgsql(connectionString, n => n.EnableRetryOnFailure(32, TimeSpan.FromMilliseconds(100), null)));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite, SqlServer or PostgreSql.");
        }

        services.AddScoped<Seed.ReferenceDataSeeder>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    /// <summary>Resolves a relative SQLite path against the content root and makes sure its folder exists.</summary>
    internal static string PrepareSqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource))
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        // Writers wait for each other instead of failing at once with SQLITE_BUSY.
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}
