using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Foundation;

public sealed class MigrationScriptTests
{
    [Fact]
    public void SqlServerMigrations_ProduceAnIdempotentScriptWithTheMainTables()
    {
        var options = new DbContextOptionsBuilder<SqlServerCaseworkDbContext>()
            .UseSqlServer("Server=(none);Database=Casework")
            .Options;
        using var db = new SqlServerCaseworkDbContext(options);
        var migrator = db.GetService<IMigrator>();

        var script = migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.False(string.IsNullOrWhiteSpace(script));
        Assert.Contains("IF NOT EXISTS (\n    SELECT * FROM [__EFMigrationsHistory]", script.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        foreach (var table in new[] { "Organisations", "PopulationFigures", "Focusgebieden" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryProvidersMigrations_CoverTheSameModel()
    {
        using var postgres = new PostgresCaseworkDbContext(new DbContextOptionsBuilder<PostgresCaseworkDbContext>().UseNpgsql("Host=(none)").Options);
        using var sqlite = new SqliteCaseworkDbContext(new DbContextOptionsBuilder<SqliteCaseworkDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerCaseworkDbContext(new DbContextOptionsBuilder<SqlServerCaseworkDbContext>().UseSqlServer("Server=(none)").Options);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "The SQLite migrations lag behind the model: add a migration.");
        Assert.False(sqlServer.Database.HasPendingModelChanges(), "The SQL Server migrations lag behind the model: add a migration.");
        Assert.False(postgres.Database.HasPendingModelChanges(), "The PostgreSQL migrations lag behind the model: add a migration.");
        Assert.Equal(
            sqlite.Database.GetMigrations().Select(m => m[15..]),
            sqlServer.Database.GetMigrations().Select(m => m[15..]));
        Assert.Equal(
            sqlite.Database.GetMigrations().Select(m => m[15..]),
            postgres.Database.GetMigrations().Select(m => m[15..]));
    }
}
