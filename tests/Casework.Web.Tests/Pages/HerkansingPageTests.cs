using System.Net;
using System.Text.Json;
using Casework.Web.Tests.Applications;
using static Casework.Web.Tests.Applications.ApplicationsHost;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// The herkansing on the pages: the gemeente's rejected application offers a herkansing in the open round that allows
/// one (and the new application's form starts as that herkansing); the RVO loket records the link on
/// <c>/zaken/{id}/herkansing</c> with the API's command, bad input shows Dutch errors beside the field and changes nothing.
/// </summary>
public sealed class HerkansingPageTests : IAsyncLifetime
{
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _previous;
    private string _previousReference = string.Empty;
    private Guid _round;

    /// <summary>A T6 application of Rotterdam not admitted; a round opening three weeks after T6 closed (its rule set allows a herkansing within 17 weeks); the clock in that round.</summary>
    public async Task InitializeAsync()
    {
        var t6 = await _host.TrancheIdAsync("Wbi", "T6");
        var previous = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(t6));
        await OkAsync(await _host.SubmitAsync("GM0599", previous));
        _previous = previous.GetProperty("id").GetGuid();
        _previousReference = previous.GetProperty("reference").GetString()!;
        await FireAsync(await _host.AsAsync("RVO", "Loket"), _previous, "verklaarVolledig", null);
        await FireAsync(await _host.AsAsync("VRO", "Beoordelaar"), _previous, "nietToelaten", new { reason = "niet toelaatbaar", data = new { verzenddatum = "2024-01-20" } });
        var announced = await OkAsync(await SendAsync(await _host.AsAsync("VRO", "Beheerder"), HttpMethod.Post, "/api/v1/tranches", new
        {
            basedOnTrancheId = t6,
            name = "T6-herkansing",
            announcedOnDate = "2024-01-15",
            opensAt = Amsterdam("2024-03-04 09:00"),
            closesAt = Amsterdam("2024-03-29 23:59"),
            ceiling = 50_000_000m,
        }), HttpStatusCode.Created);
        _round = announced.GetProperty("tranche").GetProperty("id").GetGuid();
        _host.Clock.SetUtcNow(Amsterdam("2024-03-05 10:00"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RejectedApplication_OffersTheGemeenteAHerkansingInTheOpenRound_AndTheFormStartsAsThatHerkansing()
    {
        using var gemeente = await _host.BrowserAsync("rotterdam-aanvrager");
        using var loket = await _host.BrowserAsync("rvo-loket");

        var casePage = WebUtility.HtmlDecode(await gemeente.GetStringAsync($"/zaken/{_previous}"));
        var href = $"/aanvragen/nieuw?ronde={_round}&herkansing-van={_previousReference}";
        var form = await gemeente.GetStringAsync(href);
        var asLoket = await loket.GetStringAsync($"/zaken/{_previous}");

        Assert.Contains("Herkansing indienen in ronde T6-herkansing", casePage, StringComparison.Ordinal);
        Assert.Contains($"href=\"{href}\"", casePage, StringComparison.Ordinal);
        Assert.Matches("name=\"Input.Herkansing\"[^>]*checked", form);
        Assert.Equal(_previousReference, Value(form, "Input.PreviousApplicationReference"));
        Assert.DoesNotContain("data-testid=\"herkansing-offer\"", asLoket, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loket_RecordsTheLinkOnThePage_AndTheApplicationCarriesIt()
    {
        var herkansing = await HerkansingFiledAsync();
        using var loket = await _host.BrowserAsync("rvo-loket");

        var casePage = await loket.GetStringAsync($"/zaken/{herkansing}");
        var page = await loket.GetStringAsync($"/zaken/{herkansing}/herkansing");
        var posted = await loket.PostAsync($"/zaken/{herkansing}/herkansing", Form(
            ("__RequestVerificationToken", Token(page)), ("Input.Version", Value(page, "Input.Version")), ("Input.Previous", _previous.ToString()), ("Input.SameProject", "ja"), ("Input.Reason", "Zelfde bouwlocatie.")));
        var application = await OkAsync(await (await _host.AsAsync("VRO", "Beoordelaar")).GetAsync($"/api/v1/applications/{herkansing}"));

        Assert.Contains($"href=\"/zaken/{herkansing}/herkansing\"", casePage, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{_previous}\" selected>{_previousReference}", page, StringComparison.Ordinal); // the one the gemeente named
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(_previous, application.GetProperty("herkansingOfApplicationId").GetGuid());
        Assert.True(application.GetProperty("herkansingSameProject").GetBoolean());
    }

    [Fact]
    public async Task BadInputOrAStaleVersion_ShowsDutchErrors_AndRecordsNothing()
    {
        var herkansing = await HerkansingFiledAsync();
        using var loket = await _host.BrowserAsync("rvo-loket");
        var page = await loket.GetStringAsync($"/zaken/{herkansing}/herkansing");
        var version = int.Parse(Value(page, "Input.Version"), System.Globalization.CultureInfo.InvariantCulture);

        var empty = await loket.PostAsync($"/zaken/{herkansing}/herkansing", Form(("__RequestVerificationToken", Token(page)), ("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Previous", string.Empty), ("Input.SameProject", string.Empty)));
        var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        var stale = await loket.PostAsync($"/zaken/{herkansing}/herkansing", Form(("__RequestVerificationToken", Token(page)), ("Input.Version", (version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Previous", _previous.ToString()), ("Input.SameProject", "ja")));
        var application = await OkAsync(await (await _host.AsAsync("VRO", "Beoordelaar")).GetAsync($"/api/v1/applications/{herkansing}"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Matches("id=\"Input_Previous-error\"[^>]*>Kies de eerdere aanvraag", html);
        Assert.Matches("id=\"Input_SameProject-error\"[^>]*>Geef aan of het hetzelfde project is", html);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(JsonValueKind.Null, application.GetProperty("herkansingOfApplicationId").ValueKind);
        Assert.Equal(JsonValueKind.Null, application.GetProperty("herkansingSameProject").ValueKind);
    }

    [Fact]
    public async Task TheGemeente_GetsTheDeniedPage()
    {
        var herkansing = await HerkansingFiledAsync();
        using var gemeente = await _host.BrowserAsync("rotterdam-aanvrager");

        var response = await gemeente.GetAsync($"/zaken/{herkansing}/herkansing");
        var casePage = await gemeente.GetStringAsync($"/zaken/{herkansing}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"herkansing-link\"", casePage, StringComparison.Ordinal);
    }

    /// <summary>The herkansing filed by Rotterdam in the new round, naming the earlier application, and declared complete.</summary>
    private async Task<Guid> HerkansingFiledAsync()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_round).With(a =>
        {
            a.Start = new DateOnly(2026, 1, 1);
            a.Herkansing = true;
            a.PreviousApplicationReference = _previousReference;
        }));
        await OkAsync(await _host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();
        await FireAsync(await _host.AsAsync("RVO", "Loket"), id, "verklaarVolledig", null);
        return id;
    }
}
