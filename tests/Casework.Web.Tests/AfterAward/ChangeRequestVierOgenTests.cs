using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.AfterAward;

/// <summary>Wijzigingsverzoek v2: the besluiten on a change follow the vier-ogenprincipe; a request opened on v1 keeps deciding in one step.</summary>
public sealed class ChangeRequestVierOgenTests : IAsyncLifetime
{
    private readonly AfterAwardHost _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NewChangeRequest_IsOnV2_ApprovalOnlyProposes_AndTakesEffectWhenAColleagueConfirms()
    {
        var id = await _app.AwardedAsync();
        var changeId = await RequestLowerAmountAsync(id);
        var before = await _app.LedgerAsync();
        var proposer = await _app.Host.AsUserAsync("vro-beoordelaar");

        var proposed = await FireAsync(proposer, changeId, "goedkeuren", new { data = new { verzenddatum = "2024-02-01" } });
        var afterProposal = await _app.AfterAwardAsync(id);
        var selfConfirm = await _app.ConfirmCaseAsync(changeId, "vro-beoordelaar");
        var confirmed = await OkAsync(await _app.ConfirmCaseAsync(changeId));

        var change = await OkAsync(await _app.Vro.GetAsync($"/api/v1/cases/{changeId}"));
        Assert.Equal(2, change.GetProperty("definition").GetProperty("version").GetInt32());
        Assert.Equal("ingediend", proposed.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Object, proposed.GetProperty("proposal").ValueKind);
        Assert.Equal(1, afterProposal.GetProperty("conditions").GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, selfConfirm.StatusCode);
        Assert.Equal("gewijzigd", confirmed.GetProperty("state").GetString());
        var award = await _app.AfterAwardAsync(id);
        Assert.Equal(2, award.GetProperty("conditions").GetProperty("version").GetInt32());
        Assert.Equal(4_000_000m, award.GetProperty("conditions").GetProperty("amount").GetDecimal());
        Assert.Equal(before.Committed.Euros - 1_000_000m, (await _app.LedgerAsync()).Committed.Euros);
        await _app.AssertLedgerMatchesRowsAsync();
    }

    [Fact]
    public async Task ChangeRequestOpenedOnV1_KeepsV1_AndIsDecidedInOneStep()
    {
        var id = await _app.AwardedAsync();
        var changeId = await RequestLowerAmountAsync(id);

        // A request opened before v2 was published is pinned to v1: its definition version is what the engine reads.
        await _app.Host.DbAsync(db => db.Cases.Where(c => c.Id == changeId).ExecuteUpdateAsync(s => s.SetProperty(c => c.DefinitionVersion, 1)));
        var decided = await FireAsync(_app.Vro, changeId, "goedkeuren", new { data = new { verzenddatum = "2024-02-01" } });

        Assert.Equal("gewijzigd", decided.GetProperty("state").GetString());
        Assert.Equal(1, decided.GetProperty("definition").GetProperty("version").GetInt32());
        Assert.Equal(2, (await _app.AfterAwardAsync(id)).GetProperty("conditions").GetProperty("version").GetInt32());
        await _app.AssertLedgerMatchesRowsAsync();
    }

    private async Task<Guid> RequestLowerAmountAsync(Guid id)
    {
        var created = await OkAsync(await AfterAwardHost.PostAsync(_app.Gemeente, $"/api/v1/applications/{id}/change-requests",
            new { amount = 4_000_000m, reason = "minder woningen door een nieuw bestemmingsplan" }), HttpStatusCode.Created);
        return created.GetProperty("caseId").GetGuid();
    }
}
