namespace Casework.Web.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,

    /// <summary>The server database of the multi-host and concurrency tests (ADR-003); usable in production too.</summary>
    PostgreSql,
}

/// <summary>Configuration section <c>Database</c>; the connection string is <c>ConnectionStrings:Casework</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string DefaultSqliteConnectionString = "Data Source=App_Data/casework.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations and seed reference data at start-up (default on: the embedded default needs no set-up).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// On SQLite, writers of this process wait in one first-come, first-served queue per database file before they
    /// take the write lock (ADR-025). Default on; off only to compare with the old behaviour (bench/README.md).
    /// </summary>
    public bool QueueSqliteWriters { get; set; } = true;
}
