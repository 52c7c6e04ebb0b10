using Casework.Domain.Cases;
using Casework.Domain.Organisations;
using Casework.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

    public DbSet<CaseFile> Cases => Set<CaseFile>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<CaseDecision> Decisions => Set<CaseDecision>();

    /// <summary>Each outbox message per recipient and channel, with its attempts (docs/decisions/ADR-015-delivery.md).</summary>
    public DbSet<Casework.Domain.Delivery.OutboxDelivery> Deliveries => Set<Casework.Domain.Delivery.OutboxDelivery>();

    public DbSet<Deadline> Deadlines => Set<Deadline>();

    public DbSet<PublishedDefinition> PublishedDefinitions => Set<PublishedDefinition>();

    public DbSet<CaseReferenceCounter> CaseReferenceCounters => Set<CaseReferenceCounter>();

    public DbSet<CaseLink> CaseLinks => Set<CaseLink>();

    /// <summary>Besluiten gelijkstelling (Algemene termijnenwet art. 3 lid 3) with their days: reference data.</summary>
    public DbSet<EquatedDaysDecree> EquatedDaysDecrees => Set<EquatedDaysDecree>();

    /// <summary>Bumps the concurrency version of every changed case once per save, so no behaviour method can forget it.</summary>
    /// <remarks>
    /// Changes are detected once, here; the save itself then runs without a second full DetectChanges (nothing
    /// can change in between). Measured: repeated DetectChanges (one per ChangeTracker.Entries call, one per
    /// collection entry, one more in the base save) cost more CPU per command than all its SQL statements.
    /// </remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        BumpCaseVersions();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var direct = acceptAllChangesOnSuccess && WritesTransitionRowsDirectly;
            if (Database.CurrentTransaction is { } ambient)
            {
                return direct ? await SaveWithTransitionRowsAsync(ambient, cancellationToken) : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            // A save outside a transaction on SQLite still waits its turn in the writer queue (ADR-025): a sign-in's
            // audit event, the definition registrar, a checkpoint. Nothing to write: no transaction, no turn.
            var queued = Database.WriterGate() is not null;
            if ((!direct && !queued) || !ChangeTracker.HasChanges())
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            // EF Core's own save is all-or-nothing in a transaction of its own; so is this one.
            await using var transaction = await Database.BeginWriteTransactionAsync(cancellationToken);
            var saved = direct ? await SaveWithTransitionRowsAsync(transaction, cancellationToken) : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>SQLite writes the rows of a workflow transition itself (ADR-009, <see cref="TransitionRowWriter"/>); server databases keep EF Core's batched pipeline.</summary>
    protected virtual bool WritesTransitionRowsDirectly => false;

    /// <summary>
    /// The transition rows first, then the rest of the unit of work through EF Core, in <paramref name="transaction"/>.
    /// Like EF Core's save inside a caller's transaction, a failure rolls back to a savepoint (when savepoints are on)
    /// and leaves the change tracker as it was, so the caller may fix and save again.
    /// </summary>
    private async Task<int> SaveWithTransitionRowsAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        const string Savepoint = "__CaseworkTransitionRows";
        var autoSavepoints = Database.AutoSavepointsEnabled;
        var savepoint = autoSavepoints && transaction.SupportsSavepoints;
        if (savepoint)
        {
            await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
        }

        // This savepoint covers EF Core's part too; its own would be two more statements for nothing.
        Database.AutoSavepointsEnabled = false;
        TransitionRowWriter.Written? written = null;
        try
        {
            written = TransitionRowWriter.Write(this, Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(transaction));
            var rest = ChangeTracker.HasChanges() ? await base.SaveChangesAsync(true, cancellationToken) : 0;
            if (savepoint)
            {
                await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
            }

            return written.Updated.Count + written.Inserted.Count + rest;
        }
        catch
        {
            if (written is not null)
            {
                TransitionRowWriter.Restore(written);
            }

            if (savepoint)
            {
                await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
            }

            throw;
        }
        finally
        {
            Database.AutoSavepointsEnabled = autoSavepoints;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        BumpCaseVersions();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (Database.CurrentTransaction is not null || Database.WriterGate() is null || !ChangeTracker.HasChanges())
            {
                return base.SaveChanges(acceptAllChangesOnSuccess);
            }

            // Queued like the asynchronous save (ADR-025); EF Core's pipeline, as before, inside that transaction.
            using var transaction = Database.BeginWriteTransaction();
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            transaction.Commit();
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private void BumpCaseVersions()
    {
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false; // detected just above; Entries/Navigations would detect again per call
        try
        {
            var casesWithNewStatus = ChangeTracker.Entries<CaseStatus>()
                .Where(s => s.State == EntityState.Added)
                .Select(s => s.Entity.CaseId)
                .ToHashSet();
            foreach (var entry in ChangeTracker.Entries<CaseFile>())
            {
                var ownedChanged = casesWithNewStatus.Contains(entry.Entity.Id) || entry.Navigations.Any(n => n.IsModified);
                if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && ownedChanged))
                {
                    var version = entry.Property(c => c.Version);
                    version.CurrentValue = version.OriginalValue + 1;
                }
            }
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

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

public sealed class SqliteCaseworkDbContext(DbContextOptions<SqliteCaseworkDbContext> options) : CaseworkDbContext(options)
{
    /// <summary>
    /// SQLite cannot compare or order DateTimeOffset text; stored as 64-bit binary (ticks + offset) they
    /// compare correctly because every instant we store is UTC.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    /// <inheritdoc />
    protected override bool WritesTransitionRowsDirectly => true;
}

public sealed class SqlServerCaseworkDbContext(DbContextOptions<SqlServerCaseworkDbContext> options) : CaseworkDbContext(options);

/// <summary>
/// PostgreSQL (ADR-003). Instants are <c>timestamp with time zone</c>, which Npgsql writes only with offset zero:
/// every instant Casework stores is UTC already, and the converter keeps it so for any that is not.
/// </summary>
public sealed class PostgresCaseworkDbContext(DbContextOptions<PostgresCaseworkDbContext> options) : CaseworkDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    private sealed class UtcDateTimeOffsetConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v.ToUniversalTime());
}
