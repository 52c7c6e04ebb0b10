using System.Net;
using System.Text.RegularExpressions;
using Casework.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// The werkvoorraad's filters stay usable: the status list follows the chosen case type (grouped per type when none is
/// chosen, narrowed to that type's statuses when one is, also when htmx replaces only the results), and "Ook zaken
/// waarvan wij trekker zijn" is offered only to an organisation that leads an open case.
/// </summary>
public sealed partial class WorkQueueFilterPageTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new() { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task StatusFilter_WithoutCaseType_GroupsTheStatusesPerCaseType()
    {
        using var loket = await BrowserAsync(_factory, "rvo-loket");

        var html = WebUtility.HtmlDecode(await loket.GetStringAsync("/werkvoorraad"));
        var status = StatusSelect(html);

        Assert.Contains("<optgroup label=\"Aanvraag Woningbouwimpuls\">", status, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Knelpunt in regelgeving\">", status, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Vastloper uit het alliantieoverleg\">", status, StringComparison.Ordinal);
        Assert.DoesNotContain(" / ", status, StringComparison.Ordinal); // no labels of several types glued together
    }

    [Fact]
    public async Task StatusFilter_WithACaseType_OffersOnlyThatTypesStatuses()
    {
        using var loket = await BrowserAsync(_factory, "rvo-loket");

        var status = StatusSelect(WebUtility.HtmlDecode(await loket.GetStringAsync("/werkvoorraad?soort=knelpunt")));

        Assert.Contains("<option value=\"analyse\">Analyse door trekkend departement</option>", status, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ingediend\">Ingediend, triage</option>", status, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"herstel\"", status, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"inBehandeling\"", status, StringComparison.Ordinal);
        Assert.DoesNotContain("<optgroup", status, StringComparison.Ordinal);
        Assert.Equal(9, Regex.Count(status, "<option ")); // "Alle statussen" and the knelpunt's eight open statuses
    }

    [Fact]
    public async Task StatusFilter_WhenHtmxReplacesTheResults_NarrowsTheStatusListOutOfBand()
    {
        using var loket = await BrowserAsync(_factory, "rvo-loket");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/werkvoorraad?soort=vastloper&status=herstel");
        request.Headers.Add("HX-Request", "true");

        var partial = WebUtility.HtmlDecode(await (await loket.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.DoesNotContain("<html", partial, StringComparison.Ordinal);
        Assert.Contains("id=\"filter-status-veld\" hx-swap-oob=\"true\"", partial, StringComparison.Ordinal);
        var status = StatusSelect(partial);
        Assert.Contains("<option value=\"inBehandeling\">In behandeling bij departement</option>", status, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"herstel\"", status, StringComparison.Ordinal); // a status of another type is dropped
        Assert.DoesNotContain("selected", status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rvo-loket")]
    [InlineData("commissie-wbi")]
    [InlineData("beheerder")]
    public async Task TrekkerCheckbox_ForAnOrganisationThatLeadsNothing_IsNotShown(string user)
    {
        await SecretarySetup.KnelpuntReadyForSbsdAsync(_factory, "Knelpunt van VRO");
        using var client = await BrowserAsync(_factory, user);

        var html = await client.GetStringAsync("/werkvoorraad");

        Assert.Contains("id=\"filter-verlopen\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("filter-trekker", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ook zaken waarvan wij trekker zijn", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrekkerCheckbox_ForTheDepartment_IsShownOnlyOnceItLeadsACase()
    {
        using var vro = await BrowserAsync(_factory, "vro-beoordelaar");
        var before = await vro.GetStringAsync("/werkvoorraad");

        await SecretarySetup.KnelpuntReadyForSbsdAsync(_factory, "Knelpunt dat VRO trekt");
        var after = await vro.GetStringAsync("/werkvoorraad");

        Assert.DoesNotContain("filter-trekker", before, StringComparison.Ordinal);
        Assert.Contains("<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"filter-trekker\">Ook zaken waarvan wij trekker zijn</label>", after, StringComparison.Ordinal);
    }

    private static string StatusSelect(string html)
    {
        var match = StatusPattern().Match(html);
        Assert.True(match.Success, "The page has no status filter.");
        return match.Value;
    }

    [GeneratedRegex("<select[^>]*id=\"filter-status\".*?</select>", RegexOptions.Singleline)]
    private static partial Regex StatusPattern();
}
