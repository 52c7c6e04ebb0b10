using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Casework.Domain.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Casework.Web.Persistence;

/// <summary>
/// On SQLite, writes the rows that every workflow transition produces (the case row's update with its version check,
/// the new status, audit events and outbox messages) with plain ADO.NET commands on the context's own connection and
/// transaction, instead of through EF Core's update pipeline (ADR-009). Everything else in the unit of work
/// (deadlines, decisions, links, new cases, ledger rows) is left to EF Core's <c>SaveChanges</c>.
/// </summary>
/// <remarks>
/// <para>
/// Why: on the embedded database a statement costs tens of microseconds and there is no round trip to save, so EF
/// Core's update pipeline (command batching, topological sort, modification commands, result propagation) was the
/// largest single cost of a transition, about three times its four statements. On SQL Server and PostgreSQL the same
/// pipeline sends the statements in one round trip, which is worth more than its CPU, so it stays.
/// </para>
/// <para>
/// The column lists, column names and value conversions all come from the EF Core model (the same type mappings EF
/// Core uses to bind parameters), so the rows are the ones EF Core would write; a model change needs no change here.
/// The statements are built once per entity type. A failed write throws the exceptions EF Core's own save throws
/// (<see cref="DbUpdateConcurrencyException"/> for a lost version race, <see cref="DbUpdateException"/> wrapping the
/// <see cref="SqliteException"/> otherwise), and the caller's unit of work is left as it was before the save.
/// </para>
/// </remarks>
internal static class TransitionRowWriter
{
    private static readonly ConcurrentDictionary<IEntityType, InsertPlan> Inserts = new();

    /// <summary>The rows written directly; all other entity types go through EF Core's pipeline.</summary>
    private static bool IsInsertedDirectly(Type type) => type == typeof(CaseStatus) || type == typeof(AuditEvent) || type == typeof(OutboxMessage);

    /// <summary>
    /// Writes the transition rows of the unit of work and marks their entries saved. Changes must have been detected
    /// already; the connection must be open in <paramref name="transaction"/>. Returns what was written, so a failing
    /// save after it can put the entries back (<see cref="Restore"/>).
    /// </summary>
    public static Written Write(DbContext db, DbTransaction transaction)
    {
        List<EntityEntry>? updates = null;
        List<EntityEntry>? inserts = null;
        HashSet<Guid>? newCases = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.State)
            {
                case EntityState.Modified when entry.Entity is CaseFile:
                    (updates ??= []).Add(entry);
                    break;
                case EntityState.Added when entry.Entity is CaseFile added:
                    (newCases ??= []).Add(added.Id);
                    break;
                case EntityState.Added when IsInsertedDirectly(entry.Entity.GetType()):
                    (inserts ??= []).Add(entry);
                    break;
            }
        }

        // A status of a case that is itself new waits for the case row (the foreign key), so EF Core inserts both.
        if (newCases is not null)
        {
            inserts?.RemoveAll(e => e.Entity is CaseStatus s && newCases.Contains(s.CaseId));
        }

        var written = new Written();
        if (updates is null && inserts is null)
        {
            return written;
        }

        var connection = (SqliteConnection)transaction.Connection!;
        var sql = db.GetService<ISqlGenerationHelper>();
        try
        {
            // The version-checked update first: a lost race then writes nothing else.
            foreach (var entry in updates ?? [])
            {
                written.Updated.Add((entry, entry.OriginalValues.Clone()));
                Update(connection, (SqliteTransaction)transaction, sql, entry);
            }

            foreach (var entry in inserts ?? [])
            {
                var plan = Inserts.GetOrAdd(entry.Metadata, static (type, helper) => InsertPlan.For(type, helper), sql);
                var temporaryKey = plan.Generated is null ? ((string, object?)?)null : (plan.Generated.Name, entry.Property(plan.Generated.Name).CurrentValue);
                Insert(connection, (SqliteTransaction)transaction, plan, entry);
                written.Inserted.Add((entry, temporaryKey));
            }
        }
        catch (SqliteException ex)
        {
            Restore(written);
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", ex);
        }
        catch
        {
            Restore(written);
            throw;
        }

        // Saved: from now on these entries are unchanged for EF Core, so its own save does not write them again.
        foreach (var (entry, _) in written.Updated)
        {
            entry.OriginalValues.SetValues(entry.CurrentValues);
            entry.State = EntityState.Unchanged;
        }

        foreach (var (entry, _) in written.Inserted)
        {
            entry.State = EntityState.Unchanged;
        }

        return written;
    }

    /// <summary>Puts written entries back into their unsaved states (the transaction that held the rows is rolled back by the caller).</summary>
    public static void Restore(Written written)
    {
        foreach (var (entry, original) in written.Updated)
        {
            entry.OriginalValues.SetValues(original);
            entry.State = EntityState.Modified;
            foreach (var property in entry.Properties)
            {
                property.IsModified = !Equals(property.CurrentValue, property.OriginalValue);
            }
        }

        foreach (var (entry, temporaryKey) in written.Inserted)
        {
            entry.State = EntityState.Added;
            if (temporaryKey is { } key)
            {
                // The database's number went with the rolled-back row; EF Core numbers it again when it saves.
                var property = entry.Property(key.Name);
                property.CurrentValue = key.Value;
                property.IsTemporary = true;
            }
        }

        written.Updated.Clear();
        written.Inserted.Clear();
    }

    private static void Update(SqliteConnection connection, SqliteTransaction transaction, ISqlGenerationHelper sql, EntityEntry entry)
    {
        var type = entry.Metadata;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder("UPDATE ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" SET ");
        var first = true;
        foreach (var property in entry.Properties)
        {
            if (!property.IsModified)
            {
                continue;
            }

            text.Append(first ? string.Empty : ", ").Append(sql.DelimitIdentifier(Column(property.Metadata, table))).Append(" = ").Append(Bind(command, property.Metadata, property.CurrentValue));
            first = false;
        }

        text.Append(" WHERE ");
        first = true;
        foreach (var property in type.GetProperties())
        {
            if (!property.IsPrimaryKey() && !property.IsConcurrencyToken)
            {
                continue;
            }

            text.Append(first ? string.Empty : " AND ").Append(sql.DelimitIdentifier(Column(property, table))).Append(" = ").Append(Bind(command, property, entry.OriginalValues[property]));
            first = false;
        }

        command.CommandText = text.ToString();
        if (command.ExecuteNonQuery() != 1)
        {
            throw new DbUpdateConcurrencyException(
                $"The database operation was expected to affect 1 row(s), but actually affected 0 row(s); the {type.DisplayName()} row was changed or deleted by another writer.");
        }
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, InsertPlan plan, EntityEntry entry)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = plan.Sql;
        foreach (var property in plan.Columns)
        {
            Bind(command, property, entry.CurrentValues[property]);
        }

        if (plan.Generated is null)
        {
            command.ExecuteNonQuery();
            return;
        }

        if (!entry.Property(plan.Generated.Name).IsTemporary)
        {
            throw new InvalidOperationException($"{entry.Metadata.DisplayName()}.{plan.Generated.Name} is generated by the database; it cannot be set on a new row.");
        }

        var generated = command.ExecuteScalar();
        var key = entry.Property(plan.Generated.Name);
        key.CurrentValue = Convert.ChangeType(generated, plan.Generated.ClrType, CultureInfo.InvariantCulture);
        key.IsTemporary = false;
    }

    /// <summary>Adds a parameter converted and typed by the property's own EF Core type mapping; returns its name.</summary>
    private static string Bind(SqliteCommand command, IProperty property, object? value)
    {
        var name = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        command.Parameters.Add(mapping.CreateParameter(command, name, value, property.IsNullable));
        return name;
    }

    private static string Column(IProperty property, StoreObjectIdentifier table) =>
        property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is not mapped to {table.DisplayName()}.");

    /// <summary>The entries one <see cref="Write"/> saved, with the original values of the updated ones.</summary>
    public sealed class Written
    {
        public List<(EntityEntry Entry, PropertyValues Original)> Updated { get; } = [];

        /// <summary>The inserted entries, with the temporary value of a database-generated key (to put back on a failure).</summary>
        public List<(EntityEntry Entry, (string Name, object? Value)? TemporaryKey)> Inserted { get; } = [];
    }

    /// <summary>An entity type's INSERT, built once from the model: every mapped column, the database-generated key returned.</summary>
    private sealed class InsertPlan(string sql, IReadOnlyList<IProperty> columns, IProperty? generated)
    {
        public string Sql { get; } = sql;

        public IReadOnlyList<IProperty> Columns { get; } = columns;

        public IProperty? Generated { get; } = generated;

        public static InsertPlan For(IEntityType type, ISqlGenerationHelper sql)
        {
            if (type.IsOwned() || type.GetDiscriminatorPropertyName() is not null || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            {
                throw new InvalidOperationException($"{type.DisplayName()} is not a plain one-table entity; write it through EF Core.");
            }

            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = new List<IProperty>();
            IProperty? generated = null;
            foreach (var property in type.GetProperties())
            {
                if (property.GetComputedColumnSql(table) is not null)
                {
                    throw new InvalidOperationException($"{type.DisplayName()}.{property.Name} is computed by the database; write it through EF Core.");
                }

                // An integer primary key of its own is SQLite's rowid (AUTOINCREMENT): the database numbers it.
                if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && !property.IsForeignKey() && (property.ClrType == typeof(long) || property.ClrType == typeof(int)))
                {
                    generated = property;
                    continue;
                }

                columns.Add(property);
            }

            var names = string.Join(", ", columns.Select(p => sql.DelimitIdentifier(Column(p, table))));
            var values = string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
            var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ({values})"
                + (generated is null ? string.Empty : " RETURNING " + sql.DelimitIdentifier(Column(generated, table)));
            return new InsertPlan(text, columns, generated);
        }
    }
}
