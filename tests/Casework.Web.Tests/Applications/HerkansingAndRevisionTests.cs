using System.Net;
using System.Text;
using System.Text.Json;
using Casework.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>
/// The loket's herkansing link judged at admission, commitments released when an award is revised or revoked
/// after a well-founded objection, and JSON Merge Patch on drafts, against the real database.
/// </summary>
public sealed class HerkansingAndRevisionTests : IAsyncLifetime
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _t6;
    private HttpClient _vro = null!;
    private HttpClient _loket = null!;

    public async Task InitializeAsync()
    {
        _t6 = await _host.TrancheIdAsync("Wbi", "T6");
        _vro = await _host.AsAsync("VRO", "Beoordelaar");
        _loket = await _host.AsAsync("RVO", "Loket");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Admission_OfHerkansingBeforeLoketLinkedIt_RefusedAndAfterSameProjectLinkAdmitted()
    {
        var (previousId, herkansingId) = await HerkansingAtAdmissionAsync();

        var beforeLink = await ToelatenAsync(herkansingId);
        var linked = await LinkAsync(_loket, herkansingId, previousId, sameProject: true);
        var afterLink = await ToelatenAsync(herkansingId);

        Assert.False(beforeLink.IsSuccessStatusCode);
        Assert.Contains("RVO-loket", await beforeLink.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var body = await OkAsync(linked);
        Assert.Equal(previousId, body.GetProperty("herkansingOfApplicationId").GetGuid());
        Assert.True(body.GetProperty("herkansingSameProject").GetBoolean());
        Assert.Equal("beoordelingCommissie", (await OkAsync(afterLink)).GetProperty("state").GetString());
        var audit = await _host.DbAsync(db => db.Set<AuditEvent>().CountAsync(e => e.Action == "aanvraag.herkansingVastgelegd" && e.Stream == AuditTrail(herkansingId)));
        var link = await _host.DbAsync(db => db.CaseLinks.SingleAsync(l => l.FromCaseId == herkansingId));
        Assert.Equal(1, audit);
        Assert.Equal((previousId, CaseLink.HerkansingVan), (link.ToCaseId, link.Kind));
    }

    [Fact]
    public async Task Admission_WhenLoketJudgedNotSameProject_RefusedEvenWithSameProjectName()
    {
        var (previousId, herkansingId) = await HerkansingAtAdmissionAsync(sameName: true);

        await OkAsync(await LinkAsync(_loket, herkansingId, previousId, sameProject: false));
        var response = await ToelatenAsync(herkansingId);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Contains("niet hetzelfde project", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkHerkansing_ByGemeenteOrWithStaleVersion_RefusedAndNothingRecorded()
    {
        var (previousId, herkansingId) = await HerkansingAtAdmissionAsync();
        var version = await _host.VersionAsync(herkansingId);

        var gemeente = await SendAsync(await _host.GemeenteAsync("GM0599"), HttpMethod.Put, $"/api/v1/applications/{herkansingId}/herkansing", new { previousApplicationId = previousId, sameProject = true }, version);
        var stale = await SendAsync(_loket, HttpMethod.Put, $"/api/v1/applications/{herkansingId}/herkansing", new { previousApplicationId = previousId, sameProject = true }, version - 1);
        var unknown = await SendAsync(_loket, HttpMethod.Put, $"/api/v1/applications/{herkansingId}/herkansing", new { previousApplicationId = Guid.NewGuid(), sameProject = true }, version);

        Assert.Equal(HttpStatusCode.Forbidden, gemeente.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var application = await OkAsync(await _vro.GetAsync($"/api/v1/applications/{herkansingId}"));
        Assert.Equal(JsonValueKind.Null, application.GetProperty("herkansingSameProject").ValueKind);
        Assert.Equal(version, application.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Award_InHeroverwegingWithLowerAmount_ReleasesTheDifferenceOnTheLedgerAndAuditsIt()
    {
        var id = await AwardedThenObjectionUpheldAsync(5_000_000m);
        Assert.Equal(5_000_000m, await CommittedAsync());

        var response = await AwardAsync(id, 3_000_000m, "heroverweging na gegrond bezwaar");

        var body = await OkAsync(response);
        Assert.Equal(3_000_000m, body.GetProperty("awardedAmount").GetDecimal());
        Assert.Equal("toegekend", body.GetProperty("state").GetString());
        Assert.Equal(3_000_000m, await CommittedAsync());
        var released = await _host.DbAsync(db => db.Set<AuditEvent>().CountAsync(e => e.Action == "ronde.verplichtingVrijgevallen" && e.Stream == "tranche:" + _t6.ToString("N")));
        Assert.Equal(1, released);
    }

    [Fact]
    public async Task Afwijzen_InHeroverwegingOfAnAward_ReleasesTheWholeCommitment()
    {
        var id = await AwardedThenObjectionUpheldAsync(5_000_000m);

        var rejected = await _host.DecideAsync(_vro, id, "afwijzen", new { reason = "bezwaar gegrond: toekenning herroepen", data = new { verzenddatum = "2024-06-01" } });

        Assert.Equal("afgewezen", rejected.GetProperty("state").GetString());
        Assert.Equal(0m, await CommittedAsync());
        var application = await OkAsync(await _vro.GetAsync($"/api/v1/applications/{id}"));
        Assert.Equal(JsonValueKind.Null, application.GetProperty("awardedAmount").ValueKind);
    }

    [Fact]
    public async Task Award_AfterHeroverwegingSentBackToCommittee_RevisesTheExistingCommitment()
    {
        var id = await AwardedThenObjectionUpheldAsync(5_000_000m);
        await FireAsync(_vro, id, "naarCommissie", new { reason = "opnieuw beoordelen" });
        var tc = await _host.AsAsync("TC-WBI", "Commissielid");
        await _host.CommitteeAdviceAsync("TC-WBI", id, new { scores = Scores }, "Positief");
        await FireAsync(tc, id, "adviseren", new { data = new { advies = "positief" } });

        var revised = await AwardAsync(id, 4_500_000m, "na herbeoordeling");

        Assert.Equal(4_500_000m, (await OkAsync(revised)).GetProperty("awardedAmount").GetDecimal());
        Assert.Equal(4_500_000m, await CommittedAsync());
    }

    [Fact]
    public async Task Revision_BelowWhatWasPaidOut_Refused422AndNothingChanges()
    {
        var id = await AwardedThenObjectionUpheldAsync(5_000_000m, paidOut: 4_000_000m);
        var version = await _host.VersionAsync(id);

        var lower = await AwardAsync(id, 3_999_999.99m, "heroverweging");
        var revoke = await SendAsync(_vro, HttpMethod.Post, $"/api/v1/cases/{id}/actions/afwijzen", new { reason = "herroepen", data = new { verzenddatum = "2024-06-01" } }, version);
        var exactlyPaid = await AwardAsync(id, 4_000_000m, "heroverweging");

        var problem = await OkAsync(lower, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("TOEKENNING-ONDER-BETAALD", problem.GetProperty("brokenRules")[0].GetProperty("code").GetString());
        Assert.True(revoke.StatusCode == HttpStatusCode.UnprocessableEntity, await revoke.Content.ReadAsStringAsync());
        Assert.Equal(4_000_000m, (await OkAsync(exactlyPaid)).GetProperty("awardedAmount").GetDecimal());
        Assert.Equal(4_000_000m, await CommittedAsync());
    }

    [Fact]
    public async Task Award_AgainOutsideHeroverweging_Returns409AndLedgerUnchanged()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        await OkAsync(await AwardAsync(id, 5_000_000m, null));

        var again = await AwardAsync(id, 4_000_000m, "nogmaals");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(5_000_000m, await CommittedAsync());
    }

    [Fact]
    public async Task Patch_DraftWithMergePatch_ChangesOnlyTheGivenMembers()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t6));
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();

        var response = await PatchAsync(id, """{"projectName":"Centrumplan Zuid","homes":{"middenhuur":10},"otherArea":null,"focusgebied":"rotterdam-zuid"}""", version);

        var body = await OkAsync(response);
        Assert.Equal("Centrumplan Zuid", body.GetProperty("projectName").GetString());
        Assert.Equal(10, body.GetProperty("homes").GetProperty("middenhuur").GetInt32());
        Assert.Equal(300, body.GetProperty("homes").GetProperty("socialeHuur").GetInt32());
        Assert.Equal("rotterdam-zuid", body.GetProperty("focusgebied").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("otherArea").ValueKind);
        Assert.Equal(5_000_000m, body.GetProperty("requestedAmount").GetDecimal());
        Assert.True(body.GetProperty("version").GetInt32() > version);
        Assert.Equal($"\"{body.GetProperty("version").GetInt32()}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Patch_WithWrongMediaTypeStaleOrMissingVersionOrInvalidResult_RefusedAndDraftUnchanged()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t6));
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();

        var plainJson = await PatchAsync(id, """{"projectName":"X"}""", version, "application/json");
        var stale = await PatchAsync(id, """{"projectName":"X"}""", version + 1);
        var missing = await PatchAsync(id, """{"projectName":"X"}""", null);
        var invalid = await PatchAsync(id, """{"homes":null}""", version);
        var notAnObject = await PatchAsync(id, "[1]", version);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plainJson.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);
        var after = await OkAsync(await (await _host.GemeenteAsync("GM0599")).GetAsync($"/api/v1/applications/{id}"));
        Assert.Equal("Centrumplan Noord", after.GetProperty("projectName").GetString());
        Assert.Equal(version, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Patch_AfterSubmission_Returns409()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t6));
        var submitted = await OkAsync(await _host.SubmitAsync("GM0599", created));

        var response = await PatchAsync(created.GetProperty("id").GetGuid(), """{"projectName":"Te laat"}""", submitted.GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    private static string AuditTrail(Guid caseId) => "case:" + caseId.ToString("N");

    /// <summary>
    /// A T6 application of Rotterdam refused at admission; a herkansing round opening 3 weeks after T6 closed; a
    /// herkansing for another project name filed, submitted (allowed: the loket has not judged yet) and complete.
    /// </summary>
    private async Task<(Guid Previous, Guid Herkansing)> HerkansingAtAdmissionAsync(bool sameName = false)
    {
        var previous = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t6));
        await OkAsync(await _host.SubmitAsync("GM0599", previous));
        var previousId = previous.GetProperty("id").GetGuid();
        await FireAsync(_loket, previousId, "verklaarVolledig", null);
        await FireAsync(_vro, previousId, "nietToelaten", new { reason = "niet toelaatbaar", data = new { verzenddatum = "2024-01-20" } });

        var announced = await OkAsync(await SendAsync(await _host.AsAsync("VRO", "Beheerder"), HttpMethod.Post, "/api/v1/tranches", new
        {
            basedOnTrancheId = _t6,
            name = "T6-herkansing",
            announcedOnDate = "2024-01-15",
            opensAt = Amsterdam("2024-03-04 09:00"),
            closesAt = Amsterdam("2024-03-29 23:59"),
            ceiling = 50_000_000m,
        }), HttpStatusCode.Created);
        var round = announced.GetProperty("tranche").GetProperty("id").GetGuid();

        _host.Clock.SetUtcNow(Amsterdam("2024-03-05 10:00"));
        var herkansing = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(round).With(a =>
        {
            a.ProjectName = sameName ? "Centrumplan Noord" : "Centrumplan Noord, tweede fase";
            a.Start = new DateOnly(2026, 1, 1);
            a.Herkansing = true;
            a.PreviousApplicationReference = previous.GetProperty("reference").GetString();
        }));
        await OkAsync(await _host.SubmitAsync("GM0599", herkansing));
        var herkansingId = herkansing.GetProperty("id").GetGuid();
        await FireAsync(_loket, herkansingId, "verklaarVolledig", null);
        return (previousId, herkansingId);
    }

    private async Task<HttpResponseMessage> ToelatenAsync(Guid id) =>
        await SendAsync(_vro, HttpMethod.Post, $"/api/v1/cases/{id}/actions/toelaten", new { }, await _host.VersionAsync(id));

    private async Task<HttpResponseMessage> LinkAsync(HttpClient client, Guid id, Guid previousId, bool sameProject) =>
        await SendAsync(client, HttpMethod.Put, $"/api/v1/applications/{id}/herkansing", new { previousApplicationId = previousId, sameProject, reason = "zelfde bouwlocatie" }, await _host.VersionAsync(id));

    private async Task<HttpResponseMessage> AwardAsync(Guid id, decimal amount, string? reason) =>
        await _host.AwardConfirmedAsync(_vro, id, new { amount, sentDate = "2024-06-01", reason });

    /// <summary>Awarded in full, optionally partly paid out, then the gemeente objects and VRO upholds it: heroverweging.</summary>
    private async Task<Guid> AwardedThenObjectionUpheldAsync(decimal amount, decimal paidOut = 0m)
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6).With(a => a.RequestedAmount = amount), Scores);
        await OkAsync(await AwardAsync(id, amount, null));
        if (paidOut > 0)
        {
            await OkAsync(await SendAsync(_vro, HttpMethod.Post, $"/api/v1/applications/{id}/payments", new { amount = paidOut, paidOnDate = "2024-04-01" }), HttpStatusCode.Created);
        }

        await FireAsync(await _host.GemeenteAsync("GM0599"), id, "bezwaarMakenTegenToekenning", new { reason = "voorwaarden onjuist" });
        var state = await FireAsync(_vro, id, "bezwaarGegrondVerklaren", new { reason = "gegrond", data = new { verzenddatum = "2024-05-15" } });
        Assert.Equal("heroverweging", state.GetProperty("state").GetString());
        return id;
    }

    private async Task<decimal> CommittedAsync() =>
        (await OkAsync(await _host.Anonymous.GetAsync($"/api/v1/tranches/{_t6}"))).GetProperty("tranche").GetProperty("committed").GetDecimal();

    private async Task<HttpResponseMessage> PatchAsync(Guid id, string json, int? version, string mediaType = "application/merge-patch+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/applications/{id}") { Content = new StringContent(json, Encoding.UTF8, mediaType) };
        if (version is { } v)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        }

        return await (await _host.GemeenteAsync("GM0599")).SendAsync(request);
    }
}
