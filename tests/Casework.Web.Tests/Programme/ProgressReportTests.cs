using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Casework.Web.Tests.Applications;
using UglyToad.PdfPig;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Programme;

/// <summary>The voortgangsrapportage of a seeded half year has the same totals as the pages, in its JSON, its workbook and its PDF.</summary>
public sealed class ProgressReportTests : IAsyncLifetime
{
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private HttpClient _vro = null!;

    public async Task InitializeAsync()
    {
        var t6 = await _host.TrancheIdAsync("Wbi", "T6");
        _vro = await _host.AsAsync("VRO", "Beoordelaar");
        var urgentie = 9m;
        foreach (var (cbs, area, amount) in new[] { ("GM0599", "rotterdam-zuid", 4_000_000m), ("GM0363", "amsterdam-zuidoost", 2_500_000m) })
        {
            var id = await _host.ToRankingAsync(cbs, ApplicationBuilder.Wbi(t6).With(a =>
            {
                a.Focusgebied = area;
                a.RequestedAmount = amount;
                a.FinancialDeficit = amount * 2;
                a.OwnContribution = amount;
            }), new Dictionary<string, decimal> { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = urgentie-- });
            await OkAsync(await _host.AwardConfirmedAsync(_vro, id, new { amount, sentDate = "2024-03-01", reason = "toekenning" }));
            await OkAsync(await SendAsync(_vro, HttpMethod.Post, $"/api/v1/applications/{id}/payments", new { amount = amount / 2, btwCompensatiefondsShare = 0.1m, paidOnDate = "2024-04-01" }), HttpStatusCode.Created);
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Report_OfASeededHalfYear_HasThePagesTotals_InItsWorkbookAndPdfToo()
    {
        var reader = await _host.AsAsync("BZK", "Auditor");

        var report = await OkAsync(await reader.GetAsync("/api/v1/voortgangsrapportage?halfjaar=2024-H1"));
        var overview = await OkAsync(await reader.GetAsync("/api/v1/focusgebieden?halfjaar=2024-H1"));
        var areaReport = await OkAsync(await reader.GetAsync("/api/v1/voortgangsrapportage?halfjaar=2024-H1&focusgebied=rotterdam-zuid"));
        var areaPage = await OkAsync(await reader.GetAsync("/api/v1/focusgebieden/rotterdam-zuid?halfjaar=2024-H1"));
        var later = await OkAsync(await reader.GetAsync("/api/v1/voortgangsrapportage?halfjaar=2024-H2"));

        foreach (var figure in new[] { "appliedFor", "awarded", "paid", "reclaimed" })
        {
            Assert.Equal(overview.GetProperty("total").GetProperty(figure).GetDecimal(), report.GetProperty("total").GetProperty(figure).GetDecimal());
            Assert.Equal(areaPage.GetProperty("figures").GetProperty("total").GetProperty(figure).GetDecimal(), areaReport.GetProperty("total").GetProperty(figure).GetDecimal());
        }

        Assert.Equal(6_500_000m, report.GetProperty("total").GetProperty("awarded").GetDecimal());
        Assert.Equal(2_925_000m, report.GetProperty("total").GetProperty("paid").GetDecimal());
        Assert.Equal(4_000_000m, areaReport.GetProperty("total").GetProperty("awarded").GetDecimal());
        Assert.Equal(0m, later.GetProperty("total").GetProperty("awarded").GetDecimal());

        // The workbook: one sheet per section, and its Totaal row holds the same amounts.
        using var browser = await _host.BrowserAsync("auditor");
        var page = await browser.GetStringAsync("/voortgangsrapportage?halfjaar=2024-H1");
        Assert.Contains("€\u00A06.500.000", WebUtility.HtmlDecode(page));
        var excel = await browser.GetAsync("/voortgangsrapportage?halfjaar=2024-H1&handler=Download&formaat=xlsx");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Geld", "Knelpunten en vastlopers", "Indicatoren", "Besluiten"], workbook.Worksheets.Select(w => w.Name));
        var money = workbook.Worksheet("Geld");
        var total = money.RowsUsed().Single(r => r.Cell(1).GetString() == "Totaal");
        var headers = money.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(report.GetProperty("wbi").GetProperty("awarded").GetDecimal(), total.Cell(headers.IndexOf("WBI toegekend") + 1).GetValue<decimal>());
        Assert.Equal(report.GetProperty("total").GetProperty("paid").GetDecimal(), total.Cell(headers.IndexOf("Totaal betaald") + 1).GetValue<decimal>());

        // The PDF: the same total in words.
        var pdf = await browser.GetAsync("/voortgangsrapportage?halfjaar=2024-H1&handler=Download&formaat=pdf");
        Assert.True(pdf.Content.Headers.ContentType?.MediaType == "application/pdf", $"{(int)pdf.StatusCode}: {await pdf.Content.ReadAsStringAsync()}");
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Totaal", text);
        Assert.Contains("2.925.000", text);

        // Twenty areas run over several pages, each with its footer (a letter used to fail past its first page).
        Assert.True(document.NumberOfPages > 1);
        Assert.Contains($"Pagina 2 van {document.NumberOfPages}", text);
    }

    [Fact]
    public async Task Report_WithoutAValidHalfYear_Is400()
    {
        var reader = await _host.AsAsync("BZK", "Auditor");

        var missing = await reader.GetAsync("/api/v1/voortgangsrapportage");
        var wrong = await reader.GetAsync("/api/v1/voortgangsrapportage?halfjaar=2024-Q1");
        var unknownArea = await reader.GetAsync("/api/v1/voortgangsrapportage?halfjaar=2024-H1&focusgebied=atlantis");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await BodyAsync(wrong)).GetProperty("errors").TryGetProperty("halfjaar", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownArea.StatusCode);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await ApplicationsHost.BodyAsync(response);
    }
}
