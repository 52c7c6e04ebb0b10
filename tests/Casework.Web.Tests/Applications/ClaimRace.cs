using System.Net;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>
/// One case routed to VRO, many claims at once by two reviewers on two hosts, all at the same If-Match version: exactly
/// one claim wins, every other answer is 409, the case has the winner as behandelaar and the claim is audited once.
/// Run on SQLite and on PostgreSQL.
/// </summary>
internal static class ClaimRace
{
    public static async Task RunAsync(ApplicationsHost host, ApplicationsHost second, int racers = 16)
    {
        var t6 = await host.TrancheIdAsync("Wbi", "T6");
        var id = await BehandelaarTests.RoutedToVroAsync(host, t6);
        var version = await host.VersionAsync(id);
        var users = new[] { "vro-beoordelaar", "vro-beoordelaar-2" };
        var clients = new List<(string User, HttpClient Client)>();
        for (var i = 0; i < racers; i++)
        {
            var user = users[i % 2];
            clients.Add((user, await (i % 4 < 2 ? host : second).AsUserAsync(user)));
        }

        var responses = await Task.WhenAll(clients.Select(c => Task.Run(() => SendAsync(c.Client, HttpMethod.Post, $"/api/v1/cases/{id}/behandelaar/claim", null, version))));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(racers - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
        var winner = clients[statuses.IndexOf(HttpStatusCode.OK)].User;
        var body = await OkAsync(responses[statuses.IndexOf(HttpStatusCode.OK)]);
        Assert.Equal(winner, body.GetProperty("behandelaar").GetProperty("userId").GetString());
        Assert.Equal(version + 1, await host.VersionAsync(id));
        Assert.Equal(winner, await host.DbAsync(db => db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Behandelaar).FirstAsync()));
        Assert.Equal(1, await host.DbAsync(db => db.AuditEvents.CountAsync(e => e.ObjectId == id.ToString() && e.Action == "zaak.behandelaar.oppakken")));
        var verification = await OkAsync(await (await host.AsAsync("BZK", "Auditor")).GetAsync("/api/v1/audit/verification"));
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
    }
}
