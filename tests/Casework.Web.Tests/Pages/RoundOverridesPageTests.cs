using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Tests.Infrastructure;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// A round's rule overrides: the Beheerder sets a different minimum number of homes with its source when announcing
/// (the API's <c>ruleSetOverrides</c>), bad input is refused beside the field and announces nothing, and the round page
/// says in words where the round departs from the round it was based on. Every date field is the browser's date control.
/// </summary>
public sealed class RoundOverridesPageTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task AnnouncedWithAnotherMinimum_TheRoundPageShowsTheOverrideBesideTheBasisRule()
    {
        var name = UniqueRoundName("OV");
        using var beheerder = await BrowserAsync(_factory, "beheerder");
        var form = await beheerder.GetStringAsync("/rondes/nieuw");
        var t6 = await RoundIdAsync("T6");

        var response = await beheerder.PostAsync("/rondes/nieuw", Form(
            ("__RequestVerificationToken", Token(form)), ("Input.BasedOn", t6.ToString()), ("Input.Name", name), ("Input.Ceiling", "10.000.000"),
            ("Input.MinimumHomes", "150"), ("Input.MinimumHomesSource", "Regeling Woningbouwimpuls, wijziging 2027, art. 2")));
        var page = WebUtility.HtmlDecode(await beheerder.GetStringAsync(response.Headers.Location!.OriginalString));
        var seeded = WebUtility.HtmlDecode(await beheerder.GetStringAsync($"/rondes/{t6}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Afwijkend van ronde T6", page, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"rule-overrides\"[\\s\\S]*Minimum aantal woningen[\\s\\S]*woningen: 150[\\s\\S]*\\(in ronde T6: woningen: [0-9]", page);
        Assert.Contains("Bron: Regeling Woningbouwimpuls, wijziging 2027, art. 2", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Afwijkend van ronde", seeded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinimumWithoutSourceOrNotANumber_IsRefusedBesideTheField_AndAnnouncesNothing()
    {
        var name = UniqueRoundName("OX");
        using var beheerder = await BrowserAsync(_factory, "beheerder");
        var form = await beheerder.GetStringAsync("/rondes/nieuw");

        var refused = await beheerder.PostAsync("/rondes/nieuw", Form(
            ("__RequestVerificationToken", Token(form)), ("Input.BasedOn", (await RoundIdAsync("T6")).ToString()), ("Input.Name", name), ("Input.Ceiling", "10.000.000"),
            ("Input.MinimumHomes", "veel"), ("Input.MinimumHomesSource", string.Empty)));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var rounds = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/tranches");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Matches("id=\"Input_MinimumHomes-error\"[^>]*>'veel' is geen aantal woningen", html);
        Assert.Matches("id=\"Input_MinimumHomesSource-error\"[^>]*>Noem de bron", html);
        Assert.DoesNotContain(rounds.EnumerateArray(), r => r.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task DateFields_AreDateControls_AndAStoredDateIsShownInTheirFormat()
    {
        using var beheerder = await BrowserAsync(_factory, "beheerder");
        var round = await OpenRoundAsync(_factory, UniqueRoundName("DT"), "Wbi", "T6");
        using var gemeente = await BrowserAsync(_factory, "rotterdam-aanvrager");

        var announce = await beheerder.GetStringAsync("/rondes/nieuw");
        var application = await gemeente.GetStringAsync($"/aanvragen/nieuw?ronde={round}");

        foreach (var field in new[] { "Input.AnnouncedOn", "Input.OpensOn", "Input.ClosesOn" })
        {
            Assert.Matches($"<input type=\"date\"[^>]*name=\"{System.Text.RegularExpressions.Regex.Escape(field)}\"", announce);
        }

        Assert.Matches("<input type=\"date\"[^>]*name=\"Input.PlannedConstructionStartDate\"", application);
        Assert.Matches("<input type=\"date\"[^>]*name=\"Input.PlannedCompletionDate\"", application);
    }

    private async Task<Guid> RoundIdAsync(string name)
    {
        var rounds = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/tranches");
        return rounds.EnumerateArray().Single(r => r.GetProperty("regeling").GetString() == "Wbi" && r.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }
}
