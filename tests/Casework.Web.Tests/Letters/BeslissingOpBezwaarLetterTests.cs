using System.Net;
using Casework.Domain.Documents;
using Casework.Web.Tests.Applications;
using Casework.Web.Tests.Delivery;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using UglyToad.PdfPig;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Letters;

/// <summary>
/// The beslissing op bezwaar (Awb 7:11, 7:12) out of real transitions on SQLite: a definitive besluit in the dossier whose
/// rechtsmiddelenclausule is beroep at the rechtbank (Awb 8:1) with the beroepstermijn counted from the day after its
/// verzenddatum (Awb 6:7, 6:8), read back with PdfPig, and e-mailed with the PDF attached over a real SMTP server.
/// </summary>
public sealed class BeslissingOpBezwaarLetterTests : IAsyncLifetime
{
    private const string Motivering = "De voorwaarden van de toekenning volgen uit artikel 2 van de Regeling Woningbouwimpuls 2020; uw bezwaar brengt geen nieuwe feiten naar voren.";

    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };

    private readonly SmtpTestServer _smtp = new();
    private ApplicationsHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ApplicationsHost(DeliveryHost.Start, settings: DeliveryHost.Settings(_smtp.Settings()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task BezwaarOngegrond_FilesADefinitiefBesluitWithTheBeroepClauseAndItsMotivering_AndMailsItWithThePdfAttached()
    {
        await _host.SetMailboxAsync("GM0599", "subsidies@rotterdam.nl");
        var (id, vro) = await AwardedAndObjectedAsync();

        // Sent on Thursday 1 February 2024: the beroepstermijn starts on Friday 2 February and ends on Thursday 14 March.
        await FireAsync(vro, id, "bezwaarOngegrondTegenToekenning", new { reason = Motivering, data = new { verzenddatum = "2024-02-01" } });

        var reference = await _host.DbAsync(db => db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Reference).SingleAsync());
        var letter = await LetterAsync(id);
        Assert.Equal(InformatieobjecttypeCatalogus.Besluit, letter.Informatieobjecttype);
        var dto = await (await vro.GetAsync($"/api/v1/documents/{letter.Id}")).ReadJsonAsync();
        Assert.Equal("definitief", dto.GetProperty("status").GetString());
        Assert.Equal("2024-02-01", dto.GetProperty("verzenddatum").GetString());

        var text = PdfText(await DownloadAsync(vro, letter.Id));
        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.Contains("Wij verklaren uw bezwaar ongegrond.", text, StringComparison.Ordinal);
        Assert.Contains("besluit van 12 januari 2024 (toekenning)", text, StringComparison.Ordinal);
        Assert.Contains(Motivering, text, StringComparison.Ordinal);
        Assert.Contains("Awb artikel 7:12 lid 1", text, StringComparison.Ordinal);
        Assert.Contains("beroep instellen bij de rechtbank (Awb artikel 8:1)", text, StringComparison.Ordinal);
        Assert.Contains("binnen zes weken na de dag waarop deze beslissing is verzonden", text, StringComparison.Ordinal);
        Assert.Contains("de beroepstermijn eindigt op 14 maart 2024", text, StringComparison.Ordinal);
        Assert.Contains("rechtbank in het arrondissement waarin uw gemeente ligt", text, StringComparison.Ordinal);
        // Not the bezwaar clause of a first besluit: after bezwaar comes beroep.
        Assert.DoesNotContain("bezwaartermijn eindigt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dit besluit is verzonden bezwaar maken", text, StringComparison.Ordinal);

        await _host.DrainAsync();
        await _host.DrainAsync(); // nothing is sent twice
        var (to, mail) = Assert.Single(_smtp.Received, r => (r.Message.Subject ?? string.Empty).StartsWith("Beslissing op uw bezwaar", StringComparison.Ordinal));
        Assert.Equal(["subsidies@rotterdam.nl"], to);
        Assert.Contains(reference, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("beroep", mail.TextBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var attached = new MemoryStream();
        await attachment.Content!.DecodeToAsync(attached);
        var attachedText = PdfText(attached.ToArray());
        Assert.Contains(reference, attachedText, StringComparison.Ordinal);
        Assert.Contains("(Awb artikel 8:1)", attachedText, StringComparison.Ordinal);
        Assert.Equal(await DownloadAsync(vro, letter.Id), attached.ToArray()); // the letter as filed, byte for byte
    }

    [Fact]
    public async Task BezwaarGegrond_SaysTheBesluitIsHerroepenAndWhenTheNewOneComes_WithTheBeroepClause()
    {
        var (id, vro) = await AwardedAndObjectedAsync();

        var state = await FireAsync(vro, id, "bezwaarGegrondVerklaren", new { reason = "De voorwaarde over de start van de bouw was te streng.", data = new { verzenddatum = "2024-02-01" } });
        Assert.Equal("heroverweging", state.GetProperty("state").GetString());

        var letter = await LetterAsync(id);
        var text = PdfText(await DownloadAsync(vro, letter.Id));
        Assert.Contains("Wij verklaren uw bezwaar gegrond. Wij herroepen het bestreden besluit", text, StringComparison.Ordinal);
        Assert.Contains("Awb artikel 7:11 lid 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ongegrond", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(nog niet bekend)", text, StringComparison.Ordinal); // the new beslistermijn started with it
        Assert.Contains("De voorwaarde over de start van de bouw was te streng.", text, StringComparison.Ordinal);
        Assert.Contains("de beroepstermijn eindigt op 14 maart 2024", text, StringComparison.Ordinal);
    }

    /// <summary>A WBI application awarded (sent 12 January 2024, confirmed by a colleague) against which the gemeente objected on 20 January.</summary>
    private async Task<(Guid Id, HttpClient Vro)> AwardedAndObjectedAsync()
    {
        var t6 = await _host.TrancheIdAsync("Wbi", "T6");
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(t6).With(a => a.RequestedAmount = 1_000_000m), Scores);
        var vro = await _host.AsAsync("VRO", "Beoordelaar");
        await _host.DecideAsync(vro, id, "toekennen", new { data = new { bedrag = 1_000_000m, verzenddatum = "2024-01-12" } });
        _host.Clock.SetUtcNow(Amsterdam("2024-01-20 11:00"));
        await FireAsync(await _host.GemeenteAsync("GM0599"), id, "bezwaarMakenTegenToekenning", new { reason = "De voorwaarden zijn onjuist." });
        _host.Clock.SetUtcNow(Amsterdam("2024-02-01 09:00"));
        return (id, vro);
    }

    /// <summary>The one beslissing op bezwaar in the case's dossier.</summary>
    private async Task<Document> LetterAsync(Guid id) =>
        Assert.Single(
            await _host.DbAsync(db => db.Set<Document>().AsNoTracking().Where(d => d.CaseId == id).ToListAsync()),
            d => d.Title.StartsWith("Beslissing op uw bezwaar", StringComparison.Ordinal));

    private static async Task<byte[]> DownloadAsync(HttpClient client, Guid documentId)
    {
        var response = await client.GetAsync($"/api/v1/documents/{documentId}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The PDF's words joined by single spaces (PdfPig, an independent reader), so a sentence reads the same whichever line break the layout chose.</summary>
    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
