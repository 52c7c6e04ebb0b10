using System.Net;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// What a person meets off the happy path: an unknown or invisible page is a Dutch page, not JSON (the API keeps its
/// ProblemDetails), and every role has a start in the menu that does not send it round in a circle of 403s.
/// </summary>
public sealed class ErrorAndNavigationPageTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();
    private Guid _round;

    public async Task InitializeAsync() => _round = await OpenWbiRoundAsync(_factory, UniqueRoundName("EN"));

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/bestaat-niet")]
    [InlineData("/zaken/not-a-guid")]
    public async Task UnknownPage_SignedInOrNot_IsADutchHtmlPageWith404(string path)
    {
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await BrowserAsync(_factory, "rotterdam-aanvrager");

        foreach (var client in new[] { anonymous, signedIn })
        {
            var response = await client.GetAsync(path);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Pagina niet gevonden</h1>", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnotherGemeentesCasePage_IsTheSame404PageAsAMissingOne_AndShowsNothingOfIt()
    {
        var amsterdams = await CreateDraftAsync(_factory, "amsterdam-aanvrager", WbiApplication(_round, "Amstelkwartier"));
        using var rotterdam = await BrowserAsync(_factory, "rotterdam-aanvrager");

        var foreign = await rotterdam.GetAsync($"/zaken/{amsterdams}");
        var missing = await rotterdam.GetAsync($"/zaken/{Guid.NewGuid()}");
        var html = WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Pagina niet gevonden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Amstelkwartier", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\":", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiPath_StaysProblemDetails()
    {
        using var api = await ApiAsync(_factory, "rotterdam-aanvrager");

        var response = await api.GetAsync($"/api/v1/cases/{Guid.NewGuid()}");
        var unknown = await api.GetAsync("/api/v1/bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ErrorPage_AskedForDirectly_IsNotFound()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/fout");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Secretaries and the Auditor were sent from Mijn zaken to the werkvoorraad and back, each a 403.</summary>
    [Theory]
    [InlineData("sbsd-secretaris")]
    [InlineData("brsd-secretaris")]
    [InlineData("alliantie-rotterdam-zuid")]
    [InlineData("auditor")]
    [InlineData("szw-beoordelaar")]
    public async Task EveryNonGemeenteRole_HasTheWerkvoorraadInItsMenu_AndItOpens(string user)
    {
        using var browser = await BrowserAsync(_factory, user);

        var start = WebUtility.HtmlDecode(await browser.GetStringAsync("/"));
        var queue = await browser.GetAsync("/werkvoorraad");
        var mine = WebUtility.HtmlDecode(await (await browser.GetAsync("/mijn-zaken")).Content.ReadAsStringAsync());

        Assert.Contains("href=\"/werkvoorraad\"", start, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("Uw werk staat in de werkvoorraad.", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auditor_MenuHasTheWorkQueueEscalationsAndMeetings_AndTheyOpen()
    {
        using var auditor = await BrowserAsync(_factory, "auditor");

        var start = WebUtility.HtmlDecode(await auditor.GetStringAsync("/"));

        foreach (var href in new[] { "/werkvoorraad", "/rondes", "/escalaties", "/vergaderingen" })
        {
            Assert.Contains($"href=\"{href}\"", start, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(href)).StatusCode);
        }
    }
}
