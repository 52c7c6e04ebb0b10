using System.Net;
using Casework.Domain.Time;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.AfterAward;

/// <summary>The round's rules and the settings that after-award work takes its numbers from.</summary>
public sealed class AfterAwardRulesTests
{
    [Fact]
    public async Task VaststellingInWbiT4_ForAGemeenteAbove50000Inhabitants_UsesTheRaisedMinimumOf500()
    {
        await using var app = new AfterAwardHost("2022-09-01 12:00", "Wbi", "T4");
        await app.InitializeAsync();
        var id = await app.AwardedAsync(sentDate: "2022-09-05");

        // 300 homes completed, half affordable: above T4's base minimum of 200, below the 500 for Rotterdam's size.
        var award = await OkAsync(await AfterAwardHost.PostAsync(app.Vro, $"/api/v1/applications/{id}/vaststelling",
            new { completed = new { socialeHuur = 150, middenhuur = 0, betaalbareKoop = 0, other = 150 }, spent = 5_000_000m, verzenddatum = "2022-09-10" }));

        var vaststelling = award.GetProperty("vaststelling");
        Assert.Equal(0m, vaststelling.GetProperty("amount").GetDecimal());
        var line = Assert.Single(vaststelling.GetProperty("computation").EnumerateArray(), l => l.GetProperty("rule").GetString() == "minimum-woningen");
        Assert.Contains("minimum van 500", line.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("50.000 inwoners", line.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0m, line.GetProperty("amount").GetDecimal());
        await app.AssertLedgerMatchesRowsAsync();
    }

    [Fact]
    public async Task VaststellingInWbiT6_At300Homes_PassesTheRoundsMinimumOf200()
    {
        await using var app = new AfterAwardHost();
        await app.InitializeAsync();
        var id = await app.AwardedAsync();

        var award = await OkAsync(await AfterAwardHost.PostAsync(app.Vro, $"/api/v1/applications/{id}/vaststelling",
            new { completed = new { socialeHuur = 150, middenhuur = 0, betaalbareKoop = 0, other = 150 }, spent = 5_000_000m, verzenddatum = "2024-01-20" }));

        var vaststelling = award.GetProperty("vaststelling");
        Assert.Equal(2_500_000m, vaststelling.GetProperty("amount").GetDecimal());
        var line = Assert.Single(vaststelling.GetProperty("computation").EnumerateArray(), l => l.GetProperty("rule").GetString() == "minimum-woningen");
        Assert.Contains("ten minste het minimum van 200 van de ronde", line.GetProperty("description").GetString(), StringComparison.Ordinal);
        await app.AssertLedgerMatchesRowsAsync();
    }

    [Fact]
    public async Task UitstelDecisionTerm_IsASetting_ThreeWeeksWhenConfigured()
    {
        await using var app = new AfterAwardHost(settings: new Dictionary<string, string> { ["AfterAward:UitstelDecisionWeeks"] = "3" });
        await app.InitializeAsync();
        var id = await app.AwardedAsync();
        app.Advance("2025-06-20 09:00");

        var requested = await OkAsync(await AfterAwardHost.PostAsync(app.Gemeente, $"/api/v1/applications/{id}/sisa-years/2024/uitstel", new { newDate = "2025-10-01", reason = "accountant later klaar" }));

        Assert.Equal("2025-07-11", requested.GetProperty("sisaYears")[0].GetProperty("uitstel").GetProperty("decideBy").GetString());
        Assert.Equal(new DateOnly(2025, 7, 11), Assert.Single(await app.DeadlinesAsync(id, "sisa-uitstel-beslissing")).CurrentDueDate);
    }

    [Fact]
    public async Task VhfAward_OpensItsOwnMilestoneTermsFromTheRoundsConfiguration_AndAMissedStartExpiresOnceIntoTheQueue()
    {
        await using var app = new AfterAwardHost("2024-07-01 10:00", "Vhf", "2024-R4");
        await app.InitializeAsync();
        var id = await app.AwardedAsync(sentDate: "2024-07-03");

        var award = await app.AfterAwardAsync(id);
        var milestones = award.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal(["start-bouw", "gereed"], milestones.Select(m => m.GetProperty("kind").GetString()));
        Assert.Equal("2026-07-01", milestones[0].GetProperty("dueDate").GetString()); // 2 years (secondary source: configuration)
        Assert.Equal("2034-07-01", milestones[1].GetProperty("dueDate").GetString()); // 10 years
        Assert.Contains("secundaire bron", milestones[0].GetProperty("source").GetString(), StringComparison.Ordinal);
        var start = Assert.Single(await app.DeadlinesAsync(id, "mijlpaal-start-bouw"));
        Assert.Equal((DeadlineStatus.Running, new DateOnly(2026, 7, 1)), (start.Status, start.CurrentDueDate));
        Assert.Equal(new DateOnly(2034, 7, 1), Assert.Single(await app.DeadlinesAsync(id, "mijlpaal-gereed")).CurrentDueDate);
        Assert.Empty(await app.DeadlinesAsync(id, "wbi-start-bouw"));
        Assert.Equal("2025-07-15", award.GetProperty("sisaYears")[0].GetProperty("dueDate").GetString());

        app.Advance("2026-07-02 10:00");
        await app.RunWorkerAsync();
        await app.RunWorkerAsync();

        Assert.Equal(DeadlineStatus.Expired, Assert.Single(await app.DeadlinesAsync(id, "mijlpaal-start-bouw")).Status);
        Assert.True((await app.AfterAwardAsync(id)).GetProperty("milestones")[0].GetProperty("expired").GetBoolean());
        var queue = await OkAsync(await app.Vro.GetAsync("/api/v1/awards/pending-judgement"));
        Assert.Single(queue.EnumerateArray(), i => i.GetProperty("applicationId").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await app.Vro.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        await app.AssertLedgerMatchesRowsAsync();
    }
}
