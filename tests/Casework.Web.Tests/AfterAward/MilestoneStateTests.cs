using System.Net;
using System.Text.Json;
using Casework.Domain.Time;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.AfterAward;

/// <summary>vhf/wbi v4: an accepted milestone moves the application case ("Bouw gestart", "Opgeleverd") through the definition's own actions.</summary>
public sealed class MilestoneStateTests : IAsyncLifetime
{
    private readonly AfterAwardHost _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ReportedAndAcceptedMilestones_MoveTheCaseToBouwGestartAndOpgeleverd_ShownInTheLists()
    {
        var id = await _app.AwardedAsync();
        _app.Advance("2024-03-01 10:00");
        await _app.RunWorkerAsync(); // the bezwaartermijn ended: the case is in uitvoering
        Assert.Equal("uitvoering", await StateAsync(id));
        Assert.Equal(4, (await OkAsync(await _app.Vro.GetAsync($"/api/v1/cases/{id}"))).GetProperty("definition").GetProperty("version").GetInt32());

        _app.Advance("2025-09-01 10:00");
        var evidence = await _app.UploadEvidenceAsync(id, 51);
        var bare = await FireRawAsync(_app.Gemeente, id, "startBouwMijlpaalMelden", new { data = new { startdatum = "2025-08-15" } });
        await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/milestones/start-bouw/report", new { date = "2025-08-15", evidenceDocumentIds = new[] { evidence } }));
        var reported = await StateAsync(id);
        var byGemeente = await FireRawAsync(_app.Gemeente, id, "startBouwMijlpaalAanvaarden", null);
        await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/milestones/start-bouw/judgement", new { outcome = "aanvullingVragen", reason = "foto zonder datum" }));
        var askedMore = await StateAsync(id);
        await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/milestones/start-bouw/report", new { date = "2025-08-15", evidenceDocumentIds = new[] { evidence, await _app.UploadEvidenceAsync(id, 52) } }));
        await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/milestones/start-bouw/judgement", new { outcome = "aanvaarden" }));

        Assert.Equal("MIJLPAAL-NIET-VASTGELEGD", (await OkAsync(bare, HttpStatusCode.UnprocessableEntity)).GetProperty("brokenRules")[0].GetProperty("code").GetString());
        Assert.Equal("startBouwGemeld", reported);
        Assert.Equal(HttpStatusCode.Forbidden, byGemeente.StatusCode);
        Assert.Equal("uitvoering", askedMore);
        var started = await OkAsync(await _app.Gemeente.GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal("bouw", started.GetProperty("state").GetString());
        Assert.Equal("Bouw gestart", started.GetProperty("stateLabel").GetString());
        Assert.Equal(DeadlineStatus.Met, Assert.Single(await _app.DeadlinesAsync(id, "wbi-start-bouw")).Status);
        Assert.Equal("Bouw gestart", await ListedStateLabelAsync(_app.Gemeente, id));

        _app.Advance("2029-03-01 10:00");
        var done = await _app.UploadEvidenceAsync(id, 53);
        await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/milestones/gereed/report", new { date = "2029-02-15", evidenceDocumentIds = new[] { done } }));
        Assert.Equal("Oplevering gemeld, wacht op oordeel", await ListedStateLabelAsync(_app.Vro, id));
        await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/milestones/gereed/judgement", new { outcome = "aanvaarden" }));

        var delivered = await OkAsync(await _app.Gemeente.GetAsync($"/api/v1/cases/{id}"));
        Assert.Equal("Opgeleverd", delivered.GetProperty("stateLabel").GetString());
        Assert.Equal("Opgeleverd", await ListedStateLabelAsync(_app.Gemeente, id));
        Assert.Equal(DeadlineStatus.Met, Assert.Single(await _app.DeadlinesAsync(id, "wbi-alle-woningen")).Status);
        var history = await OkAsync(await _app.Vro.GetAsync($"/api/v1/cases/{id}/history"));
        Assert.Contains("zaak.opleveringMijlpaalAanvaarden", history.ToString(), StringComparison.Ordinal);
        await _app.AssertLedgerMatchesRowsAsync();
    }

    private async Task<string> StateAsync(Guid id) =>
        (await OkAsync(await _app.Vro.GetAsync($"/api/v1/cases/{id}"))).GetProperty("state").GetString()!;

    /// <summary>The state label the caller's work list (mijn zaken, werkvoorraad: <c>GET /cases</c>) shows for the case.</summary>
    private static async Task<string?> ListedStateLabelAsync(HttpClient client, Guid id)
    {
        var list = await OkAsync(await client.GetAsync("/api/v1/cases?limit=100"));
        return list.GetProperty("items").EnumerateArray().FirstOrDefault(c => c.GetProperty("id").GetGuid() == id) is { ValueKind: JsonValueKind.Object } row ? row.GetProperty("stateLabel").GetString() : null;
    }
}
