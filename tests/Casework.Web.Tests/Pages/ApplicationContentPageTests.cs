using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Features.Pages;
using Casework.Web.Tests.Infrastructure;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>An application's case page says what the case is about (the project, the homes, the money) before its actions.</summary>
public sealed class ApplicationContentPageTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task CasePage_OfAnApplication_ShowsProjectHomesAndMoneyBeforeTheActions()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(_factory, projectName: "Inhoud vooraan");
        using var api = await CaseTestData.ApiAsync(_factory, "rvo-loket");
        var application = await api.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
        using var loket = await BrowserAsync(_factory, "rvo-loket");

        var html = WebUtility.HtmlDecode(await loket.GetStringAsync($"/zaken/{id}"));

        var content = html.IndexOf("id=\"inhoud-titel\">Waar gaat het over</h2>", StringComparison.Ordinal);
        var actions = html.IndexOf("id=\"acties-titel\">Acties</h2>", StringComparison.Ordinal);
        Assert.True(content > 0, "The case page has no content section.");
        Assert.True(actions > content, "The actions come before what the application is about.");
        var about = html[content..actions];
        Assert.Contains("data-testid=\"project-name\">Inhoud vooraan</dd>", about, StringComparison.Ordinal);
        var homes = application.GetProperty("homes");
        Assert.Contains($"Sociale huur</dt><dd class=\"utrecht-data-list__item-value\">{homes.GetProperty("socialeHuur").GetInt32()}</dd>", about, StringComparison.Ordinal);
        Assert.Contains($"{application.GetProperty("totalHomes").GetInt32()}, waarvan {application.GetProperty("affordableHomes").GetInt32()} betaalbaar", about, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"requested-amount\">{NlFormat.Money(application.GetProperty("requestedAmount").GetDecimal())}</dd>", about, StringComparison.Ordinal);
        Assert.Contains($"<dd class=\"utrecht-data-list__item-value\">{NlFormat.Money(application.GetProperty("financialDeficit").GetDecimal())}</dd>", about, StringComparison.Ordinal);
        Assert.Contains("Start bouw", about, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, "data-testid=\"requested-amount\"")); // shown once, not again after the actions
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
