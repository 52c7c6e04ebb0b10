using System.Net;
using System.Text.Json;
using Casework.Web.Tests.Applications;
using static Casework.Web.Tests.Applications.ApplicationsHost;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// <c>/rondes/{id}/toewijzing</c> over HTTP: a VRO reviewer sees the allocation in ranking order and runs it (each
/// besluit through the one gate; under the vier-ogenprincipe each is a proposal and no money moves), a colleague
/// confirms them in ranking order (then the money is committed); bad input changes nothing; only VRO reviewers get in.
/// </summary>
public sealed class AllocationBatchPageTests : IAsyncLifetime
{
    private static readonly Dictionary<string, decimal> High = new() { ["noodzaak"] = 9m, ["effectiviteit"] = 9m, ["efficientie"] = 9m, ["urgentie"] = 9m };
    private static readonly Dictionary<string, decimal> Low = new() { ["noodzaak"] = 7m, ["effectiviteit"] = 7m, ["efficientie"] = 7m, ["urgentie"] = 7m };
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _t6;
    private Guid _first;
    private Guid _second;

    /// <summary>Two applications of 5 million in T6, scored apart; 8 million left under the ceiling: the first in full, the second partly.</summary>
    public async Task InitializeAsync()
    {
        _t6 = await _host.TrancheIdAsync("Wbi", "T6");
        _first = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), High);
        _second = await _host.ToRankingAsync("GM0363", ApplicationBuilder.Wbi(_t6).With(a => a.ProjectName = "Buiksloterham"), Low);
        await _host.SetLedgerAsync(_t6, 8_000_000_00L, 0L);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Path => $"/rondes/{_t6}/toewijzing";

    [Fact]
    public async Task Run_ProposesEachBesluitInRankingOrder_AndAColleagueConfirmsThem_ThenTheMoneyIsCommitted()
    {
        using var vro = await _host.BrowserAsync("vro-beoordelaar");
        using var colleague = await _host.BrowserAsync("vro-beoordelaar-2");
        var roundPage = await vro.GetStringAsync($"/rondes/{_t6}");
        var page = WebUtility.HtmlDecode(await vro.GetStringAsync(Path));

        var run = await vro.PostAsync(Path + "?handler=Uitvoeren", Form(("__RequestVerificationToken", Token(page)), ("Input.SentDate", "2024-01-12"), ("Input.Reason", string.Empty)));
        var afterRun = WebUtility.HtmlDecode(await vro.GetStringAsync(Path));
        var firstProposed = await ApplicationAsync(_first);
        var secondProposed = await ApplicationAsync(_second);
        var committedBefore = await CommittedAsync();
        var colleaguePage = WebUtility.HtmlDecode(await colleague.GetStringAsync(Path));
        var confirm = await colleague.PostAsync(Path + "?handler=Bevestigen", Form(("__RequestVerificationToken", Token(colleaguePage))));
        var first = await ApplicationAsync(_first);
        var second = await ApplicationAsync(_second);

        Assert.Contains($"href=\"{Path}\"", roundPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"allocation-proposal\"", page, StringComparison.Ordinal);
        Assert.Contains("Gedeeltelijk toekennen", page, StringComparison.Ordinal);
        Assert.Contains("€\u00A03.000.000", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        Assert.Equal("toekennen", firstProposed.GetProperty("proposedDecision").GetString());
        Assert.Equal("gedeeltelijkToekennen", secondProposed.GetProperty("proposedDecision").GetString());
        Assert.Equal(JsonValueKind.Null, firstProposed.GetProperty("awardedAmount").ValueKind);
        Assert.Equal(0m, committedBefore); // a proposal moves no money
        Assert.Contains("U hebt deze besluiten zelf voorgesteld", afterRun, StringComparison.Ordinal);
        Assert.Contains("2 besluiten bevestigen", colleaguePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(5_000_000m, first.GetProperty("awardedAmount").GetDecimal());
        Assert.Equal(3_000_000m, second.GetProperty("awardedAmount").GetDecimal());
        Assert.Equal(8_000_000m, await CommittedAsync());
    }

    [Fact]
    public async Task Run_WithoutASentDate_ShowsTheErrorBesideTheField_AndProposesNothing()
    {
        using var vro = await _host.BrowserAsync("vro-beoordelaar");
        var page = await vro.GetStringAsync(Path);

        var refused = await vro.PostAsync(Path + "?handler=Uitvoeren", Form(("__RequestVerificationToken", Token(page)), ("Input.SentDate", string.Empty)));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Matches("id=\"Input_SentDate-error\"[^>]*>Vul de verzenddatum van de besluiten in", html);
        Assert.Equal(JsonValueKind.Null, (await ApplicationAsync(_first)).GetProperty("proposedDecision").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await ApplicationAsync(_second)).GetProperty("proposedDecision").ValueKind);
    }

    [Theory]
    [InlineData("rvo-loket")]
    [InlineData("rotterdam-aanvrager")]
    public async Task OtherRoles_GetTheDeniedPage(string user)
    {
        using var client = await _host.BrowserAsync(user);

        var response = await client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("voor de beoordelaars van VRO", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private async Task<JsonElement> ApplicationAsync(Guid id) =>
        await OkAsync(await (await _host.AsAsync("VRO", "Beoordelaar")).GetAsync($"/api/v1/applications/{id}"));

    private async Task<decimal> CommittedAsync() =>
        (await OkAsync(await _host.Anonymous.GetAsync($"/api/v1/tranches/{_t6}"))).GetProperty("tranche").GetProperty("committed").GetDecimal();
}
