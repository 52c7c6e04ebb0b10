using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Applications;

/// <summary>
/// The vier-ogenprincipe (ADR-016) over HTTP: a besluit fired by one VRO reviewer is a proposal; the proposer cannot
/// confirm it, a colleague can; declining or withdrawing leaves the ledger as it was; a pending proposal blocks the case.
/// </summary>
public sealed class VierOgenTests : IAsyncLifetime
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _t6;

    public async Task InitializeAsync() => _t6 = await _host.TrancheIdAsync("Wbi", "T6");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Toekennen_WhenProposed_IsRefusedToTheProposerCitingTheMandateRuleAndTakesEffectWhenAColleagueConfirms()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        var proposer = await _host.AsUserAsync("vro-beoordelaar");
        var before = await CommittedAsync();

        var proposed = await FireAsync(proposer, id, "toekennen", Award(5_000_000m));
        var afterProposal = await CommittedAsync();
        var own = await SendAsync(proposer, HttpMethod.Post, $"/api/v1/cases/{id}/proposal/confirm", null, proposed.GetProperty("version").GetInt32());
        var colleagueView = await OkAsync(await (await _host.AsUserAsync("vro-beoordelaar-2")).GetAsync($"/api/v1/cases/{id}"));
        var confirmed = await OkAsync(await _host.ConfirmAsync(id));

        Assert.Equal(("rangschikking", "toekennen", "Mohammed Amrani"), (proposed.GetProperty("state").GetString(), proposed.GetProperty("proposal").GetProperty("action").GetString(), proposed.GetProperty("proposal").GetProperty("proposedBy").GetProperty("name").GetString()));
        Assert.False(proposed.GetProperty("proposal").GetProperty("mayConfirm").GetBoolean());
        Assert.True(colleagueView.GetProperty("proposal").GetProperty("mayConfirm").GetBoolean());
        Assert.Equal(before, afterProposal);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        var rule = (await BodyAsync(own)).GetProperty("brokenRules")[0];
        Assert.Equal("VIER-OGEN", rule.GetProperty("code").GetString());
        Assert.Contains("Awb 10:3", rule.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Contains("ontwerpkeuze", rule.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal("toegekend", confirmed.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("proposal").ValueKind);
        Assert.Equal(before + 5_000_000m, await CommittedAsync());
        var decision = await _host.DbAsync(db => db.Decisions.AsNoTracking().SingleAsync(d => d.CaseId == id));
        Assert.Equal(("toekenning", "vro-beoordelaar-2"), (decision.BesluitType, decision.DecidedBy));
        var audit = await _host.DbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.ObjectId == id.ToString()).Select(e => new { e.Action, e.ActorUserId, e.NewValues }).ToListAsync());
        Assert.Contains(audit, e => e.Action == "zaak.voorstel.toekennen" && e.ActorUserId == "vro-beoordelaar");
        Assert.Contains(audit, e => e.Action == "zaak.toekennen" && e.ActorUserId == "vro-beoordelaar-2" && e.NewValues!.Contains("\"voorgesteldDoor\":\"vro-beoordelaar\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Proposal_WhenDeclinedWithoutAReason_Is400_AndWithAReasonLeavesTheLedgerAndTheCaseAsTheyWere()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        var proposer = await _host.AsUserAsync("vro-beoordelaar");
        var colleague = await _host.AsUserAsync("vro-beoordelaar-2");
        var before = await CommittedAsync();
        await FireAsync(proposer, id, "toekennen", Award(5_000_000m));

        var bare = await SendAsync(colleague, HttpMethod.Post, $"/api/v1/cases/{id}/proposal/reject", new { reason = (string?)null }, await _host.VersionAsync(id));
        var declined = await OkAsync(await SendAsync(colleague, HttpMethod.Post, $"/api/v1/cases/{id}/proposal/reject", new { reason = "Eerst de rangschikking herzien." }, await _host.VersionAsync(id)));
        var again = await FireAsync(proposer, id, "gedeeltelijkToekennen", Award(4_000_000m, "gedeeltelijk"));
        var withdrawn = await OkAsync(await SendAsync(proposer, HttpMethod.Post, $"/api/v1/cases/{id}/proposal/reject", null, await _host.VersionAsync(id)));

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.True((await BodyAsync(bare)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(("rangschikking", JsonValueKind.Null), (declined.GetProperty("state").GetString(), declined.GetProperty("proposal").ValueKind));
        Assert.Equal("rangschikking", again.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("proposal").ValueKind);
        Assert.Equal(before, await CommittedAsync());
        Assert.Equal(0, await _host.DbAsync(db => db.Decisions.CountAsync(d => d.CaseId == id)));
        var audit = await _host.DbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.ObjectId == id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains("zaak.voorstel.afgewezen", audit);
        Assert.Contains("zaak.voorstel.ingetrokken", audit);
    }

    [Fact]
    public async Task Proposal_WhilePending_BlocksAnotherBesluitAndAnotherOrganisationCannotConfirm()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        await FireAsync(await _host.AsUserAsync("vro-beoordelaar"), id, "toekennen", Award(5_000_000m));

        var other = await FireRawAsync(await _host.AsUserAsync("vro-beoordelaar-2"), id, "afwijzen", new { reason = "nee", data = new { verzenddatum = "2024-03-01" } });
        var listed = await OkAsync(await (await _host.AsUserAsync("vro-beoordelaar-2")).GetAsync($"/api/v1/cases/{id}"));
        var szw = await SendAsync(await _host.AsAsync("SZW", "Beoordelaar"), HttpMethod.Post, $"/api/v1/cases/{id}/proposal/confirm", null, await _host.VersionAsync(id));

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains((await BodyAsync(other)).GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "proposal-pending");
        Assert.All(listed.GetProperty("availableActions").EnumerateArray(), a => Assert.False(a.GetProperty("allowed").GetBoolean()));
        Assert.True(szw.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"another organisation answered {(int)szw.StatusCode}");
        Assert.Equal("rangschikking", (await OkAsync(await (await _host.AsUserAsync("vro-beoordelaar")).GetAsync($"/api/v1/cases/{id}"))).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Confirmation_WhenTheCeilingWasReachedAfterTheProposal_IsRefusedWithTheCeilingRuleAndChangesNothing()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        await FireAsync(await _host.AsUserAsync("vro-beoordelaar"), id, "toekennen", Award(5_000_000m));
        await _host.SetLedgerAsync(_t6, ceilingCents: 100_000_000_00, committedCents: 97_000_000_00);
        var version = await _host.VersionAsync(id);

        var refused = await _host.ConfirmAsync(id);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("PLAFOND-OVERSCHREDEN", (await BodyAsync(refused)).GetProperty("brokenRules")[0].GetProperty("code").GetString());
        Assert.Equal(97_000_000m, await CommittedAsync());
        Assert.Equal(version, await _host.VersionAsync(id));
        Assert.Equal(0, await _host.DbAsync(db => db.Decisions.CountAsync(d => d.CaseId == id)));
    }

    [Fact]
    public async Task Confirmation_WithoutAPendingProposal_Is409()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);

        var response = await _host.ConfirmAsync(id);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains((await BodyAsync(response)).GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "no-proposal");
    }

    private static object Award(decimal amount, string? reason = null) => new { reason, data = new { bedrag = amount, verzenddatum = "2024-03-01" } };

    private async Task<decimal> CommittedAsync() =>
        (await OkAsync(await _host.Anonymous.GetAsync($"/api/v1/tranches/{_t6}"))).GetProperty("tranche").GetProperty("committed").GetDecimal();
}
