using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Casework.Web.Tests.Infrastructure;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.Programme;

/// <summary>The programme pages over HTTP as a browser sends them: the overview's sort links, a chart beside its table, who may keep an area.</summary>
public sealed class ProgrammePageTests : IAsyncLifetime
{
    private const string Area = "rotterdam-zuid";
    private readonly CaseworkWebFactory _factory = new();
    private string _indicator = null!;

    public async Task InitializeAsync()
    {
        var api = await ApiAsync(_factory, "rotterdam-aanvrager");
        var added = await api.PostAsJsonAsync("/api/v1/indicatoren", new { name = "Ervaren veiligheid", actielijn = "veiligheid", unit = "%", betterDirection = "Hoger", usualSource = "Veiligheidsmonitor", focusgebied = Area });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, added);
        _indicator = (await added.ReadJsonAsync()).GetProperty("code").GetString()!;
        foreach (var (period, value) in new[] { ("2021", "61,5"), ("2023", "63,25") })
        {
            var csv = $"focusgebied;indicator;periode;waarde;bron;brondatum\n{Area};{_indicator};{period};{value};Veiligheidsmonitor;01-03-2024\n";
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await api.PostAsync("/api/v1/metingen/import?opslaan=true", new StringContent(csv, Encoding.UTF8, "text/csv")));
        }

        await HttpAssert.StatusAsync(HttpStatusCode.Created, await api.PostAsJsonAsync($"/api/v1/focusgebieden/{Area}/doelen", new
        {
            soort = "Prestatieafspraak",
            actielijn = "veiligheid",
            omschrijving = "Meer bewoners voelen zich veilig",
            indicator = _indicator,
            baselineValue = 60m,
            baselineDate = "2021-01-01",
            baselineSource = "Veiligheidsmonitor 2021",
            streefwaarde = 70m,
            targetDate = "2030-12-31",
        }));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task FocusgebiedPage_ChartHasItsTextAlternativeAndItsDataTable()
    {
        using var browser = await BrowserAsync(_factory, "sbsd-secretaris");

        var html = await browser.GetStringAsync($"/focusgebieden/{Area}");

        var svg = Regex.Match(html, "<svg class=\"chart\" role=\"img\"[^>]*aria-labelledby=\"(?<id>indicator-\\d+)-titel\"[^>]*>.*?</svg>", RegexOptions.Singleline);
        Assert.True(svg.Success, "the indicator chart is an image with a title and a description");
        var id = svg.Groups["id"].Value;
        Assert.Contains("<desc id=\"" + id + "-beschrijving\">", svg.Value);
        Assert.Contains("2021 61,5", svg.Value);
        Assert.Equal(2, Regex.Count(svg.Value, "<circle "));
        var table = Regex.Match(html, $"<table class=\"utrecht-table\" data-chart=\"{id}\">.*?</table>", RegexOptions.Singleline);
        Assert.True(table.Success, "the chart has its data table beside it");
        Assert.Contains("63,25", table.Value);
        Assert.Contains("61,5", table.Value);
        Assert.Contains("Streefwaarde", table.Value);
        Assert.Contains(">70<", table.Value);
        Assert.DoesNotContain("<script", svg.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", svg.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Doelen, streefwaarden en metingen bijhouden", html);
    }

    [Fact]
    public async Task Overview_HeadersAreSortLinks_AndTheCurrentColumnSaysItsDirection()
    {
        using var browser = await BrowserAsync(_factory, "amsterdam-aanvrager");

        var byName = await browser.GetStringAsync("/focusgebieden");
        var byGemeenteDown = await browser.GetStringAsync("/focusgebieden?sorteer=gemeente&richting=af");
        var unknown = await browser.GetAsync("/focusgebieden?sorteer=onzin");

        Assert.Equal(19, Regex.Count(byName, "<th scope=\"col\"[^>]*><a class=\"utrecht-link\" href=\"/focusgebieden\\?sorteer="));
        Assert.Contains("aria-sort=\"ascending\"><a class=\"utrecht-link\" href=\"/focusgebieden?sorteer=naam&amp;richting=af\"", byName);
        Assert.Contains("aria-sort=\"descending\"", byGemeenteDown);
        var first = Regex.Match(byGemeenteDown, "<th scope=\"row\" class=\"utrecht-table__cell\"><a class=\"utrecht-link\" href=\"/focusgebieden/(?<code>[^\"]+)\"").Groups["code"].Value;
        Assert.Equal("zaandam-oost", first);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Maintain_IsForTheAreasOwnPeople_AndAStreefwaardeChangesOnThePage()
    {
        using var amsterdam = await BrowserAsync(_factory, "amsterdam-aanvrager");
        using var alliance = await BrowserAsync(_factory, "alliantie-rotterdam-zuid");

        var refused = await amsterdam.GetAsync($"/focusgebieden/{Area}/bijhouden");
        var page = await alliance.GetStringAsync($"/focusgebieden/{Area}/bijhouden");
        var doelId = Value(page, "Wijziging.DoelId");
        var changed = await alliance.PostAsync($"/focusgebieden/{Area}/bijhouden?handler=Streefwaarde", Form(
            ("__RequestVerificationToken", Token(page)), ("Wijziging.DoelId", doelId), ("Wijziging.Version", "1"),
            ("Wijziging.Value", "72,5"), ("Wijziging.TargetDate", "31-12-2031"), ("Wijziging.Reason", "Afspraak in het bestuurlijk overleg")));
        var after = await alliance.GetStringAsync($"/focusgebieden/{Area}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Streefwaarde 72,5 op 31 december 2031", after);
        Assert.Contains("Eerdere streefwaarden (1)", after);
        Assert.Contains("Versie 1: 70 op 31 december 2030, vastgelegd door Fatima el Idrissi", after);
    }

    [Fact]
    public async Task Import_OnThePage_PreviewsEveryRowsProblemAndStoresNothing()
    {
        using var browser = await BrowserAsync(_factory, "rotterdam-aanvrager");
        var page = await browser.GetStringAsync("/metingen/inlezen");
        var csv = $"focusgebied;indicator;periode;waarde;bron;brondatum\n{Area};{_indicator};2024;64;Veiligheidsmonitor;01-03-2025\n{Area};bestaat-niet;2024;1;x;01-03-2025\n";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Bestand", "metingen.csv" },
        };

        var preview = await browser.PostAsync("/metingen/inlezen?handler=Voorbeeld", form);
        var html = await preview.Content.ReadAsStringAsync();
        var areaPage = await browser.GetStringAsync($"/focusgebieden/{Area}");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("2 regels, waarvan 1 met een probleem", html);
        Assert.Contains("Onbekende indicator &#x27;bestaat-niet&#x27;.", html);
        Assert.DoesNotContain("handler=Opslaan", html);
        Assert.DoesNotContain(">64<", areaPage);
    }
}
