using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Domain.Time;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// The Beheerder's round pages over HTTP: announcing a round on an earlier round's rules (then open to gemeenten),
/// changing its ceiling and opening it, each through the API's command, with errors beside the fields and nothing
/// written; nobody else gets the links or the pages.
/// </summary>
public sealed class RoundAdministrationPageTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private DateOnly Today => AmsterdamClock.Today(_factory.Services.GetRequiredService<TimeProvider>());

    private static string Dutch(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Announce_WithoutNameAndWithAnUnreadableCeiling_Returns400BesideTheFieldsAndAnnouncesNothing()
    {
        using var beheerder = await BrowserAsync(_factory, "beheerder");
        var form = await beheerder.GetStringAsync("/rondes/nieuw");
        var before = await RoundCountAsync();

        var response = await beheerder.PostAsync("/rondes/nieuw", Form(
            ("__RequestVerificationToken", Token(form)),
            ("Input.BasedOn", (await RoundIdAsync("T6")).ToString()),
            ("Input.Name", string.Empty),
            ("Input.Ceiling", "veel")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var unnamed = await beheerder.PostAsync("/rondes/nieuw", Form(
            ("__RequestVerificationToken", Token(form)),
            ("Input.BasedOn", (await RoundIdAsync("T6")).ToString()),
            ("Input.Name", "met spatie"),
            ("Input.Ceiling", "100.000.000")));
        var unnamedHtml = WebUtility.HtmlDecode(await unnamed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Input_Ceiling\">'veel' is geen bedrag. Schrijf bijvoorbeeld 300.000.000 of 1250000,50.</a>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Input_Name\">Geef de ronde een naam van ten hoogste 32 letters, cijfers of streepjes, bijvoorbeeld T7.</a>", unnamedHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Name\" name=\"Input.Name\" aria-describedby=\"Input_Name-hint Input_Name-error\" aria-invalid=\"true\"", unnamedHtml, StringComparison.Ordinal);
        Assert.Equal(before, await RoundCountAsync());
    }

    [Fact]
    public async Task Announce_OnT6Rules_OpensTheRoundForGemeenten()
    {
        var name = UniqueRoundName("PG");
        using var beheerder = await BrowserAsync(_factory, "beheerder");
        var rounds = await beheerder.GetStringAsync("/rondes");
        Assert.Contains("href=\"/rondes/nieuw\">Nieuwe ronde aankondigen</a>", rounds, StringComparison.Ordinal);
        var form = await beheerder.GetStringAsync("/rondes/nieuw");

        var response = await beheerder.PostAsync("/rondes/nieuw", Form(
            ("__RequestVerificationToken", Token(form)),
            ("Input.BasedOn", (await RoundIdAsync("T6")).ToString()),
            ("Input.Name", name),
            ("Input.AnnouncedOn", Dutch(Today.AddDays(-60))),
            ("Input.OpensOn", Dutch(Today)),
            ("Input.OpensAtTime", "00:00"),
            ("Input.ClosesOn", Dutch(Today.AddDays(30))),
            ("Input.ClosesAtTime", "17:00"),
            ("Input.Ceiling", "150.000.000")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await beheerder.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains($"De ronde {name} is aangekondigd met een plafond van €\u00A0150.000.000.", page, StringComparison.Ordinal);
        using var gemeente = await BrowserAsync(_factory, "amsterdam-aanvrager");
        var open = WebUtility.HtmlDecode(await gemeente.GetStringAsync("/aanvragen/nieuw"));
        Assert.Contains($"Aanvraag opstellen<span class=\"rhc-visually-hidden\"> voor Woningbouwimpuls {name}</span>", open, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeCeiling_WithoutReason_Returns400BesideTheField_WithReason_ChangesItThroughTheLedger()
    {
        var round = await OpenWbiRoundAsync(_factory, UniqueRoundName("PL"));
        using var beheerder = await BrowserAsync(_factory, "beheerder");
        var roundPage = await beheerder.GetStringAsync($"/rondes/{round}");
        Assert.Contains($"href=\"/rondes/{round}/beheer\">Plafond en tijdvak beheren</a>", roundPage, StringComparison.Ordinal);
        var form = await beheerder.GetStringAsync($"/rondes/{round}/beheer");

        var refused = await beheerder.PostAsync($"/rondes/{round}/beheer?handler=Plafond", Form(("__RequestVerificationToken", Token(form)), ("Ceiling.Amount", "200.000.000"), ("Ceiling.Reason", string.Empty)));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var unchanged = await CeilingAsync(round);
        var changed = await beheerder.PostAsync($"/rondes/{round}/beheer?handler=Plafond", Form(("__RequestVerificationToken", Token(form)), ("Ceiling.Amount", "200.000.000"), ("Ceiling.Reason", "Besluit van de minister tot verhoging.")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Ceiling_Reason\">Geef de reden van de wijziging (bijvoorbeeld het besluit dat het plafond verhoogt).</a>", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(100_000_000m, unchanged);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("is nu €\u00A0200.000.000.", WebUtility.HtmlDecode(await beheerder.GetStringAsync($"/rondes/{round}")), StringComparison.Ordinal);
        Assert.Equal(200_000_000m, await CeilingAsync(round));
    }

    [Fact]
    public async Task OpenNow_ForAnAnnouncedRound_OpensItsWindowAtThisMoment()
    {
        var name = UniqueRoundName("NO");
        using var api = await ApiAsync(_factory, "beheerder");
        var announced = await api.PostAsJsonAsync("/api/v1/tranches", new
        {
            basedOnTrancheId = await RoundIdAsync("T6"),
            name,
            announcedOnDate = Today.AddDays(-60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ceiling = 50_000_000m,
        });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, announced);
        var round = (await announced.ReadJsonAsync()).GetProperty("tranche").GetProperty("id").GetGuid();
        using var beheerder = await BrowserAsync(_factory, "beheerder");
        var form = await beheerder.GetStringAsync($"/rondes/{round}/beheer");
        Assert.Contains("Nu openen", form, StringComparison.Ordinal);

        var response = await beheerder.PostAsync($"/rondes/{round}/beheer?handler=Openen", Form(("__RequestVerificationToken", Token(form)), ("Window.Reason", "Regeling gepubliceerd.")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var tranche = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tranches/{round}");
        Assert.Equal("Open", tranche.GetProperty("tranche").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("vro-beoordelaar")]
    [InlineData("rvo-loket")]
    [InlineData("auditor")]
    public async Task RoundAdministration_ForSomeoneWhoIsNoBeheerder_HasNoLinksAndAnswers403InDutch(string user)
    {
        var t6 = await RoundIdAsync("T6");
        using var client = await BrowserAsync(_factory, user);

        var rounds = await client.GetStringAsync("/rondes");
        var round = await client.GetStringAsync($"/rondes/{t6}");
        var announce = await client.GetAsync("/rondes/nieuw");
        var admin = await client.GetAsync($"/rondes/{t6}/beheer");

        Assert.DoesNotContain("/rondes/nieuw", rounds, StringComparison.Ordinal);
        Assert.DoesNotContain("/beheer", round, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, announce.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Contains("Rondes aankondigen en beheren doet de functioneel beheerder.", WebUtility.HtmlDecode(await admin.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundAdministration_OfAnUnknownRound_Returns404()
    {
        using var beheerder = await BrowserAsync(_factory, "beheerder");

        var response = await beheerder.GetAsync($"/rondes/{Guid.NewGuid()}/beheer");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Guid> RoundIdAsync(string name)
    {
        using var api = await ApiAsync(_factory, "beheerder");
        var rounds = await api.GetFromJsonAsync<JsonElement>("/api/v1/tranches");
        return rounds.EnumerateArray().Single(t => t.GetProperty("regeling").GetString() == "Wbi" && t.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    private async Task<decimal> CeilingAsync(Guid round)
    {
        using var api = await ApiAsync(_factory, "beheerder");
        return (await api.GetFromJsonAsync<JsonElement>($"/api/v1/tranches/{round}")).GetProperty("tranche").GetProperty("ceiling").GetDecimal();
    }

    private async Task<int> RoundCountAsync()
    {
        await using var scope = _factory.CreateScope();
        return await CaseworkWebFactory.Db(scope).Set<Casework.Domain.Funding.Tranche>().CountAsync();
    }
}
