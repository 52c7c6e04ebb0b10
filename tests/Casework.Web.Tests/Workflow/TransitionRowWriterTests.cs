using Casework.Domain.Cases;
using Casework.Web.Api;
using Casework.Web.Persistence;
using Casework.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Casework.Web.Tests.Workflow;

/// <summary>
/// On SQLite the rows of a transition (case update, status, audit event, outbox message) are written by
/// <c>TransitionRowWriter</c>, not by EF Core's update pipeline (ADR-009). These tests hold it to what EF Core's own
/// save promises: the same stored values, a version race that writes nothing, and a failed save that leaves both the
/// database and the unit of work as they were.
/// </summary>
public sealed class TransitionRowWriterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 15, 30, 123, TimeSpan.Zero);

    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Save_WritesEveryMappedValueAsEfCoreReadsItBack()
    {
        var opened = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        var messageId = Guid.NewGuid();
        AuditEvent audit;
        await using (var scope = _factory.CreateScope())
        {
            var db = CaseworkWebFactory.Db(scope);
            var @case = await db.Cases.IgnoreAutoIncludes().SingleAsync(c => c.Id == opened.Id);
            @case.TransitionTo("gesloten", "Gesloten", 9, final: true, "afgehandeld", "sluiten", At, "tester", "SBSD", "Reden met é en ü");
            audit = await AppendAuditAsync(db, @case.Id, "zaak.sluiten");
            db.Outbox.Add(OutboxMessage.Create(messageId, "zaken", "/api/v1/cases/x", "zaak", "/api/v1/cases/x", "update", At, "{\"actie\":\"sluiten\"}"));

            await db.SaveChangesAsync();

            Assert.True(audit.Id > 0, "the database-generated audit id is set on the entity");
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        await using var read = _factory.CreateScope();
        var fresh = CaseworkWebFactory.Db(read);
        var stored = await fresh.Cases.AsNoTracking().Include(c => c.Statuses).SingleAsync(c => c.Id == opened.Id);
        Assert.Equal(("gesloten", "Gesloten", 9, true, "afgehandeld", At, At), (stored.State, stored.StateLabel, stored.StateOrder, stored.IsClosed, stored.Resultaat, stored.UpdatedAt, stored.ClosedAt));
        Assert.Equal((2, 2), (stored.Version, stored.LastStatusSequence));
        var status = stored.Statuses.Single(s => s.Sequence == 2);
        Assert.Equal(("gesloten", "sluiten", At, "tester", "SBSD", "Reden met é en ü"), (status.State, status.ActionId, status.At, status.ActorUserId, status.ActorOrganisation, status.Reason));
        AssertSameMappedValues(fresh.Model.FindEntityType(typeof(AuditEvent))!, audit, await fresh.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == audit.Id));
        var message = await fresh.Outbox.AsNoTracking().SingleAsync(m => m.Id == messageId);
        Assert.Equal((At, "{\"actie\":\"sluiten\"}", null, 0), (message.Aanmaakdatum, message.Kenmerken, message.DispatchedAt, message.Attempts));
        Assert.Equal(audit.Hash, audit.ComputeHash());
    }

    [Fact]
    public async Task Save_WhoseCaseVersionWasTakenMeanwhile_ThrowsTheConcurrencyExceptionAndWritesNothing()
    {
        var opened = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        await using var winnerScope = _factory.CreateScope();
        await using var loserScope = _factory.CreateScope();
        var winner = CaseworkWebFactory.Db(winnerScope);
        var loser = CaseworkWebFactory.Db(loserScope);
        var winnersCase = await winner.Cases.IgnoreAutoIncludes().SingleAsync(c => c.Id == opened.Id);
        var losersCase = await loser.Cases.IgnoreAutoIncludes().SingleAsync(c => c.Id == opened.Id);
        winnersCase.TransitionTo("analyse", "Analyse", 2, false, null, "triageAfronden", At, "winner", "SBSD", null);
        await winner.SaveChangesAsync();

        losersCase.TransitionTo("afgewezen", "Afgewezen", 3, false, null, "afwijzen", At, "loser", "SBSD", null);
        loser.Outbox.Add(OutboxMessage.Create(Guid.NewGuid(), "zaken", "/api/v1/cases/loser", "zaak", "/api/v1/cases/loser", "update", At, "{}"));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => loser.SaveChangesAsync());

        Assert.Equal(EntityState.Modified, loser.Entry(losersCase).State);
        Assert.Equal(1, loser.Entry(losersCase).Property(c => c.Version).OriginalValue);
        Assert.Equal(EntityState.Added, loser.Entry(losersCase.Statuses.Single()).State);
        await using var read = _factory.CreateScope();
        var fresh = CaseworkWebFactory.Db(read);
        var stored = await fresh.Cases.AsNoTracking().Include(c => c.Statuses).SingleAsync(c => c.Id == opened.Id);
        Assert.Equal(("analyse", 2), (stored.State, stored.Version));
        Assert.Equal([1, 2], stored.Statuses.Select(s => s.Sequence).Order());
        Assert.False(await fresh.Outbox.AnyAsync(m => m.HoofdObject == "/api/v1/cases/loser"));
    }

    [Fact]
    public async Task Save_WithAFailingInsertInACallersTransaction_RollsBackToItsSavepointAndCanBeSavedAgain()
    {
        var opened = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var @case = await db.Cases.IgnoreAutoIncludes().SingleAsync(c => c.Id == opened.Id);
        @case.TransitionTo("analyse", "Analyse", 2, false, null, "triageAfronden", At, "tester", "SBSD", null);
        var audit = await AppendAuditAsync(db, @case.Id, "zaak.triageAfronden");

        // Another writer took this place in the chain: the unique (stream, sequence) index refuses the event.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO AuditEvents (Stream, Sequence, At, ActorUserId, ActorOrganisation, Action, ObjectType, ObjectId, Result, PreviousHash, Hash) VALUES ({0}, {1}, 0, 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x')",
            audit.Stream,
            audit.Sequence);
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.IsType<SqliteException>(failure.InnerException);
        Assert.True(ProblemMapper.IsUniqueViolation(failure));
        Assert.Equal(EntityState.Modified, db.Entry(@case).State);
        Assert.Equal(EntityState.Added, db.Entry(audit).State);
        Assert.True(db.Entry(audit).Property(e => e.Id).IsTemporary);
        Assert.Equal(1, await VersionInTransactionAsync(db, @case.Id));

        // The caller fixes the cause and saves the same unit of work again, in the same transaction.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEvents WHERE ActorUserId = 'x'");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        await using var read = _factory.CreateScope();
        var fresh = CaseworkWebFactory.Db(read);
        Assert.Equal(("analyse", 2), await fresh.Cases.AsNoTracking().Where(c => c.Id == opened.Id).Select(c => ValueTuple.Create(c.State, c.Version)).SingleAsync());
        Assert.Equal(2, await fresh.Set<CaseStatus>().CountAsync(s => s.CaseId == opened.Id));
        Assert.True(await fresh.AuditEvents.AnyAsync(e => e.Stream == audit.Stream && e.Sequence == audit.Sequence && e.Hash == audit.Hash));
    }

    [Fact]
    public async Task Save_WhoseOtherRowsFailAfterTheTransitionRows_WritesNothingAndLeavesTheUnitOfWorkAsItWas()
    {
        var opened = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        await using (var setup = _factory.CreateScope())
        {
            // The decision goes through EF Core's pipeline after the transition rows were written directly.
            await CaseworkWebFactory.Db(setup).Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER fail_decision BEFORE INSERT ON CaseDecisions BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;");
        }

        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var @case = await db.Cases.IgnoreAutoIncludes().SingleAsync(c => c.Id == opened.Id);
        var status = @case.TransitionTo("analyse", "Analyse", 2, false, null, "triageAfronden", At, "tester", "SBSD", null);
        var audit = await AppendAuditAsync(db, @case.Id, "zaak.triageAfronden");
        var message = OutboxMessage.Create(Guid.NewGuid(), "zaken", "/api/v1/cases/y", "zaak", "/api/v1/cases/y", "update", At, "{}");
        db.Outbox.Add(message);
        db.Decisions.Add(CaseDecision.Record(Guid.NewGuid(), @case.Id, "beschikking", "triageAfronden", new DateOnly(2026, 11, 23), null, "tester", null, At));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using (var read = _factory.CreateScope())
        {
            var fresh = CaseworkWebFactory.Db(read);
            Assert.Equal(("ingediend", 1), await fresh.Cases.AsNoTracking().Where(c => c.Id == opened.Id).Select(c => ValueTuple.Create(c.State, c.Version)).SingleAsync());
            Assert.Equal(1, await fresh.Set<CaseStatus>().CountAsync(s => s.CaseId == opened.Id));
            Assert.Equal(1, await fresh.AuditEvents.CountAsync(e => e.ObjectId == opened.Id.ToString()));
            Assert.False(await fresh.Outbox.AnyAsync(m => m.Id == message.Id));
            await fresh.Database.ExecuteSqlRawAsync("DROP TRIGGER fail_decision");
        }

        Assert.Equal(EntityState.Modified, db.Entry(@case).State);
        Assert.Equal(1, db.Entry(@case).Property(c => c.Version).OriginalValue);
        Assert.Equal([EntityState.Added, EntityState.Added, EntityState.Added], new[] { db.Entry(status).State, db.Entry(audit).State, db.Entry(message).State });
        Assert.True(db.Entry(audit).Property(e => e.Id).IsTemporary);

        // Saved again once the cause is gone: every row once, the version bumped once.
        await db.SaveChangesAsync();

        await using var after = _factory.CreateScope();
        var saved = CaseworkWebFactory.Db(after);
        Assert.Equal(("analyse", 2), await saved.Cases.AsNoTracking().Where(c => c.Id == opened.Id).Select(c => ValueTuple.Create(c.State, c.Version)).SingleAsync());
        Assert.Equal(2, await saved.Set<CaseStatus>().CountAsync(s => s.CaseId == opened.Id));
        Assert.Equal(2, await saved.AuditEvents.CountAsync(e => e.ObjectId == opened.Id.ToString()));
        Assert.True(await saved.Outbox.AnyAsync(m => m.Id == message.Id));
        Assert.Equal(1, await saved.Decisions.CountAsync(d => d.CaseId == opened.Id));
    }

    private static async Task<AuditEvent> AppendAuditAsync(CaseworkDbContext db, Guid caseId, string action)
    {
        var stream = "case:" + caseId.ToString("N");
        var head = await db.AuditEvents.AsNoTracking().Where(e => e.Stream == stream).OrderByDescending(e => e.Sequence).FirstAsync();
        var audit = AuditEvent.Append(stream, head.Sequence + 1, head.Hash, At, "tester", "SBSD", action, "zaak", caseId.ToString(), "ok", new { status = "ingediend" }, new { status = "analyse" }, "reden");
        db.AuditEvents.Add(audit);
        return audit;
    }

    private static async Task<int> VersionInTransactionAsync(CaseworkDbContext db, Guid caseId) =>
        await db.Database.SqlQuery<int>($"SELECT Version AS Value FROM Cases WHERE Id = {caseId.ToString().ToUpperInvariant()}").SingleAsync();

    /// <summary>Every mapped property of the written entity equals the one EF Core reads back (conversions included).</summary>
    private static void AssertSameMappedValues(IEntityType type, object written, object read)
    {
        foreach (var property in type.GetProperties())
        {
            Assert.Equal(property.GetGetter().GetClrValueUsingContainingEntity(written), property.GetGetter().GetClrValueUsingContainingEntity(read));
        }
    }
}
