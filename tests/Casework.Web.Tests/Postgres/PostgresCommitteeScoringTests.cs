using System.Net;
using Casework.Web.Tests.Applications;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Postgres;

/// <summary>Committee scoring on PostgreSQL (its migration, its decimals): a recused member is not counted and the chair's advice is the mean of the rest.</summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresCommitteeScoringTests(PostgresServer server)
{
    [Fact]
    public async Task ChairAdvice_OnPostgres_IsTheMeanOfTheMembersWhoDidNotRecuse()
    {
        await using var host = new ApplicationsHost(Amsterdam("2024-01-10 10:00"), await server.CreateDatabaseAsync());
        var t6 = await host.TrancheIdAsync("Wbi", "T6");
        await host.AppointChairAsync("TC-WBI", "commissie-wbi", "Hans Smit");
        var created = await host.CreateAsync("GM0599", ApplicationBuilder.Wbi(t6));
        await OkAsync(await host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();
        await FireAsync(await host.AsAsync("RVO", "Loket"), id, "verklaarVolledig", null);
        await FireAsync(await host.AsAsync("VRO", "Beoordelaar"), id, "toelaten", null);

        // 7.65, 6.75 and (recused) 10: the mean of the first two is 7.2
        await Score(host, "commissie-wbi", id, 8m, 7m, 6m, 9m);
        await Score(host, "commissie-wbi-2", id, 5m, 7m, 6m, 9m);
        await Score(host, "commissie-wbi-3", id, 10m, 10m, 10m, 10m);
        await OkAsync(await SendAsync(await host.AsUserAsync("commissie-wbi-3"), HttpMethod.Post, $"/api/v1/applications/{id}/committee-scores/recusal", new { reason = "Betrokken bij het project." }));
        var refused = await SendAsync(await host.AsUserAsync("commissie-wbi-3"), HttpMethod.Put, $"/api/v1/applications/{id}/committee-scores/mine",
            new { scores = new Dictionary<string, decimal> { ["noodzaak"] = 1m, ["effectiviteit"] = 1m, ["efficientie"] = 1m, ["urgentie"] = 1m } });
        var advice = await OkAsync(await SendAsync(await host.AsUserAsync("commissie-wbi"), HttpMethod.Put, $"/api/v1/applications/{id}/scores", new { advice = "Positief" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(7.2m, advice.GetProperty("totalScore").GetDecimal());
    }

    private static async Task Score(ApplicationsHost host, string member, Guid id, decimal noodzaak, decimal effectiviteit, decimal efficientie, decimal urgentie) =>
        await OkAsync(await SendAsync(await host.AsUserAsync(member), HttpMethod.Put, $"/api/v1/applications/{id}/committee-scores/mine",
            new { scores = new Dictionary<string, decimal> { ["noodzaak"] = noodzaak, ["effectiviteit"] = effectiviteit, ["efficientie"] = efficientie, ["urgentie"] = urgentie } }));
}
