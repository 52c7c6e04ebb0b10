using System.Net;
using System.Text.Json;
using Casework.Domain.Time;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.AfterAward;

/// <summary>A bezwaar against the vaststelling or the terugvordering is a case of its own, decided under the vier-ogenprincipe.</summary>
public sealed class ObjectionTests : IAsyncLifetime
{
    private readonly AfterAwardHost _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ObjectionToTheTerugvordering_OnTheLastDayOfTheTerm_IsItsOwnCase_DecidedByTwoPeople()
    {
        var id = await _app.AwardedAsync();
        var early = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/bezwaren", new { besluit = "vaststelling", reason = "te vroeg" });
        await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/payments", new { amount = 5_000_000m, btwCompensatiefondsShare = 0m, paidOnDate = "2024-02-01" }), HttpStatusCode.Created);
        _app.Advance("2033-09-01 10:00");
        var set = await OkAsync(await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/vaststelling",
            new { completed = new { socialeHuur = 240, middenhuur = 0, betaalbareKoop = 0, other = 240 }, spent = 5_000_000m, verzenddatum = "2033-09-05" }));
        Assert.Equal("2033-10-17", set.GetProperty("terugvordering").GetProperty("bezwaarUiterlijk").GetString());

        // Awb 6:8: the term starts the day after the verzenddatum 5 September and ends on 17 October; received that day, on time.
        _app.Advance("2033-10-17 16:00");
        var byVro = await AfterAwardHost.PostAsync(_app.Vro, $"/api/v1/applications/{id}/bezwaren", new { besluit = "terugvordering", reason = "x" });
        var noBesluit = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/bezwaren", new { besluit = "toekenning", reason = "x" });
        var lodged = await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/bezwaren",
            new { besluit = "terugvordering", reason = "de gerealiseerde woningen zijn te laag geteld" }), HttpStatusCode.Created);
        var twice = await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/bezwaren", new { besluit = "terugvordering", reason = "nog eens" });
        _app.Advance("2033-10-18 09:00");
        var late = await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/bezwaren",
            new { besluit = "vaststelling", reason = "het bedrag is te laag" }), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byVro.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noBesluit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var objectionId = lodged.GetProperty("caseId").GetGuid();
        Assert.True(lodged.GetProperty("onTime").GetBoolean());
        Assert.Equal(("2033-09-05", "2033-10-17", "ingediend"), (lodged.GetProperty("verzenddatum").GetString(), lodged.GetProperty("bezwaarUiterlijk").GetString(), lodged.GetProperty("state").GetString()));
        Assert.False(late.GetProperty("onTime").GetBoolean());
        var objectionCase = await OkAsync(await _app.Vro.GetAsync($"/api/v1/cases/{objectionId}"));
        Assert.Equal("bezwaar-besluit", objectionCase.GetProperty("definition").GetProperty("id").GetString());
        Assert.Equal("VRO", objectionCase.GetProperty("routedTo").GetString());
        Assert.Equal(DeadlineStatus.Running, Assert.Single(await _app.DeadlinesAsync(objectionId, "beslissing-op-bezwaar")).Status);
        Assert.True(await _app.Host.DbAsync(db => db.CaseLinks.AnyAsync(l => l.FromCaseId == objectionId && l.ToCaseId == id)));

        // The decision: one beoordelaar proposes, a colleague confirms; the proposer cannot confirm alone.
        var proposer = await _app.Host.AsUserAsync("vro-beoordelaar");
        var proposed = await FireAsync(proposer, objectionId, "ongegrondVerklaren", new { reason = "correct geteld", data = new { verzenddatum = "2033-10-25" } });
        var self = await _app.ConfirmCaseAsync(objectionId, "vro-beoordelaar");
        var decided = await OkAsync(await _app.ConfirmCaseAsync(objectionId));

        Assert.Equal("ingediend", proposed.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Object, proposed.GetProperty("proposal").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal(("beslist", "ongegrond"), (decided.GetProperty("state").GetString(), decided.GetProperty("resultaat").GetString()));
        Assert.NotEqual(DeadlineStatus.Running, Assert.Single(await _app.DeadlinesAsync(objectionId, "beslissing-op-bezwaar")).Status);
        Assert.Equal(1, await _app.Host.DbAsync(db => db.Decisions.CountAsync(d => d.CaseId == objectionId && d.BesluitType == "beslissing-op-bezwaar-ongegrond")));
        var award = await _app.AfterAwardAsync(id);
        var objections = award.GetProperty("objections").EnumerateArray().ToList();
        Assert.Equal(["terugvordering", "vaststelling"], objections.Select(o => o.GetProperty("besluit").GetString()));
        Assert.Equal("ongegrond", objections[0].GetProperty("resultaat").GetString());
        Assert.Contains(award.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("kind").GetString() == "bezwaar");
        await _app.AssertLedgerMatchesRowsAsync();
    }
}
