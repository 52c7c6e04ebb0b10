using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Casework.Web.Tests.Applications;
using static Casework.Web.Tests.Applications.ApplicationsHost;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// <c>/toekenningen/{id}/betalingen</c> over HTTP: the award's payments and terugvorderingen with their totals, linked
/// from the case, the award and the round; a VRO Beoordelaar records both with the API's commands (the ledger's
/// rules refuse the same way), bad input shows Dutch errors beside the field and changes nothing.
/// </summary>
public sealed partial class PaymentsPageTests : IAsyncLifetime
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _t6;
    private Guid _award;

    public async Task InitializeAsync()
    {
        _t6 = await _host.TrancheIdAsync("Wbi", "T6");
        _award = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        await OkAsync(await _host.AwardConfirmedAsync(await _host.AsUserAsync("vro-beoordelaar"), _award, new { amount = 5_000_000m, sentDate = "2024-06-01", reason = (string?)null }));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string PathOf(Guid id) => $"/toekenningen/{id}/betalingen";

    [Fact]
    public async Task VroReviewer_RecordsAPaymentAndATerugvordering_OnThePage_AndTheApiShowsThem()
    {
        using var vro = await _host.BrowserAsync("vro-beoordelaar");
        var page = await vro.GetStringAsync(PathOf(_award));

        var paid = await vro.PostAsync(PathOf(_award) + "?handler=Betaling", Form(("__RequestVerificationToken", Token(page)), ("Payment.Amount", "1.000.000"), ("Payment.BtwPercentage", "21"), ("Payment.PaidOn", "2024-07-01")));
        var reclaimed = await vro.PostAsync(PathOf(_award) + "?handler=Terugvordering", Form(("__RequestVerificationToken", Token(page)), ("Reclaim.Amount", "100.000,50"), ("Reclaim.Reason", "Minder woningen gebouwd dan toegezegd.")));
        var after = WebUtility.HtmlDecode(await vro.GetStringAsync(PathOf(_award)));
        var api = await OkAsync(await (await _host.AsUserAsync("vro-beoordelaar")).GetAsync($"/api/v1/applications/{_award}/payments"));

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reclaimed.StatusCode);
        var payment = Assert.Single(api.GetProperty("payments").EnumerateArray());
        Assert.Equal(1_000_000m, payment.GetProperty("awardedPortion").GetDecimal());
        Assert.Equal(0.21m, payment.GetProperty("btwCompensatiefondsShare").GetDecimal());
        Assert.Equal(790_000m, payment.GetProperty("paid").GetDecimal());
        Assert.Equal("2024-07-01", payment.GetProperty("paidOnDate").GetString());
        Assert.Equal(100_000.50m, Assert.Single(api.GetProperty("reclaims").EnumerateArray()).GetProperty("amount").GetDecimal());
        Assert.Contains("1 juli 2024", after, StringComparison.Ordinal);
        Assert.Contains("€\u00A01.000.000", after, StringComparison.Ordinal);
        Assert.Contains("21%", after, StringComparison.Ordinal);
        Assert.Contains("€\u00A0790.000", after, StringComparison.Ordinal);
        Assert.Contains("€\u00A0100.000,50", after, StringComparison.Ordinal);
        Assert.Contains("Minder woningen gebouwd dan toegezegd.", after, StringComparison.Ordinal);
        Assert.Contains("Nog uit te betalen", after, StringComparison.Ordinal);
        Assert.Contains("€\u00A04.000.000", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_ShowsDutchErrorsBesideTheFields_AndRecordsNothing()
    {
        using var vro = await _host.BrowserAsync("vro-beoordelaar");
        var page = await vro.GetStringAsync(PathOf(_award));

        var bad = await vro.PostAsync(PathOf(_award) + "?handler=Betaling", Form(("__RequestVerificationToken", Token(page)), ("Payment.Amount", "veel"), ("Payment.BtwPercentage", "120"), ("Payment.PaidOn", string.Empty)));
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        var badReclaim = await vro.PostAsync(PathOf(_award) + "?handler=Terugvordering", Form(("__RequestVerificationToken", Token(page)), ("Reclaim.Amount", "-5"), ("Reclaim.Reason", " ")));
        var reclaimHtml = WebUtility.HtmlDecode(await badReclaim.Content.ReadAsStringAsync());
        var api = await OkAsync(await (await _host.AsUserAsync("vro-beoordelaar")).GetAsync($"/api/v1/applications/{_award}/payments"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Matches("id=\"Payment_Amount-error\"[^>]*>'veel' is geen bedrag", html);
        Assert.Matches("id=\"Payment_BtwPercentage-error\"[^>]*>Vul het aandeel BTW-compensatiefonds in als percentage", html);
        Assert.Matches("id=\"Payment_PaidOn-error\"[^>]*>Vul de datum van de betaling in", html);
        Assert.Contains("type=\"date\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badReclaim.StatusCode);
        Assert.Matches("id=\"Reclaim_Amount-error\"[^>]*>'-5' is geen bedrag", reclaimHtml);
        Assert.Matches("id=\"Reclaim_Reason-error\"[^>]*>Vermeld de reden", reclaimHtml);
        Assert.Empty(api.GetProperty("payments").EnumerateArray());
        Assert.Empty(api.GetProperty("reclaims").EnumerateArray());
    }

    [Fact]
    public async Task PaymentAboveTheAward_OrReclaimAboveWhatWasPaid_ShowsTheBrokenRuleWithItsSource_AndRecordsNothing()
    {
        using var vro = await _host.BrowserAsync("vro-beoordelaar");
        var page = await vro.GetStringAsync(PathOf(_award));

        var tooMuch = await vro.PostAsync(PathOf(_award) + "?handler=Betaling", Form(("__RequestVerificationToken", Token(page)), ("Payment.Amount", "5.000.000,01"), ("Payment.PaidOn", "2024-07-01")));
        var html = WebUtility.HtmlDecode(await tooMuch.Content.ReadAsStringAsync());
        var reclaim = await vro.PostAsync(PathOf(_award) + "?handler=Terugvordering", Form(("__RequestVerificationToken", Token(page)), ("Reclaim.Amount", "1"), ("Reclaim.Reason", "Te veel betaald.")));
        var reclaimHtml = WebUtility.HtmlDecode(await reclaim.Content.ReadAsStringAsync());
        var round = await OkAsync(await _host.Anonymous.GetAsync($"/api/v1/tranches/{_t6}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Contains("BETALING-BOVEN-TOEKENNING", html, StringComparison.Ordinal);
        Assert.Contains("Besluit Woningbouwimpuls 2020 art. 4", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reclaim.StatusCode);
        Assert.Contains("TERUGVORDERING-BOVEN-BETAALD", reclaimHtml, StringComparison.Ordinal);
        Assert.Equal(0m, round.GetProperty("tranche").GetProperty("paid").GetDecimal());
        Assert.Equal(0m, round.GetProperty("tranche").GetProperty("reclaimed").GetDecimal());
    }

    [Fact]
    public async Task Gemeente_SeesTheListWithoutTheForms_AndThePageIsLinkedFromCaseAwardAndRound()
    {
        await OkAsync(await SendAsync(await _host.AsUserAsync("vro-beoordelaar"), HttpMethod.Post, $"/api/v1/applications/{_award}/payments", new { amount = 250_000m, paidOnDate = "2024-07-01" }), HttpStatusCode.Created);
        using var gemeente = await _host.BrowserAsync("rotterdam-aanvrager");
        using var vro = await _host.BrowserAsync("vro-beoordelaar");

        var page = WebUtility.HtmlDecode(await gemeente.GetStringAsync(PathOf(_award)));
        var casePage = await gemeente.GetStringAsync($"/zaken/{_award}");
        var awardPage = await gemeente.GetStringAsync($"/toekenningen/{_award}");
        var roundPage = await vro.GetStringAsync($"/rondes/{_t6}");
        var otherGemeente = await (await _host.BrowserAsync("amsterdam-aanvrager")).GetAsync(PathOf(_award));

        Assert.Contains("€\u00A0250.000", page, StringComparison.Ordinal);
        Assert.Contains("1 juli 2024", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Betaling registreren", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Terugvordering registreren", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PathOf(_award)}\"", casePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PathOf(_award)}\"", awardPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PathOf(_award)}\"", roundPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherGemeente.StatusCode);
    }

    [Fact]
    public async Task EveryScrollingTableRegion_IsFocusableAndNamedAfterItsCaption()
    {
        await OkAsync(await SendAsync(await _host.AsUserAsync("vro-beoordelaar"), HttpMethod.Post, $"/api/v1/applications/{_award}/payments", new { amount = 250_000m, paidOnDate = "2024-07-01" }), HttpStatusCode.Created);
        using var vro = await _host.BrowserAsync("vro-beoordelaar");

        foreach (var path in new[] { PathOf(_award), "/rondes", $"/rondes/{_t6}", "/werkvoorraad", $"/zaken/{_award}" })
        {
            var html = WebUtility.HtmlDecode(await vro.GetStringAsync(path));
            var regions = ScrollRegion().Matches(html);
            Assert.True(regions.Count > 0, $"{path} has no scrolling table region");
            foreach (Match region in regions)
            {
                Assert.Contains("tabindex=\"0\"", region.Value, StringComparison.Ordinal);
                Assert.Contains("role=\"region\"", region.Value, StringComparison.Ordinal);
                Assert.Matches("aria-label=\"Tabel ‘[^’]+’, horizontaal te schuiven\"", region.Value);
            }
        }

        var payments = WebUtility.HtmlDecode(await vro.GetStringAsync(PathOf(_award)));
        Assert.Contains("aria-label=\"Tabel ‘Uitbetalingen, oudste eerst’, horizontaal te schuiven\"", payments, StringComparison.Ordinal);
    }

    [GeneratedRegex("<div class=\"table-scroll\"[^>]*>")]
    private static partial Regex ScrollRegion();
}
