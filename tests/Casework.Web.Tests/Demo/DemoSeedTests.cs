using System.Net;
using Casework.Domain.Escalation;
using Casework.Domain.Funding;
using Casework.Domain.Time;
using Casework.Web.Features.Audit;
using Casework.Web.Features.Demo;
using Casework.Web.Persistence;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Demo;

/// <summary>
/// The demo programme (ADR-021) on a fresh SQLite file: seeded at start by <c>Demo:Seed</c>, with every state the issue
/// asks for, made so that the audit chains verify, and a second run (the <c>demo</c> verb's entry point) adds nothing.
/// </summary>
public sealed class DemoSeedTests : IAsyncLifetime
{
    private CaseworkWebFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new CaseworkWebFactory();
        _factory.Settings["Demo:Seed"] = "true";
        // The checks below read the seed as it left the database; the worker would only redo the seed's own last pass.
        _factory.Settings["Deadlines:Enabled"] = "false";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task SeedAtStart_FillsEveryStateThroughTheCommands_VerifiesAndASecondRunAddsNothing()
    {
        _ = _factory.Services;
        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var today = AmsterdamClock.Today(TimeProvider.System);

        var states = await db.Cases.AsNoTracking().Select(c => new { c.DefinitionId, c.State, c.Resultaat, c.OwningOrganisation }).ToListAsync();
        bool Has(string definition, string state, string? resultaat = null) =>
            states.Any(c => c.DefinitionId == definition && c.State == state && (resultaat is null || c.Resultaat == resultaat));

        foreach (var definition in new[] { "vhf-application", "wbi-application" })
        {
            // concept, ingediend, herstel, beoordeeld (the committee scores), ranked, in bezwaartermijn, awarded (in uitvoering).
            foreach (var state in new[] { "concept", "ingediend", "herstel", "beoordelingCommissie", "rangschikking", "toegekend", "uitvoering" })
            {
                Assert.True(Has(definition, state), $"No {definition} in state {state}.");
            }

            Assert.True(Has(definition, "afgewezen") || Has(definition, "gesloten", "afgewezen"), $"No rejected {definition}.");
        }

        var applications = await db.Set<FundingApplication>().AsNoTracking().ToListAsync();
        Assert.Contains(applications, a => a.AwardedAmount is { } awarded && awarded.Euros < a.RequestedAmount.Euros);
        Assert.True(applications.Select(a => a.ApplicantCbsCode).Distinct().Count() >= 5, "Applications from several gemeenten.");

        var rounds = await db.Set<Tranche>().AsNoTracking().Where(t => t.Name.StartsWith(DemoSeeder.RoundPrefix)).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        foreach (var regeling in new[] { Regeling.Vhf, Regeling.Wbi })
        {
            Assert.Contains(rounds, t => t.Regeling == regeling && t.OpensAt < now && t.ClosesAt > now);
            Assert.Contains(rounds, t => t.Regeling == regeling && t.ClosesAt < now);
        }

        foreach (var state in new[] { "ingediend", "analyse", "voorstel", "geagendeerdSbsd", "escalatieBrsd", "geagendeerdBrsd", "bestuurlijkOverleg", "implementatie", "gesloten" })
        {
            Assert.True(Has("knelpunt", state), $"No knelpunt in state {state}.");
        }

        var meetings = await db.Set<Meeting>().AsNoTracking().ToListAsync();
        foreach (var body in new[] { "SBSD", "BRSD" })
        {
            Assert.Contains(meetings, m => m.BodyCode == body && m.Status == MeetingStatus.Gesloten && m.Date < today);
            Assert.Contains(meetings, m => m.BodyCode == body && m.Status == MeetingStatus.Gepland && m.Date > today);
        }

        var alliances = states.Where(c => c.DefinitionId == "vastloper" && c.OwningOrganisation.StartsWith("ALLIANTIE-", StringComparison.Ordinal)).Select(c => c.OwningOrganisation).Distinct().Count();
        Assert.True(alliances >= 3, $"Vastlopers from {alliances} alliances.");

        var deadlines = await db.Deadlines.AsNoTracking().Join(db.Cases.Where(c => !c.IsClosed), d => d.CaseId, c => c.Id, (d, c) => d).ToListAsync();
        Assert.Contains(deadlines, d => d.Status == DeadlineStatus.Expired && d.KindId == "beslistermijn");
        Assert.Contains(deadlines, d => d.Status == DeadlineStatus.Running && d.CurrentDueDate >= today && d.CurrentDueDate <= today.AddDays(7));

        var verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Intact, string.Join("; ", verification.Breaks.Select(b => $"{b.Stream} #{b.Sequence} {b.Message}")));
        Assert.True(verification.Events > 300, $"Only {verification.Events} audit events.");

        var before = await CountsAsync(db);
        Assert.Equal(0, await DemoCommand.RunAsync(_factory.Services));
        var again = await _factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);

        Assert.Equal(DemoSeedOutcome.AlreadyPresent, again.Outcome);
        Assert.Equal(before, await CountsAsync(db));
    }

    [Fact]
    public async Task Seed_OnADatabaseWithOtherCases_AddsNothing()
    {
        // The host neither migrates nor seeds at start (the file is the migrated template), so the other case comes first.
        _factory.Settings["Database:MigrateOnStartup"] = "false";
        await CaseTestData.SubmittedWbiApplicationAsync(_factory);
        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var before = await CountsAsync(db);

        var result = await _factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);

        Assert.Equal(DemoSeedOutcome.RefusedRealData, result.Outcome);
        Assert.Equal(before, await CountsAsync(db));
        Assert.False(await db.Set<Tranche>().AnyAsync(t => t.Name.StartsWith(DemoSeeder.RoundPrefix)));
    }

    [Fact]
    public async Task TestHosts_WithoutDemoSeed_HaveNoDemoData()
    {
        await using var factory = new CaseworkWebFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await using var scope = factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);

        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Null(scope.ServiceProvider.GetService<DemoSeeder>());
    }

    private static async Task<(int Cases, int Events, int Documents, int Tranches, int Meetings)> CountsAsync(CaseworkDbContext db) => (
        await db.Cases.CountAsync(),
        await db.AuditEvents.CountAsync(),
        await db.Set<Domain.Documents.Document>().CountAsync(),
        await db.Set<Tranche>().CountAsync(),
        await db.Set<Meeting>().CountAsync());
}
