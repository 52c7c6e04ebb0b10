using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Casework.Domain.Funding;
using Casework.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>Scoring, ranking, ties, awards against the round's ceiling (also under concurrency), and rounds as data.</summary>
public sealed class AwardAndRankingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _t6;

    public async Task InitializeAsync() => _t6 = await _host.TrancheIdAsync("Wbi", "T6");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Scores_WithWbi2025Weights_TotalIsWeightedSumExactly()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);

        var application = await OkAsync(await (await _host.GemeenteAsync("GM0599")).GetAsync($"/api/v1/applications/{id}"));

        // 8 x 0.30 + 7 x 0.30 + 6 x 0.15 + 9 x 0.25 = 2.40 + 2.10 + 0.90 + 2.25
        Assert.Equal(7.65m, application.GetProperty("totalScore").GetDecimal());
        Assert.Equal("rangschikking", application.GetProperty("state").GetString());
        Assert.Equal("Positief", application.GetProperty("advice").GetString());
    }

    [Fact]
    public async Task Scores_WhenCriterionMissingOrOutOfRange_Returns422WithEveryProblem()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t6));
        await OkAsync(await _host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();
        await FireAsync(await _host.AsAsync("RVO", "Loket"), id, "verklaarVolledig", null);
        await FireAsync(await _host.AsAsync("VRO", "Beoordelaar"), id, "toelaten", null);

        var response = await SendAsync(await _host.AsAsync("TC-WBI", "Commissielid"), HttpMethod.Put, $"/api/v1/applications/{id}/committee-scores/mine",
            new { scores = new Dictionary<string, decimal> { ["noodzaak"] = 11m, ["effectiviteit"] = 7m, ["efficientie"] = 6m } });
        var otherCommittee = await SendAsync(await _host.AsAsync("TC-VHF", "Commissielid"), HttpMethod.Put, $"/api/v1/applications/{id}/committee-scores/mine", new { scores = Scores });

        var problem = await OkAsync(response, HttpStatusCode.UnprocessableEntity);
        var codes = problem.GetProperty("brokenRules").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).Order().ToArray();
        Assert.Equal(["SCORE-BUITEN-BEREIK", "SCORE-ONTBREEKT"], codes);
        Assert.Equal(HttpStatusCode.NotFound, otherCommittee.StatusCode);
    }

    [Fact]
    public async Task Award_LastRankedWhenCeilingAlmostReached_GetsPartialAwardAndTheNextGets409()
    {
        var first = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        var second = await _host.ToRankingAsync("GM0363", ApplicationBuilder.Wbi(_t6), Scores.ToDictionary(s => s.Key, s => s.Value - 1));
        var third = await _host.ToRankingAsync("GM0344", ApplicationBuilder.Wbi(_t6), Scores.ToDictionary(s => s.Key, s => s.Value - 2));
        await _host.SetLedgerAsync(_t6, ceilingCents: 100_000_000_00, committedCents: 92_000_000_00);
        var vro = await _host.AsAsync("VRO", "Beoordelaar");

        var proposal = await OkAsync(await vro.PostAsync($"/api/v1/tranches/{_t6}/allocation", null));
        Assert.Equal(["toekennen", "gedeeltelijkToekennen", "afwijzen"], proposal.EnumerateArray().Select(p => p.GetProperty("outcome").GetString()!).ToArray());
        Assert.Equal(3_000_000m, proposal[1].GetProperty("proposedAmount").GetDecimal());

        var full = await AwardAsync(vro, first, 5_000_000m, null);
        var partial = await AwardAsync(vro, second, 3_000_000m, "plafond bereikt: gedeeltelijke toekenning");
        var none = await AwardAsync(vro, third, 5_000_000m, null);

        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        var partialBody = await OkAsync(partial);
        Assert.Equal("toegekend", partialBody.GetProperty("state").GetString());
        Assert.Equal(3_000_000m, partialBody.GetProperty("awardedAmount").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        var tranche = await OkAsync(await vro.GetAsync($"/api/v1/tranches/{_t6}"));
        Assert.Equal(100_000_000m, tranche.GetProperty("tranche").GetProperty("committed").GetDecimal());
        Assert.Equal(0m, tranche.GetProperty("tranche").GetProperty("remaining").GetDecimal());
        var ranking = tranche.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal([first, second, third], ranking.Select(r => r.GetProperty("applicationId").GetGuid()).ToArray());
        var decisions = await _host.DbAsync(db => db.Decisions.Where(d => d.CaseId == second).Select(d => d.BesluitType).ToListAsync());
        Assert.Equal(["gedeeltelijke-toekenning"], decisions);
    }

    [Fact]
    public async Task Ranking_WithEqualTotals_IsFlaggedUntilAPersonOrdersThem()
    {
        var a = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        var b = await _host.ToRankingAsync("GM0363", ApplicationBuilder.Wbi(_t6), Scores);
        var vro = await _host.AsAsync("VRO", "Beoordelaar");

        var tied = (await OkAsync(await vro.GetAsync($"/api/v1/tranches/{_t6}"))).GetProperty("ranking").EnumerateArray().ToList();
        var blocked = await AwardAsync(vro, a, 5_000_000m, null);
        var ordered = await OkAsync(await SendAsync(vro, HttpMethod.Post, $"/api/v1/tranches/{_t6}/tie-breaks", new { order = new[] { b, a } }));
        var gemeente = await OkAsync(await (await _host.GemeenteAsync("GM0599")).GetAsync($"/api/v1/tranches/{_t6}"));

        Assert.All(tied, r => Assert.True(r.GetProperty("tieUnresolved").GetBoolean()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Equal([b, a], ordered.EnumerateArray().Select(r => r.GetProperty("applicationId").GetGuid()).ToArray());
        Assert.All(ordered.EnumerateArray(), r => Assert.False(r.GetProperty("tieUnresolved").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, gemeente.GetProperty("ranking").ValueKind);
    }

    [Fact]
    public async Task Award_SixteenRacingForTheLastMoney_NeverExceedCeilingAndLosersWriteNothing()
    {
        const int racers = 16;
        const int fits = 5;
        var gemeenten = await _host.DbAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKind.Gemeente).OrderBy(o => o.Code).Select(o => o.Code).Take(racers).ToListAsync());
        var ids = new List<Guid>();
        foreach (var cbs in gemeenten)
        {
            ids.Add(await _host.ToRankingAsync(cbs, ApplicationBuilder.Wbi(_t6).With(a => a.RequestedAmount = 1_000_000m), Scores.ToDictionary(s => s.Key, s => s.Value - (ids.Count % 8 * 0.1m))));
        }

        // Distinct totals per pair would still tie; order every tie explicitly so only the money decides.
        var vro = await _host.AsAsync("VRO", "Beoordelaar");
        await OkAsync(await SendAsync(vro, HttpMethod.Post, $"/api/v1/tranches/{_t6}/tie-breaks", new { order = ids }));
        await _host.SetLedgerAsync(_t6, ceilingCents: 300_000_000_00, committedCents: (300_000_000 - fits * 1_000_000) * 100L);
        // Under the vier-ogenprincipe (v3) each award is proposed first (nothing is committed yet, so every proposal fits);
        // the money is raced for by the colleagues confirming them at once.
        var versions = new Dictionary<Guid, int>();
        foreach (var id in ids)
        {
            await OkAsync(await AwardAsync(vro, id, 1_000_000m, null, await _host.VersionAsync(id)));
            versions[id] = await _host.VersionAsync(id);
        }

        Assert.Equal(300_000_000m - fits * 1_000_000m, await CommittedAsync());
        var clients = Enumerable.Range(0, racers).Select(_ => _host.AsUserAsync("vro-beoordelaar-2").GetAwaiter().GetResult()).ToList();
        var stopwatch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(ids.Select((id, i) => Task.Run(() => SendAsync(clients[i], HttpMethod.Post, $"/api/v1/cases/{id}/proposal/confirm", null, versions[id]))));
        stopwatch.Stop();

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(fits, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(racers - fits, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(300_000_000m, await CommittedAsync());
        var losers = ids.Where((_, i) => statuses[i] == HttpStatusCode.Conflict).ToList();
        var written = await _host.DbAsync(db => db.Set<FundingApplication>().Where(a => losers.Contains(a.Id) && a.AwardedAmount != null).CountAsync());
        var loserDecisions = await _host.DbAsync(db => db.Decisions.Where(d => losers.Contains(d.CaseId)).CountAsync());
        var loserStates = await _host.DbAsync(db => db.Cases.Where(c => losers.Contains(c.Id)).Select(c => c.State).Distinct().ToListAsync());
        Assert.Equal(0, written);
        Assert.Equal(0, loserDecisions);
        Assert.Equal(["rangschikking"], loserStates);
        output.WriteLine($"{racers} award decisions in {stopwatch.ElapsedMilliseconds} ms: {racers / stopwatch.Elapsed.TotalSeconds:F1} decisions/s, all correct ({fits} committed, {racers - fits} refused with 409).");
    }

    [Fact]
    public async Task Ceiling_WhenLoweredBelowCommitted_Returns422AndRaiseIsAudited()
    {
        await _host.SetLedgerAsync(_t6, ceilingCents: 140_000_000_00, committedCents: 100_000_000_00);
        var beheerder = await _host.AsAsync("VRO", "Beheerder");

        var lower = await SendAsync(beheerder, HttpMethod.Put, $"/api/v1/tranches/{_t6}/ceiling", new { ceiling = 99_999_999.99m, reason = "Bezuiniging" });
        var raise = await OkAsync(await SendAsync(beheerder, HttpMethod.Put, $"/api/v1/tranches/{_t6}/ceiling", new { ceiling = 280_000_000m, reason = "Verhoging bij Kamerbrief" }));
        var notAllowed = await SendAsync(await _host.AsAsync("VRO", "Beoordelaar"), HttpMethod.Put, $"/api/v1/tranches/{_t6}/ceiling", new { ceiling = 1m, reason = "x" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, lower.StatusCode);
        Assert.Equal("PLAFOND-ONDER-VERPLICHTINGEN", (await BodyAsync(lower)).GetProperty("brokenRules")[0].GetProperty("code").GetString());
        Assert.Equal(280_000_000m, raise.GetProperty("tranche").GetProperty("ceiling").GetDecimal());
        Assert.Equal(180_000_000m, raise.GetProperty("tranche").GetProperty("remaining").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        var stream = "tranche:" + _t6.ToString("N");
        var audited = await _host.DbAsync(db => db.AuditEvents.Where(e => e.Stream == stream).Select(e => e.Action).ToListAsync());
        Assert.Equal(["ronde.plafondGewijzigd"], audited);
    }

    [Fact]
    public async Task Announce_FromPreviousRoundWithOverride_IsNewDataWithNextRuleSetVersion()
    {
        var beheerder = await _host.AsAsync("VRO", "Beheerder");
        var response = await SendAsync(beheerder, HttpMethod.Post, "/api/v1/tranches", new
        {
            basedOnTrancheId = _t6,
            name = "T7",
            announcedOnDate = "2024-03-01",
            opensAt = Amsterdam("2024-04-15 09:00"),
            closesAt = Amsterdam("2024-05-31 23:59"),
            ceiling = 200_000_000m,
            ruleSetOverrides = new { maxApplicationsPerGemeente = new { value = 1, source = "Regeling WBI, wijziging 2024 (test)" } },
        });

        var created = await OkAsync(response, HttpStatusCode.Created);
        Assert.Equal("T7", created.GetProperty("tranche").GetProperty("name").GetString());
        Assert.Equal(200_000_000m, created.GetProperty("tranche").GetProperty("ceiling").GetDecimal());
        Assert.Equal(1, created.GetProperty("ruleSet").GetProperty("maxApplicationsPerGemeente").GetProperty("value").GetInt32());
        Assert.Equal(200, created.GetProperty("ruleSet").GetProperty("minimumHomes").GetProperty("homes").GetInt32());
        var t6 = await OkAsync(await _host.Anonymous.GetAsync($"/api/v1/tranches/{_t6}"));
        Assert.Equal(t6.GetProperty("tranche").GetProperty("ruleSetVersion").GetInt32() + 1, created.GetProperty("tranche").GetProperty("ruleSetVersion").GetInt32());

        // The new round's rule applies to the next application: a second one of the same gemeente is refused.
        _host.Clock.SetUtcNow(Amsterdam("2024-05-01 10:00"));
        var t7 = created.GetProperty("tranche").GetProperty("id").GetGuid();
        var firstApp = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(t7).With(a => a.Start = new DateOnly(2026, 1, 1)));
        await OkAsync(await _host.SubmitAsync("GM0599", firstApp));
        var secondApp = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(t7).With(a => a.Start = new DateOnly(2026, 1, 1)));
        var refused = await _host.SubmitAsync("GM0599", secondApp);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Fact]
    public async Task Announce_WbiRoundOpening41DaysAfterAnnouncement_Returns422WithTheBesluitAndWritesNothing()
    {
        var beheerder = await _host.AsAsync("VRO", "Beheerder");
        var response = await SendAsync(beheerder, HttpMethod.Post, "/api/v1/tranches", new
        {
            basedOnTrancheId = _t6,
            name = "T8",
            announcedOnDate = "2024-03-01",
            opensAt = Amsterdam("2024-04-11 09:00"),
            closesAt = Amsterdam("2024-05-31 23:59"),
            ceiling = 100_000_000m,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rule = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("brokenRules").EnumerateArray().Single();
        Assert.Equal("WBI-AANKONDIGING-ZES-WEKEN", rule.GetProperty("code").GetString());
        Assert.Equal("Besluit Woningbouwimpuls 2020 art. 3 lid 2 en art. 4 lid 1", rule.GetProperty("source").GetString());
        var rounds = await OkAsync(await _host.Anonymous.GetAsync("/api/v1/tranches"));
        Assert.DoesNotContain("\"T8\"", rounds.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RescheduleWindow_OfAnnouncedWbiRoundNearerThanSixWeeks_Returns422AndKeepsTheOpening()
    {
        var beheerder = await _host.AsAsync("VRO", "Beheerder");
        var created = await OkAsync(await SendAsync(beheerder, HttpMethod.Post, "/api/v1/tranches", new
        {
            basedOnTrancheId = _t6,
            name = "T8",
            opensAt = Amsterdam("2024-03-15 09:00"),
            closesAt = Amsterdam("2024-05-31 23:59"),
            ceiling = 100_000_000m,
        }), HttpStatusCode.Created);
        var id = created.GetProperty("tranche").GetProperty("id").GetGuid();

        // Announced today, 10 January 2024: 20 February is 41 days on.
        var response = await SendAsync(beheerder, HttpMethod.Put, $"/api/v1/tranches/{id}/window", new { opensAt = Amsterdam("2024-02-20 09:00"), closesAt = Amsterdam("2024-05-31 23:59"), reason = "Eerder open" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("WBI-AANKONDIGING-ZES-WEKEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var round = await OkAsync(await _host.Anonymous.GetAsync($"/api/v1/tranches/{id}"));
        Assert.Equal(Amsterdam("2024-03-15 09:00"), round.GetProperty("tranche").GetProperty("opensAt").GetDateTimeOffset());
        var moved = await SendAsync(beheerder, HttpMethod.Put, $"/api/v1/tranches/{id}/window", new { opensAt = Amsterdam("2024-02-21 09:00"), closesAt = Amsterdam("2024-05-31 23:59"), reason = "Eerder open" });
        await OkAsync(moved);
    }

    [Fact]
    public async Task Announce_ByNonBeheerder_Returns403()
    {
        var response = await SendAsync(await _host.AsAsync("VRO", "Beoordelaar"), HttpMethod.Post, "/api/v1/tranches", new { basedOnTrancheId = _t6, name = "T8", ceiling = 1m });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static Task<HttpResponseMessage> AwardAsync(HttpClient client, Guid id, decimal amount, string? reason, int version) =>
        SendAsync(client, HttpMethod.Post, $"/api/v1/applications/{id}/award", new { amount, sentDate = "2024-03-01", reason }, version);

    /// <summary>Proposes the award and has a colleague confirm it (vier-ogenprincipe); the first refusal, or the application after it.</summary>
    private async Task<HttpResponseMessage> AwardAsync(HttpClient client, Guid id, decimal amount, string? reason) =>
        await _host.AwardConfirmedAsync(client, id, new { amount, sentDate = "2024-03-01", reason });

    private async Task<decimal> CommittedAsync() =>
        (await OkAsync(await _host.Anonymous.GetAsync($"/api/v1/tranches/{_t6}"))).GetProperty("tranche").GetProperty("committed").GetDecimal();
}
