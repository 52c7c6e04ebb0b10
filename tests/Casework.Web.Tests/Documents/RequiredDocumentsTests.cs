using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Tests.Applications;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Documents;

/// <summary>
/// Required bijlagen per round, as data: a round announced in Casework requires its regeling's standard bijlagen
/// (VHF four, WBI also the gemeentelijke bijdrage), the seeded historic rounds none; submitting without them is one
/// broken rule per missing type through the workflow's admission guard, and the loket's case page shows per type
/// what is there.
/// </summary>
public sealed class RequiredDocumentsTests : IAsyncLifetime
{
    private static readonly string[] WbiTypes = ["projectplan", "begroting", "onderbouwing-financieel-tekort", "collegebesluit", "gemeentelijke-bijdrage"];

    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Submit_WithoutRequiredBijlagen_Is422WithOneBrokenRulePerMissingType_ThenSubmitsOnceAllAreThere()
    {
        var round = await OpenWbiRoundAsync(_factory, UniqueRoundName("RB"));
        using var gemeente = await _factory.SignInAsync("rotterdam-aanvrager");
        var id = await CreateDraftAsync(_factory, "rotterdam-aanvrager", WbiApplication(round, "Bijlagen Zuid"));

        var refused = await SubmitAsync(gemeente, id);
        await HttpAssert.StatusAsync(HttpStatusCode.UnprocessableEntity, refused);
        var problem = await refused.ReadJsonAsync();
        var broken = problem.GetProperty("brokenRules").EnumerateArray().ToList();
        Assert.Equal(WbiTypes.Select(t => "WBI-BIJLAGE-ONTBREEKT-" + t.ToUpperInvariant()), broken.Select(b => b.GetProperty("code").GetString()));
        Assert.All(broken, b => Assert.StartsWith("ontwerpkeuze", b.GetProperty("source").GetString(), StringComparison.Ordinal));
        Assert.Contains(broken, b => b.GetProperty("message").GetString()!.Contains("‘Onderbouwing gemeentelijke bijdrage’ ontbreekt", StringComparison.Ordinal));
        Assert.Equal("concept", (await ApplicationAsync(gemeente, id)).GetProperty("state").GetString());

        // Two of five attached: exactly the other three are still named.
        foreach (var type in WbiTypes[..2])
        {
            await DossierHost.UploadAsync(gemeente, $"/api/v1/cases/{id}/documents", DossierHost.Pdf(1200), type + ".pdf", type);
        }

        var application = await ApplicationAsync(gemeente, id);
        Assert.Equal([true, true, false, false, false], application.GetProperty("requiredDocuments").EnumerateArray().Select(d => d.GetProperty("present").GetBoolean()));
        refused = await SubmitAsync(gemeente, id);
        await HttpAssert.StatusAsync(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Equal(
            WbiTypes[2..].Select(t => "WBI-BIJLAGE-ONTBREEKT-" + t.ToUpperInvariant()),
            (await refused.ReadJsonAsync()).GetProperty("brokenRules").EnumerateArray().Select(b => b.GetProperty("code").GetString()));

        // The gemeente's draft shows per type what is there; after submission the loket's case page does.
        using (var browser = await BrowserAsync(_factory, "rotterdam-aanvrager"))
        {
            var html = await browser.GetStringAsync($"/aanvragen/{id}");
            Assert.Matches("data-testid=\"verplicht-projectplan\"[^>]*>\\s*<strong>Projectplan</strong>:\\s*<span class=\"status status--ok\">aanwezig", html);
            Assert.Matches("data-testid=\"verplicht-collegebesluit\"[^>]*>\\s*<strong>Collegebesluit</strong>:\\s*<span class=\"status status--overdue\">ontbreekt", html);
        }

        Assert.Equal(3, (await RequiredBijlagen.AttachAsync(gemeente, id)).Count);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await SubmitAsync(gemeente, id));

        using (var loket = await BrowserAsync(_factory, "rvo-loket"))
        {
            var html = await loket.GetStringAsync($"/zaken/{id}");
            foreach (var type in WbiTypes)
            {
                Assert.Matches($"data-testid=\"verplicht-{type}\"[^>]*>\\s*<strong>[^<]+</strong>:\\s*<span class=\"status status--ok\">aanwezig", html);
            }
        }
    }

    [Fact]
    public async Task Rounds_HistoricRequireNone_AnnouncedGetTheRegelingsList_UnlessTheBeheerderNamesThem()
    {
        using var beheerder = await _factory.SignInAsync("beheerder");
        var rounds = await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/tranches");
        Guid Seeded(string regeling, string name) => rounds.EnumerateArray().Single(t => t.GetProperty("regeling").GetString() == regeling && t.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();

        var t6 = await beheerder.GetFromJsonAsync<JsonElement>($"/api/v1/tranches/{Seeded("Wbi", "T6")}");
        Assert.Equal(JsonValueKind.Null, t6.GetProperty("ruleSet").GetProperty("requiredDocuments").ValueKind);

        async Task<JsonElement> RequiredOf(Guid id) => (await beheerder.GetFromJsonAsync<JsonElement>($"/api/v1/tranches/{id}")).GetProperty("ruleSet").GetProperty("requiredDocuments");
        var wbi = await RequiredOf(await OpenWbiRoundAsync(_factory, UniqueRoundName("RW")));
        Assert.Equal(WbiTypes, wbi.EnumerateArray().Select(d => d.GetProperty("informatieobjecttype").GetString()));
        var vhf = await RequiredOf(await OpenRoundAsync(_factory, UniqueRoundName("RV"), "Vhf", "2024-R4"));
        Assert.Equal(WbiTypes[..4], vhf.EnumerateArray().Select(d => d.GetProperty("informatieobjecttype").GetString()));

        var none = await beheerder.PostAsJsonAsync("/api/v1/tranches", Announcement(Seeded("Wbi", "T6"), new { requiredDocuments = Array.Empty<object>() }));
        await HttpAssert.StatusAsync(HttpStatusCode.Created, none);
        Assert.Equal(0, (await none.ReadJsonAsync()).GetProperty("ruleSet").GetProperty("requiredDocuments").GetArrayLength());

        var before = (await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/tranches")).GetArrayLength();
        var unknown = await beheerder.PostAsJsonAsync("/api/v1/tranches", Announcement(Seeded("Wbi", "T6"), new { requiredDocuments = new[] { new { informatieobjecttype = "bouwtekening", source = "test" } } }));
        await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, unknown);
        var errors = (await unknown.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("'bouwtekening' staat niet in de catalogus", errors.GetProperty("ruleSetOverrides.requiredDocuments")[0].GetString(), StringComparison.Ordinal);
        var noSource = await beheerder.PostAsJsonAsync("/api/v1/tranches", Announcement(Seeded("Wbi", "T6"), new { requiredDocuments = new[] { new { informatieobjecttype = "begroting", source = " " } } }));
        await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, noSource);
        Assert.Equal(before, (await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/tranches")).GetArrayLength());
    }

    private object Announcement(Guid basis, object overrides)
    {
        var now = _factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return new
        {
            basedOnTrancheId = basis,
            name = UniqueRoundName("RO"),
            announcedOnDate = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-60)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            opensAt = now.AddHours(-1),
            closesAt = now.AddDays(30),
            ceiling = 1_000_000m,
            ruleSetOverrides = overrides,
        };
    }

    private static async Task<JsonElement> ApplicationAsync(HttpClient gemeente, Guid id) =>
        await gemeente.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient gemeente, Guid id)
    {
        var version = (await ApplicationAsync(gemeente, id)).GetProperty("version").GetInt32();
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submit");
        submit.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await gemeente.SendAsync(submit);
    }
}
