using System.Diagnostics;
using System.Net;
using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Casework.Domain.Time;
using Casework.Web.Tests.Applications;
using Casework.Web.Tests.LegalClock;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Postgres;

/// <summary>
/// The concurrency guarantees on a server database with real concurrent writers (ADR-003): the app migrated and
/// seeded on a private PostgreSQL cluster, several hosts on one database.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresConcurrencyTests(PostgresServer server, ITestOutputHelper output)
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };

    [Fact]
    public async Task Award_SixteenRacingForTheLastMoneyOnTwoHosts_NeverExceedCeilingAndLosersWriteNothing()
    {
        const int racers = 16;
        const int fits = 5;
        var database = await server.CreateDatabaseAsync();
        await using var host = new ApplicationsHost(Amsterdam("2024-01-10 10:00"), database);
        await using var second = new ApplicationsHost(Amsterdam("2024-01-10 10:00"), database);
        var t6 = await host.TrancheIdAsync("Wbi", "T6");
        var gemeenten = await host.DbAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKind.Gemeente).OrderBy(o => o.Code).Select(o => o.Code).Take(racers).ToListAsync());
        var ids = new List<Guid>();
        foreach (var cbs in gemeenten)
        {
            ids.Add(await host.ToRankingAsync(cbs, ApplicationBuilder.Wbi(t6).With(a => a.RequestedAmount = 1_000_000m), Scores));
        }

        var vro = await host.AsAsync("VRO", "Beoordelaar");
        await OkAsync(await SendAsync(vro, HttpMethod.Post, $"/api/v1/tranches/{t6}/tie-breaks", new { order = ids }));
        await host.SetLedgerAsync(t6, ceilingCents: 300_000_000_00, committedCents: (300_000_000 - fits * 1_000_000) * 100L);
        // Under the vier-ogenprincipe (v3) each award is proposed first; the money is raced for by the confirmations.
        var versions = new Dictionary<Guid, int>();
        foreach (var id in ids)
        {
            await OkAsync(await AwardAsync(vro, id, 1_000_000m, await host.VersionAsync(id)));
            versions[id] = await host.VersionAsync(id);
        }

        // Half the confirming colleagues on each host: two processes' connection pools writing to one server.
        var clients = new List<HttpClient>();
        for (var i = 0; i < racers; i++)
        {
            clients.Add(await (i % 2 == 0 ? host : second).AsUserAsync("vro-beoordelaar-2"));
        }

        var stopwatch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(ids.Select((id, i) => Task.Run(() => SendAsync(clients[i], HttpMethod.Post, $"/api/v1/cases/{id}/proposal/confirm", null, versions[id]))));
        stopwatch.Stop();

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(fits, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(racers - fits, statuses.Count(s => s == HttpStatusCode.Conflict));
        var committed = await host.DbAsync(db => db.Set<RoundBudget>().AsNoTracking().Where(b => b.Id == new RoundBudgetId(t6)).Select(b => b.Committed).FirstAsync());
        Assert.Equal(300_000_000m, committed.Euros);
        var losers = ids.Where((_, i) => statuses[i] == HttpStatusCode.Conflict).ToList();
        Assert.Equal(0, await host.DbAsync(db => db.Set<FundingApplication>().Where(a => losers.Contains(a.Id) && a.AwardedAmount != null).CountAsync()));
        Assert.Equal(0, await host.DbAsync(db => db.Decisions.Where(d => losers.Contains(d.CaseId)).CountAsync()));
        Assert.Equal(["rangschikking"], await host.DbAsync(db => db.Cases.Where(c => losers.Contains(c.Id)).Select(c => c.State).Distinct().ToListAsync()));

        // Every chain the racers appended to (cases, the round) is still one unbroken chain.
        var verification = await OkAsync(await (await host.AsAsync("BZK", "Auditor")).GetAsync("/api/v1/audit/verification"));
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
        output.WriteLine($"PostgreSQL: {racers} award decisions on two hosts in {stopwatch.ElapsedMilliseconds} ms: {racers / stopwatch.Elapsed.TotalSeconds:F1} decisions/s, all correct ({fits} committed, {racers - fits} refused with 409).");
    }

    [Fact]
    public async Task Award_SameApplicationRacedThroughAwardAndTheGenericActionOnTwoHosts_ExactlyOneWinsAndTheMoneyMovesOnce()
    {
        var database = await server.CreateDatabaseAsync();
        await using var host = new ApplicationsHost(Amsterdam("2024-01-10 10:00"), database);
        await using var second = host.SecondHost();
        await SameApplicationAwardRace.RunAsync(host, second);
    }

    [Fact]
    public async Task Claim_SixteenReviewersOnTwoHostsClaimOneCase_ExactlyOneWinsAndTheOthersAre409()
    {
        var database = await server.CreateDatabaseAsync();
        await using var host = new ApplicationsHost(Amsterdam("2024-01-10 10:00"), database);
        await using var second = host.SecondHost();
        await ClaimRace.RunAsync(host, second);
    }

    [Fact]
    public async Task DeadlineWorker_WhenThreeWorkersOnTwoHostsRace_EachDeadlineFiresExactlyOnce()
    {
        var database = await server.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 11, 14, 9, 0, 0, TimeSpan.Zero));
        await using var app = new LegalClockApp(clock, postgresConnectionString: database);
        var cases = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            cases.Add(await app.OpenTriagedKnelpuntAsync(title: $"Knelpunt {i}"));
        }

        // Just past the expiry instant: due Monday 30-12-2024 (27-12 is equated with a holiday, Atw art. 3 lid 3).
        clock.SetUtcNow(new DateTimeOffset(2024, 12, 30, 23, 1, 0, TimeSpan.Zero));
        await using var other = new LegalClockApp(clock, postgresConnectionString: database);

        var results = await Task.WhenAll(
            Task.Run(() => app.Worker.RunOnceAsync(CancellationToken.None)),
            Task.Run(() => other.Worker.RunOnceAsync(CancellationToken.None)),
            Task.Run(() => other.Worker.RunOnceAsync(CancellationToken.None)));

        Assert.Equal(cases.Count, results.Sum(r => r.ActionsFired));
        Assert.All(results, r => Assert.Equal(0, r.Failed));
        foreach (var caseId in cases)
        {
            Assert.Equal(1, await app.StatusCountAsync(caseId, "reactietermijnVerlopen"));
            Assert.Equal(DeadlineStatus.Expired, (await app.DeadlineOfAsync(caseId)).Status);
        }
    }

    private static Task<HttpResponseMessage> AwardAsync(HttpClient client, Guid id, decimal amount, int version) =>
        SendAsync(client, HttpMethod.Post, $"/api/v1/applications/{id}/award", new { amount, sentDate = "2024-03-01", reason = (string?)null }, version);
}
