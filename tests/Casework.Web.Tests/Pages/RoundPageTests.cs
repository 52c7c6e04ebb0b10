using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Tests.Applications;
using static Casework.Web.Tests.Applications.ApplicationsHost;
using static Casework.Web.Tests.Pages.SecretarySetup;

namespace Casework.Web.Tests.Pages;

/// <summary>The round pages over HTTP: the list, the budget as meters and figures, the ranking only for the ministry side, the allocation proposal.</summary>
public sealed class RoundPageTests : IAsyncLifetime
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _t6;

    public async Task InitializeAsync() => _t6 = await _host.TrancheIdAsync("Wbi", "T6");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Rounds_ForGemeente_ListsSeededRoundsWithWindowAndCeiling()
    {
        using var client = await PageClientAsync(PageClient, "rotterdam-aanvrager");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/rondes"));

        Assert.Contains($"href=\"/rondes/{_t6}\"", html, StringComparison.Ordinal);
        Assert.Contains("Woningbouwimpuls", html, StringComparison.Ordinal);
        Assert.Contains("€\u00A0300.000.000", html, StringComparison.Ordinal); // T6 ceiling, nl-NL
        Assert.Contains("18 december 2023", html, StringComparison.Ordinal); // T6 opens
    }

    [Fact]
    public async Task Round_ForReviewer_ShowsMetersFiguresRulesAndTheRanking()
    {
        var a = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        await _host.SetLedgerAsync(_t6, 300_000_000_00L, 75_000_000_00L);
        using var client = await PageClientAsync(PageClient, "vro-beoordelaar");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/rondes/{_t6}"));

        Assert.Matches("<meter id=\"budget-verplicht\"[^>]* max=\"300000000\"[^>]* value=\"75000000\"", html);
        Assert.Contains("<label class=\"budget-bar__label\" for=\"budget-verplicht\">", html, StringComparison.Ordinal);
        Assert.Contains("verplicht €\u00A075.000.000 (25%)", html, StringComparison.Ordinal);
        Assert.Contains("nog beschikbaar €\u00A0225.000.000", html, StringComparison.Ordinal);
        Assert.Contains("Minimum aantal woningen", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/zaken/{a}\"", html, StringComparison.Ordinal);
        Assert.Contains("Rotterdam", html, StringComparison.Ordinal);
        Assert.Contains("Positief", html, StringComparison.Ordinal);
        Assert.Contains("Voorstel berekenen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);

        // The seeded round's notes are shown in Dutch (tranches.csv keeps the source's English beside them).
        Assert.Contains("EUR 20.000.000 voorrang voor studentenhuisvesting", html, StringComparison.Ordinal);
        Assert.DoesNotContain("student housing", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_ForGemeente_HidesTheRanking()
    {
        var a = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        using var client = await PageClientAsync(PageClient, "amsterdam-aanvrager");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/rondes/{_t6}"));

        Assert.Contains("budget-verplicht", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rangschikking", html, StringComparison.Ordinal);
        Assert.DoesNotContain(a.ToString(), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_WhenUnknown_Returns404()
    {
        using var client = await PageClientAsync(PageClient, "vro-beoordelaar");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/rondes/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Voorstel_WithHtmxAsVroReviewer_ReturnsThePartialWithTheProposal()
    {
        var a = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        using var client = await PageClientAsync(PageClient, "vro-beoordelaar");
        var page = await client.GetStringAsync($"/rondes/{_t6}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/rondes/{_t6}?handler=Voorstel") { Content = Form(("__RequestVerificationToken", Token(page))) };
        request.Headers.Add("HX-Request", "true");

        var response = await client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("Voorstel berekend: 1 van 1 aanvragen krijgen samen €\u00A05.000.000.", html, StringComparison.Ordinal);
        Assert.Contains("Toekennen", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"muted\">gemeente Rotterdam</span>", html, StringComparison.Ordinal); // the gemeente by name, not its CBS code
        Assert.DoesNotContain("GM0599", html, StringComparison.Ordinal);
        using var vro = await _host.AsAsync("VRO", "Beoordelaar");
        var ranking = (await vro.GetFromJsonAsync<JsonElement>($"/api/v1/tranches/{_t6}")).GetProperty("ranking");
        Assert.Equal(JsonValueKind.Null, Assert.Single(ranking.EnumerateArray()).GetProperty("awardedAmount").ValueKind); // a proposal writes nothing
        Assert.Equal(a, Assert.Single(ranking.EnumerateArray()).GetProperty("applicationId").GetGuid());
    }

    [Fact]
    public async Task Voorstel_ByNonVroUser_ShowsTheRefusalAsAnErrorMessage()
    {
        using var client = await PageClientAsync(PageClient, SbsdSecretary);
        var page = await client.GetStringAsync($"/rondes/{_t6}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/rondes/{_t6}?handler=Voorstel") { Content = Form(("__RequestVerificationToken", Token(page))) };
        request.Headers.Add("HX-Request", "true");

        var response = await client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("utrecht-alert--error", html, StringComparison.Ordinal);
        Assert.Contains("Het voorstel kon niet worden berekend: Alleen een beoordelaar van het ministerie van VRO mag dit.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordenen_TwoApplicationsWithTheSameTotal_AVroReviewerChoosesTheirPlaces()
    {
        var a = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        var b = await _host.ToRankingAsync("GM0363", ApplicationBuilder.Wbi(_t6), Scores);
        using var client = await PageClientAsync(PageClient, "vro-beoordelaar");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/rondes/{_t6}"));
        Assert.Contains("<legend class=\"utrecht-form-fieldset__legend\">Gelijk met totaalscore 7,65</legend>", page, StringComparison.Ordinal);
        Assert.Contains($"<select class=\"utrecht-select utrecht-select--html-select\" id=\"plaats_{a}\" name=\"plaats[{a}]\"", page, StringComparison.Ordinal);

        var twice = await client.PostAsync($"/rondes/{_t6}?handler=Ordenen", Form(("__RequestVerificationToken", Token(page)), ($"plaats[{a}]", "1"), ($"plaats[{b}]", "1")));
        var refused = WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync());
        var ordered = await client.PostAsync($"/rondes/{_t6}?handler=Ordenen", Form(("__RequestVerificationToken", Token(page)), ($"plaats[{a}]", "2"), ($"plaats[{b}]", "1")));

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains($"<a class=\"utrecht-link\" href=\"#plaats_{a}\">Plaats 1 is meer dan eens gekozen;", refused, StringComparison.Ordinal);
        // This client follows the Post/Redirect/Get redirect: the answer is the round page again, by GET.
        Assert.Equal((HttpStatusCode.OK, HttpMethod.Get, $"/rondes/{_t6}"), (ordered.StatusCode, ordered.RequestMessage!.Method, ordered.RequestMessage.RequestUri!.AbsolutePath));
        var after = WebUtility.HtmlDecode(await ordered.Content.ReadAsStringAsync());
        Assert.Contains("De volgorde van de aanvragen met een gelijke score is vastgelegd.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Ordenen", after, StringComparison.Ordinal);
        using var vro = await _host.AsAsync("VRO", "Beoordelaar");
        var ranking = (await vro.GetFromJsonAsync<JsonElement>($"/api/v1/tranches/{_t6}")).GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal([b, a], ranking.Select(r => r.GetProperty("applicationId").GetGuid()));
        Assert.All(ranking, r => Assert.False(r.GetProperty("tieUnresolved").GetBoolean()));
    }

    [Fact]
    public async Task Ordenen_IsNotOfferedToWhoMayNotOrder()
    {
        await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        await _host.ToRankingAsync("GM0363", ApplicationBuilder.Wbi(_t6), Scores);
        using var client = await PageClientAsync(PageClient, SbsdSecretary);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/rondes/{_t6}"));

        Assert.Contains("Gelijk, nog te ordenen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Ordenen", page, StringComparison.Ordinal);
    }

    private HttpClient PageClient()
    {
        var client = _host.Anonymous;
        return client;
    }
}
