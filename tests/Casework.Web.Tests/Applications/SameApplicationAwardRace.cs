using System.Net;
using Casework.Domain.Funding;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>
/// One application, many deciders at once, half through <c>/applications/{id}/award</c> and half through the generic
/// <c>/cases/{id}/actions/toekennen</c>, all with the same If-Match version: exactly one proposal wins and no money moves;
/// then many colleagues confirm at once: exactly one wins, every other answer is a conflict, and the money, besluit and
/// status are written once. Run on SQLite and on PostgreSQL.
/// </summary>
internal static class SameApplicationAwardRace
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };

    public static async Task RunAsync(ApplicationsHost host, ApplicationsHost second, int racers = 12)
    {
        var t6 = await host.TrancheIdAsync("Wbi", "T6");
        var id = await host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(t6).With(a => a.RequestedAmount = 1_000_000m), Scores);
        var committedBefore = await CommittedAsync(host, t6);
        var version = await host.VersionAsync(id);
        var clients = new List<HttpClient>();
        var colleagues = new List<HttpClient>();
        for (var i = 0; i < racers; i++)
        {
            clients.Add(await (i % 2 == 0 ? host : second).AsAsync("VRO", "Beoordelaar"));
            colleagues.Add(await (i % 2 == 0 ? host : second).AsUserAsync("vro-beoordelaar-2"));
        }

        // Under the vier-ogenprincipe (v3) the deciders race to propose; then their colleagues race to confirm.
        var proposals = await Task.WhenAll(clients.Select((client, i) => Task.Run(() => i % 2 == 0
            ? SendAsync(client, HttpMethod.Post, $"/api/v1/applications/{id}/award", new { amount = 1_000_000m, sentDate = "2024-03-01", reason = (string?)null }, version)
            : SendAsync(client, HttpMethod.Post, $"/api/v1/cases/{id}/actions/toekennen", new { reason = (string?)null, data = new { bedrag = 1_000_000m, verzenddatum = "2024-03-01" } }, version))));
        var committedAfterProposals = await CommittedAsync(host, t6);
        var proposed = await host.VersionAsync(id);
        var confirmations = await Task.WhenAll(colleagues.Select(client => Task.Run(() =>
            SendAsync(client, HttpMethod.Post, $"/api/v1/cases/{id}/proposal/confirm", null, proposed))));

        foreach (var responses in new[] { proposals, confirmations })
        {
            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
            Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed, $"a loser answered {(int)s}"));
        }

        Assert.Equal((committedBefore, version + 1), (committedAfterProposals, proposed));
        Assert.Equal(committedBefore + 1_000_000m, await CommittedAsync(host, t6));
        Assert.Equal(1, await host.DbAsync(db => db.Decisions.Where(d => d.CaseId == id).CountAsync()));
        Assert.Equal(version + 2, await host.VersionAsync(id));
        Assert.Equal(1_000_000m, (await host.DbAsync(db => db.Set<FundingApplication>().AsNoTracking().FirstAsync(a => a.Id == id))).AwardedAmount?.Euros);
        var verification = await OkAsync(await (await host.AsAsync("BZK", "Auditor")).GetAsync("/api/v1/audit/verification"));
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
    }

    private static async Task<decimal> CommittedAsync(ApplicationsHost host, Guid tranche) =>
        (await OkAsync(await host.Anonymous.GetAsync($"/api/v1/tranches/{tranche}"))).GetProperty("tranche").GetProperty("committed").GetDecimal();
}
