using System.Net;
using System.Text.Json;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>
/// One gate: what <c>GET /cases/{id}</c> says of an action and what firing it answers agree for the same facts (allowed,
/// or refused with the same rule codes), and a dedicated endpoint gives what the generic action endpoint gives.
/// </summary>
public sealed class OneGateTests : IAsyncLifetime
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _t6;

    public async Task InitializeAsync() => _t6 = await _host.TrancheIdAsync("Wbi", "T6");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Toekennen_WhenTheAwardFitsTheCeiling_IsListedAsAllowedAndFiringItCommitsTheMoney()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        var vro = await _host.AsAsync("VRO", "Beoordelaar");
        var before = await CommittedAsync();

        var (listed, fired) = await ListAndFireAsync(vro, id, "toekennen", Award(5_000_000m));
        var proposed = await CommittedAsync();
        var confirmed = await _host.ConfirmAsync(id);

        Assert.True(listed.Allowed, string.Join(" ", listed.Codes));
        Assert.Equal(HttpStatusCode.OK, fired.StatusCode);
        Assert.Equal(before, proposed);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(before + 5_000_000m, await CommittedAsync());
    }

    [Fact]
    public async Task Toekennen_WhenTheCeilingIsReached_IsListedWithTheCeilingRuleAndFiringItIsRefusedWithTheSameRule()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        await _host.SetLedgerAsync(_t6, ceilingCents: 100_000_000_00, committedCents: 97_000_000_00);
        var vro = await _host.AsAsync("VRO", "Beoordelaar");

        var (listed, fired) = await ListAndFireAsync(vro, id, "toekennen", Award(5_000_000m));

        Assert.False(listed.Allowed);
        Assert.Equal(["PLAFOND-OVERSCHREDEN"], listed.Codes);
        Assert.Equal(HttpStatusCode.Conflict, fired.StatusCode);
        Assert.Equal(["PLAFOND-OVERSCHREDEN"], await BrokenCodesAsync(fired));
        Assert.Equal(97_000_000m, await CommittedAsync());
    }

    [Fact]
    public async Task GedeeltelijkToekennen_WhenSomeMoneyIsLeft_IsAllowedForWhatFitsAndRefusedForMore()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        await _host.SetLedgerAsync(_t6, ceilingCents: 100_000_000_00, committedCents: 97_000_000_00);
        var vro = await _host.AsAsync("VRO", "Beoordelaar");

        var tooMuch = await FireRawAsync(vro, id, "gedeeltelijkToekennen", Award(4_000_000m, "plafond bereikt"));
        var (listed, fired) = await ListAndFireAsync(vro, id, "gedeeltelijkToekennen", Award(3_000_000m, "plafond bereikt"));
        var confirmed = await _host.ConfirmAsync(id);

        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        Assert.True(listed.Allowed);
        Assert.Equal(HttpStatusCode.OK, fired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(100_000_000m, await CommittedAsync());
    }

    [Fact]
    public async Task Toekennen_WhileATieIsUnordered_IsListedAndRefusedWithTheRankingRule()
    {
        var a = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        await _host.ToRankingAsync("GM0363", ApplicationBuilder.Wbi(_t6), Scores);
        var vro = await _host.AsAsync("VRO", "Beoordelaar");

        var (listed, fired) = await ListAndFireAsync(vro, a, "toekennen", Award(5_000_000m));

        Assert.Equal(["RANGSCHIKKING-OPEN"], listed.Codes);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fired.StatusCode);
        Assert.Equal(listed.Codes, await BrokenCodesAsync(fired));
    }

    [Fact]
    public async Task Indienen_WhenSeveralAdmissionRulesAreBroken_ListsAndRefusesEachWithItsOwnCode()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t6).With(a =>
        {
            a.SocialeHuur = 40;
            a.Other = 100;
            a.OwnContribution = 1_000_000m;
        }));
        var id = created.GetProperty("id").GetGuid();
        var gemeente = await _host.GemeenteAsync("GM0599");

        var (listed, fired) = await ListAndFireAsync(gemeente, id, "indienen", new { });
        var viaSubmit = await _host.SubmitAsync("GM0599", created);

        Assert.False(listed.Allowed);
        Assert.Contains("WBI-MIN-WONINGEN", listed.Codes);
        Assert.Contains("WBI-EIGEN-BIJDRAGE", listed.Codes);
        Assert.DoesNotContain(listed.Codes, c => c.StartsWith("guard-failed", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fired.StatusCode);
        Assert.Equal(listed.Codes, await BrokenCodesAsync(fired));
        Assert.Equal(listed.Codes, await BrokenCodesAsync(viaSubmit));
    }

    [Fact]
    public async Task Indienen_AfterTheWindowClosed_NamesTheWindowRuleOnce()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t6));
        _host.Clock.SetUtcNow(Amsterdam("2024-02-13 10:00"));

        var response = await _host.SubmitAsync("GM0599", created);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["WBI-TIJDVAK"], await BrokenCodesAsync(response));
    }

    [Fact]
    public async Task BuitenBehandelingStellen_BeforeAnyHerstelverzoek_IsListedAndRefusedWithHerstelNietGeboden()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t6));
        await OkAsync(await _host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();
        var loket = await _host.AsAsync("RVO", "Loket");

        var (listed, fired) = await ListAndFireAsync(loket, id, "buitenBehandelingStellen", new { reason = "Onvolledig.", data = new { verzenddatum = "2024-01-11" } });

        Assert.Equal(["HERSTEL-NIET-GEBODEN"], listed.Codes);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fired.StatusCode);
        Assert.Equal(listed.Codes, await BrokenCodesAsync(fired));
    }

    [Fact]
    public async Task Award_ThroughTheGenericActionAndThroughAward_GiveTheSameCaseDecisionAndLedger()
    {
        var viaAward = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        var viaAction = await _host.ToRankingAsync("GM0363", ApplicationBuilder.Wbi(_t6), Scores.ToDictionary(s => s.Key, s => s.Value - 1));
        var vro = await _host.AsAsync("VRO", "Beoordelaar");
        var start = await CommittedAsync();

        await OkAsync(await _host.ConfirmedAsync(await SendAsync(vro, HttpMethod.Post, $"/api/v1/applications/{viaAward}/award", new { amount = 5_000_000m, sentDate = "2024-03-01", reason = (string?)null }, await _host.VersionAsync(viaAward)), viaAward));
        var afterAward = await CommittedAsync();
        await _host.DecideAsync(vro, viaAction, "toekennen", Award(5_000_000m));
        var afterAction = await CommittedAsync();

        Assert.Equal(5_000_000m, afterAward - start);
        Assert.Equal(5_000_000m, afterAction - afterAward);
        var outcome = await _host.DbAsync(async db => await db.Set<FundingApplication>().Where(a => a.Id == viaAward || a.Id == viaAction)
            .Join(db.Cases, a => a.Id, c => c.Id, (a, c) => new { a.Id, c.State, Awarded = a.AwardedAmount })
            .ToListAsync());
        Assert.All(outcome, o => Assert.Equal(("toegekend", (Money?)new Money(5_000_000m)), (o.State, o.Awarded)));
        var decisions = await _host.DbAsync(db => db.Decisions.Where(d => d.CaseId == viaAward || d.CaseId == viaAction).Select(d => new { d.CaseId, d.BesluitType, d.Verzenddatum }).ToListAsync());
        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(("toekenning", (DateOnly?)new DateOnly(2024, 3, 1)), (d.BesluitType, d.Verzenddatum)));
        var deadlines = await _host.DbAsync(db => db.Deadlines.Where(d => d.CaseId == viaAward || d.CaseId == viaAction).GroupBy(d => d.CaseId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(deadlines[0], deadlines[1]);
    }

    [Fact]
    public async Task Award_SameApplicationRacedThroughAwardAndTheGenericAction_ExactlyOneWinsAndTheMoneyMovesOnce()
    {
        // A second host on the same SQLite file: two processes' writers, as with the PostgreSQL twin of this test.
        await using var second = _host.SecondHost();
        await SameApplicationAwardRace.RunAsync(_host, second);
    }

    private static object Award(decimal amount, string? reason = null) => new { reason, data = new { bedrag = amount, verzenddatum = "2024-03-01" } };

    private sealed record Listed(bool Allowed, IReadOnlyList<string> Codes);

    /// <summary>What the case says of <paramref name="action"/> (its broken rules), then what firing it with <paramref name="body"/> answers.</summary>
    private static async Task<(Listed Listed, HttpResponseMessage Fired)> ListAndFireAsync(HttpClient client, Guid id, string action, object body)
    {
        var current = await OkAsync(await client.GetAsync($"/api/v1/cases/{id}"));
        var offered = current.GetProperty("availableActions").EnumerateArray().Single(a => a.GetProperty("id").GetString() == action);
        var codes = offered.GetProperty("reasons").EnumerateArray()
            .Where(r => r.TryGetProperty("guard", out var guard) && guard.ValueKind == JsonValueKind.String)
            .Select(r => r.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList();
        var listed = new Listed(offered.GetProperty("allowed").GetBoolean(), codes);
        var fired = await SendAsync(client, HttpMethod.Post, $"/api/v1/cases/{id}/actions/{action}", body, current.GetProperty("version").GetInt32());
        return (listed, fired);
    }

    private static async Task<IReadOnlyList<string>> BrokenCodesAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.TryGetProperty("brokenRules", out var rules)
            ? rules.EnumerateArray().Select(r => r.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private async Task<decimal> CommittedAsync() =>
        (await OkAsync(await _host.Anonymous.GetAsync($"/api/v1/tranches/{_t6}"))).GetProperty("tranche").GetProperty("committed").GetDecimal();
}
