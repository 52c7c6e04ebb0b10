using System.Globalization;
using System.Net;
using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Common;
using Casework.Domain.Documents;
using Casework.Domain.Time;
using Casework.Web.Persistence;
using Casework.Web.Tests.Applications;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static Casework.Web.Tests.Applications.ApplicationsHost;

namespace Casework.Web.Tests.Letters;

/// <summary>
/// Letters out of real transitions on SQLite: the PDF in the dossier read back with PdfPig (an independent PDF reader),
/// the bezwaartermijn counted from the day after the verzenddatum (Awb 6:8), and no onherroepelijk before it ended.
/// </summary>
public sealed class LetterTests : IAsyncLifetime
{
    private static readonly Dictionary<string, decimal> Scores = new() { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m };

    // Keyed on Wednesday 10 January 2024, sent on Friday 12 January.
    private readonly ApplicationsHost _host = new(Amsterdam("2024-01-10 10:00"));
    private Guid _t6;

    public async Task InitializeAsync() => _t6 = await _host.TrancheIdAsync("Wbi", "T6");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Toekennen_KeyedOneDayAndSentTwoDaysLater_FilesABesluitPdfAndEndsTheBezwaartermijnSixWeeksAfterTheDayAfterSending()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6).With(a => a.RequestedAmount = 1_234_567m), Scores);
        var vro = await _host.AsAsync("VRO", "Beoordelaar");

        await _host.DecideAsync(vro, id, "toekennen", new { data = new { bedrag = 1_234_567m, verzenddatum = "2024-01-12" } });

        var term = await _host.DbAsync(db => db.Deadlines.AsNoTracking().SingleAsync(d => d.CaseId == id && d.KindId == TermKinds.Bezwaartermijn.Id));
        // Awb 6:8 lid 1: the term starts on Saturday 13 January; six weeks end on Friday 23 February 2024 (a working day).
        // Counted from the keyed day it would have ended on 21 February.
        Assert.Equal(new DateOnly(2024, 1, 13), term.FirstDay);
        Assert.Equal(new DateOnly(2024, 2, 23), term.CurrentDueDate);

        var reference = await _host.DbAsync(db => db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Reference).SingleAsync());
        var document = await _host.DbAsync(db => db.Set<Document>().AsNoTracking().SingleAsync(d => d.CaseId == id && d.Informatieobjecttype == InformatieobjecttypeCatalogus.Besluit));
        var text = await PdfTextAsync(vro, document.Id);
        Assert.Contains("€ 1.234.567,00", text, StringComparison.Ordinal);
        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.Contains("binnen zes weken na de dag waarop dit besluit is verzonden bezwaar maken", text, StringComparison.Ordinal);
        Assert.Contains("de bezwaartermijn eindigt op 23 februari 2024", text, StringComparison.Ordinal);
        Assert.Contains("Minister van Volkshuisvesting en Ruimtelijke Ordening", text, StringComparison.Ordinal);
        Assert.Contains("Pagina 1 van", text, StringComparison.Ordinal);
        Assert.Contains("Regeling Woningbouwimpuls 2020", text, StringComparison.Ordinal);

        var kenmerken = await _host.DbAsync(db => db.Outbox.AsNoTracking().Where(o => o.Kenmerken.Contains(document.Id.ToString())).Select(o => o.Kenmerken).ToListAsync());
        var message = Assert.Single(kenmerken);
        using var json = JsonDocument.Parse(message);
        Assert.Equal(document.Id.ToString(), json.RootElement.GetProperty("briefDocumentId").GetString());
        Assert.Equal("besluit", json.RootElement.GetProperty("sjabloon").GetString());
    }

    [Fact]
    public async Task SentBesluit_IsDefinitiefWithItsVerzenddatum_AndTheDepartmentCannotReplaceIt()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6).With(a => a.RequestedAmount = 1_000_000m), Scores);
        var vro = await _host.AsAsync("VRO", "Beoordelaar");
        await _host.DecideAsync(vro, id, "toekennen", new { data = new { bedrag = 1_000_000m, verzenddatum = "2024-01-12" } });
        var documentId = await _host.DbAsync(db => db.Set<Document>().AsNoTracking().Where(d => d.CaseId == id && d.Informatieobjecttype == InformatieobjecttypeCatalogus.Besluit).Select(d => d.Id).SingleAsync());

        var dto = await (await vro.GetAsync($"/api/v1/documents/{documentId}")).ReadJsonAsync();
        Assert.Equal("definitief", dto.GetProperty("status").GetString());
        Assert.Equal("2024-01-12", dto.GetProperty("verzenddatum").GetString());

        await AssertDefinitiefAsync(vro, documentId);
        var versions = await _host.DbAsync(db => db.Set<DocumentVersion>().AsNoTracking().CountAsync(v => v.DocumentId == documentId));
        Assert.Equal(1, versions);
    }

    [Fact]
    public async Task VerzoekHerstel_FilesABriefThatNamesWhatIsMissingAndTheTermsEndDate()
    {
        var created = await _host.CreateAsync("GM0599", ApplicationBuilder.Wbi(_t6));
        await OkAsync(await _host.SubmitAsync("GM0599", created));
        var id = created.GetProperty("id").GetGuid();
        var loket = await _host.AsAsync("RVO", "Loket");

        await FireAsync(loket, id, "verzoekHerstel", new { reason = "De begroting van het project ontbreekt.", data = new { termijnDagen = 14 } });

        var term = await _host.DbAsync(db => db.Deadlines.AsNoTracking().SingleAsync(d => d.CaseId == id && d.KindId == TermKinds.Hersteltermijn.Id));
        var letters = await _host.DbAsync(db => db.Set<Document>().AsNoTracking().Where(d => d.CaseId == id && d.Informatieobjecttype == InformatieobjecttypeCatalogus.Brief).ToListAsync());
        Assert.Equal(2, letters.Count); // the ontvangstbevestiging of indienen and the herstelverzoek
        var herstel = letters.Single(d => d.Title.StartsWith("Verzoek om uw aanvraag", StringComparison.Ordinal));
        var text = await PdfTextAsync(loket, herstel.Id);
        Assert.Contains("De begroting van het project ontbreekt.", text, StringComparison.Ordinal);
        Assert.Contains("tot en met " + term.CurrentDueDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")), text, StringComparison.Ordinal);
        Assert.Contains("Awb artikel 4:5", text, StringComparison.Ordinal);
        Assert.DoesNotContain("binnen zes weken", text, StringComparison.Ordinal); // a brief is no besluit

        // The gemeente may add documents during herstel, but not a new version of the letter it was sent.
        await AssertDefinitiefAsync(await _host.GemeenteAsync("GM0599"), herstel.Id);

        var ontvangst = letters.Single(d => d != herstel);
        var beslistermijn = await _host.DbAsync(db => db.Deadlines.AsNoTracking().SingleAsync(d => d.CaseId == id && d.KindId == TermKinds.Beslistermijn.Id));
        Assert.Contains(beslistermijn.OriginalDueDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")), await PdfTextAsync(loket, ontvangst.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfwijzingOnherroepelijk_WhileTheBezwaartermijnRuns_IsRefusedNamingAwb68AndAllowedTheDayAfterItEnds()
    {
        var id = await _host.ToRankingAsync("GM0599", ApplicationBuilder.Wbi(_t6), Scores);
        var vro = await _host.AsAsync("VRO", "Beoordelaar");
        await _host.DecideAsync(vro, id, "afwijzen", new { reason = "Het plafond van de ronde is bereikt.", data = new { verzenddatum = "2024-01-12" } });

        var afwijzing = await _host.DbAsync(db => db.Set<Document>().AsNoTracking().SingleAsync(d => d.CaseId == id && d.Informatieobjecttype == InformatieobjecttypeCatalogus.Besluit));
        Assert.Contains("Awb artikel 4:25", await PdfTextAsync(vro, afwijzing.Id), StringComparison.Ordinal);

        _host.Clock.SetUtcNow(Amsterdam("2024-02-23 23:00")); // the last day of the term
        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => FireAsSystemAsync(id, "afwijzingOnherroepelijk"));
        var rule = Assert.Single(refused.BrokenRules);
        Assert.Equal("BEZWAARTERMIJN-LOOPT", rule.Code);
        Assert.Contains("6:8", rule.Source, StringComparison.Ordinal);
        Assert.Contains("6:7", rule.Source, StringComparison.Ordinal);
        Assert.Contains("23 februari 2024", rule.Message, StringComparison.Ordinal);
        Assert.Equal("afgewezen", await StateAsync(id));

        // The day after the end the rule lets it through: fired here, or already by the host's deadline worker on expiry
        // (then the case is closed and the engine refuses a second firing for its state, not for the term).
        _host.Clock.SetUtcNow(Amsterdam("2024-02-24 09:00"));
        try
        {
            await FireAsSystemAsync(id, "afwijzingOnherroepelijk");
        }
        catch (Casework.Web.Api.ApiProblemException problem)
        {
            Assert.Equal("gesloten", await StateAsync(id));
            Assert.Contains("Gesloten", problem.Message, StringComparison.Ordinal);
        }

        Assert.Equal("gesloten", await StateAsync(id));
    }

    /// <summary>A new version of a sent letter is refused by the rule that keeps it as sent, and nothing is stored.</summary>
    private async Task AssertDefinitiefAsync(HttpClient client, Guid documentId)
    {
        var response = await Casework.Web.Tests.Documents.DossierHost.NewVersionAsync(client, documentId, Casework.Web.Tests.Documents.DossierHost.Pdf(), "andere-brief.pdf", ifMatch: 1);
        var problem = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        var rule = Assert.Single(problem.GetProperty("brokenRules").EnumerateArray());
        Assert.Equal("DOSSIER-DEFINITIEF", rule.GetProperty("code").GetString());
        Assert.Contains("3:41", rule.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await _host.DbAsync(db => db.Set<DocumentVersion>().AsNoTracking().CountAsync(v => v.DocumentId == documentId)));
    }

    private Task<string> StateAsync(Guid id) => _host.DbAsync(db => db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.State).SingleAsync());

    private async Task FireAsSystemAsync(Guid id, string action)
    {
        await using var scope = _host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var transitions = scope.ServiceProvider.GetRequiredService<CaseTransitions>();
        await db.InWriteTransactionAsync(
            async ct =>
            {
                var caseFile = await db.Cases.FirstAsync(c => c.Id == id, ct);
                await transitions.FireAsync(caseFile, Actor.System, action, ActionInput.Empty, ct);
                return await db.SaveChangesAsync(ct);
            },
            CancellationToken.None);
    }

    /// <summary>Downloads the document through the dossier's own endpoint and reads its text with PdfPig.</summary>
    private static async Task<string> PdfTextAsync(HttpClient client, Guid documentId)
    {
        var response = await client.GetAsync($"/api/v1/documents/{documentId}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        // Words joined by single spaces, so a sentence reads the same whichever line break the layout chose.
        return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
