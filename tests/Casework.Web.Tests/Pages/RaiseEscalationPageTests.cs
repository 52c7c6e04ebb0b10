using System.Net;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// The pages that raise a knelpunt and a vastloper, over HTTP: who gets the menu entry and the form, the validator's
/// errors beside their fields with nothing written, and a raised case that opens at its case page.
/// </summary>
public sealed class RaiseEscalationPageTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task RaiseKnelpunt_ByGemeente_WithoutTitleAndWithBadBwbId_Returns400WithErrorsBesideTheFieldsAndRaisesNothing()
    {
        using var client = await BrowserAsync(_factory, "rotterdam-aanvrager");
        var form = await client.GetStringAsync("/knelpunten/nieuw");
        var before = await KnelpuntCountAsync();

        var response = await client.PostAsync("/knelpunten/nieuw", Form(
            ("__RequestVerificationToken", Token(form)),
            ("Input.Titel", string.Empty),
            ("Input.Omschrijving", "Jongeren vallen tussen wal en schip."),
            ("Input.WetNaam", "Participatiewet"),
            ("Input.BwbId", "12345")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Input_Titel\">Geef een titel.</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_BwbId-error\">Het BWB-id heeft de vorm BWBR0005537 (zie wetten.overheid.nl).</div>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_BwbId\" name=\"Input.BwbId\" aria-describedby=\"Input_BwbId-hint Input_BwbId-error\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("Jongeren vallen tussen wal en schip.", html, StringComparison.Ordinal); // what was typed stays
        Assert.Equal(before, await KnelpuntCountAsync());
    }

    [Fact]
    public async Task RaiseKnelpunt_ByGemeente_RaisesItForTriageAndOpensTheCasePage()
    {
        using var client = await BrowserAsync(_factory, "rotterdam-aanvrager");
        var form = await client.GetStringAsync("/knelpunten/nieuw");
        Assert.Contains("<a class=\"site-nav__link\" href=\"/knelpunten/nieuw\" aria-current=\"page\">Knelpunt melden</a>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/vastlopers/nieuw\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"werk-en-inkomen\">Werk en inkomen</option>", form, StringComparison.Ordinal);

        var response = await client.PostAsync("/knelpunten/nieuw", Form(
            ("__RequestVerificationToken", Token(form)),
            ("Input.Titel", "Kostendelersnorm blokkeert schuldhulp"),
            ("Input.Omschrijving", "Inwoners die een woning delen verliezen hun toeslag."),
            ("Input.Domein", "schulden"),
            ("Input.WetNaam", "Participatiewet"),
            ("Input.BwbId", "bwbr0015703"),
            ("Input.Artikel", "22a"),
            ("Input.Focusgebieden", "rotterdam-zuid"),
            ("Input.VoorgesteldeOplossing", "Kostendelersnorm niet toepassen tijdens schuldhulp.")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/zaken/[0-9a-f-]{36}$", location);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(location));
        Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Kostendelersnorm blokkeert schuldhulp</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Het knelpunt is gemeld als zaak", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://wetten.overheid.nl/BWBR0015703\" rel=\"noopener\">Participatiewet</a>", page, StringComparison.Ordinal);
        Assert.Contains("Schulden en armoede", page, StringComparison.Ordinal);
        Assert.Contains(">gemeente Rotterdam</dd>", page, StringComparison.Ordinal); // the gemeente by name, never its code
        using var sbsd = await _factory.SignInAsync("sbsd-secretaris");
        var raised = await sbsd.GetCaseAsync(Guid.Parse(location["/zaken/".Length..]));
        Assert.Equal("ingediend", raised.GetProperty("state").GetString());
        Assert.Equal("SBSD", raised.GetProperty("routedTo").GetString());
    }

    [Theory]
    [InlineData("rvo-loket")]
    [InlineData("commissie-wbi")]
    [InlineData("beheerder")]
    public async Task RaiseKnelpunt_ForSomeoneWhoMayNotRaiseOne_HasNoMenuEntryAndAnswers403InDutchAndRaisesNothing(string user)
    {
        using var client = await BrowserAsync(_factory, user);
        var home = await client.GetStringAsync("/");
        var before = await KnelpuntCountAsync();

        var page = await client.GetAsync("/knelpunten/nieuw");
        var post = await client.PostAsync("/knelpunten/nieuw", Form(
            ("__RequestVerificationToken", Token(home)), ("Input.Titel", "Niet van mij"), ("Input.Omschrijving", "x"), ("Input.WetNaam", "Participatiewet")));

        Assert.DoesNotContain("href=\"/knelpunten/nieuw\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/vastlopers/nieuw\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Geen toegang</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Een knelpunt melden kan een gemeente, het secretariaat van een alliantie of een departement.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await KnelpuntCountAsync());
    }

    [Theory]
    [InlineData("alliantie-rotterdam-zuid")]
    [InlineData("vro-beoordelaar")]
    public async Task KnelpuntMenuEntry_ForAllianceAndDepartment_IsOffered(string user)
    {
        using var client = await BrowserAsync(_factory, user);

        var home = await client.GetStringAsync("/");
        var form = await client.GetAsync("/knelpunten/nieuw");

        Assert.Contains("href=\"/knelpunten/nieuw\">Knelpunt melden</a>", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task RaiseVastloper_ByAlliance_WithAnImpossibleDate_Returns400BesideTheField_ThenRaisesAndForwardsIt()
    {
        using var client = await BrowserAsync(_factory, "alliantie-rotterdam-zuid");
        var form = WebUtility.HtmlDecode(await client.GetStringAsync("/vastlopers/nieuw"));
        Assert.Contains("<a class=\"site-nav__link\" href=\"/vastlopers/nieuw\" aria-current=\"page\">Vastloper melden</a>", form, StringComparison.Ordinal);
        Assert.Contains("Focusgebied: <strong>Rotterdam-Zuid</strong>", form, StringComparison.Ordinal);
        var before = await CountAsync("vastloper");

        var refused = await client.PostAsync("/vastlopers/nieuw", Form(
            ("__RequestVerificationToken", Token(form)),
            ("Input.Titel", "Geen nachtopvang voor jongeren"),
            ("Input.Omschrijving", "Jongeren van 18 tot 23 vinden geen plek."),
            ("Input.Focusgebied", "rotterdam-zuid"),
            ("Input.BesprokenInOverleg", "31-02-2027")));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var raised = await client.PostAsync("/vastlopers/nieuw", Form(
            ("__RequestVerificationToken", Token(form)),
            ("Input.Titel", "Geen nachtopvang voor jongeren"),
            ("Input.Omschrijving", "Jongeren van 18 tot 23 vinden geen plek."),
            ("Input.Focusgebied", "rotterdam-zuid"),
            ("Input.BesprokenInOverleg", "14-1-2027")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Input_BesprokenInOverleg\">'31-02-2027' is geen datum. Schrijf dag-maand-jaar, bijvoorbeeld 14-01-2027.</a>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_BesprokenInOverleg\" name=\"Input.BesprokenInOverleg\" aria-describedby=\"Input_BesprokenInOverleg-hint Input_BesprokenInOverleg-error\" aria-invalid=\"true\"", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Equal(before + 1, await CountAsync("vastloper"));
        var location = raised.Headers.Location!.OriginalString;
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(location));
        Assert.Contains("<h1 class=\"nl-heading nl-heading--level-1\">Geen nachtopvang voor jongeren</h1>", page, StringComparison.Ordinal);
        Assert.Contains("14 januari 2027", page, StringComparison.Ordinal);
        Assert.Contains("De vastloper is gemeld als zaak", page, StringComparison.Ordinal);
        using var alliance = await _factory.SignInAsync("alliantie-rotterdam-zuid");
        var @case = await alliance.GetCaseAsync(Guid.Parse(location["/zaken/".Length..]));
        Assert.Equal("inBehandeling", @case.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("rotterdam-aanvrager")]
    [InlineData("sbsd-secretaris")]
    [InlineData("vro-beoordelaar")]
    public async Task RaiseVastloper_ForSomeoneWhoIsNoAllianceSecretariat_HasNoMenuEntryAndAnswers403InDutch(string user)
    {
        using var client = await BrowserAsync(_factory, user);

        var home = await client.GetStringAsync("/");
        var page = await client.GetAsync("/vastlopers/nieuw");

        Assert.DoesNotContain("href=\"/vastlopers/nieuw\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Een vastloper melden kan het secretariaat van een alliantie", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private Task<int> KnelpuntCountAsync() => CountAsync("knelpunt");

    private async Task<int> CountAsync(string type)
    {
        await using var scope = _factory.CreateScope();
        return await CaseworkWebFactory.Db(scope).Cases.CountAsync(c => c.CaseType == type);
    }
}
