using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Casework.Web.Persistence;

/// <summary>Used by <c>dotnet ef</c> only: each provider gets its own migrations folder.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCaseworkDbContext>
{
    public SqliteCaseworkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCaseworkDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCaseworkDbContext>
{
    public SqlServerCaseworkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCaseworkDbContext>().UseSqlServer("Server=(design-time);Database=Casework").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCaseworkDbContext>
{
    public PostgresCaseworkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCaseworkDbContext>().UseNpgsql("Host=design-time;Database=casework").Options);
}
