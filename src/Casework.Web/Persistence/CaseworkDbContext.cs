using Casework.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Persistence;

/// <summary>
/// The one model of Casework. Provider-specific subclasses exist only so that each provider keeps
/// its own migrations (EF Core ties migrations to a context type); they add nothing to the model.
/// </summary>
public class CaseworkDbContext : DbContext
{
    protected CaseworkDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Focusgebied> Focusgebieden => Set<Focusgebied>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CaseworkDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
    }
}

public sealed class SqliteCaseworkDbContext(DbContextOptions<SqliteCaseworkDbContext> options) : CaseworkDbContext(options);

public sealed class SqlServerCaseworkDbContext(DbContextOptions<SqlServerCaseworkDbContext> options) : CaseworkDbContext(options);
