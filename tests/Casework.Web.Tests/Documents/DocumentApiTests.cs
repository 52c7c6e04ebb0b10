using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Documents.DossierHost;

namespace Casework.Web.Tests.Documents;

/// <summary>The dossier through the API on SQLite: round trips with their checksum, every refusal leaves nothing, scoping and audit.</summary>
public sealed class DocumentApiTests : IAsyncLifetime
{
    private readonly DossierHost _host = new();
    private CaseFile _case = null!;

    public async Task InitializeAsync() => _case = await _host.Factory.OpenCaseAsync("wbi-application", "GM0599", routedTo: "RVO", title: "Centrumplan");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string CaseDocuments => $"/api/v1/cases/{_case.Id}/documents";

    [Fact]
    public async Task Upload_ThenNewVersion_EachVersionDownloadsWithItsChecksumAndSafeHeaders()
    {
        using var gemeente = await _host.AsAsync("GM0599", Role.GemeenteAanvrager);
        var first = Pdf(5000, seed: 7);
        var created = await UploadAsync(gemeente, CaseDocuments, first, "Projectplan Centrum ü.pdf");

        Assert.Equal("application/pdf", created.GetProperty("formaat").GetString());
        Assert.Equal(5000, created.GetProperty("bestandsomvang").GetInt64());
        Assert.Equal("sha_256", created.GetProperty("integriteit").GetProperty("algoritme").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first)), created.GetProperty("integriteit").GetProperty("waarde").GetString());
        Assert.Equal("zaakvertrouwelijk", created.GetProperty("vertrouwelijkheidaanduiding").GetString());
        Assert.Equal("GM0599", created.GetProperty("bronorganisatie").GetString());
        Assert.Equal(1, created.GetProperty("versie").GetInt32());
        var id = created.GetProperty("id").GetGuid();

        var second = Pdf(7000, seed: 8);
        var versionResponse = await NewVersionAsync(gemeente, id, second, "Projectplan Centrum v2.pdf", ifMatch: 1);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, versionResponse);
        var superseded = await versionResponse.ReadJsonAsync();
        Assert.Equal(2, superseded.GetProperty("versie").GetInt32());
        Assert.Equal([1, 2], superseded.GetProperty("versies").EnumerateArray().Select(v => v.GetProperty("versie").GetInt32()).ToArray());

        // A new version replaces the version the caller saw: without it 428, on a stale one 409, and nothing is stored.
        var blind = await NewVersionAsync(gemeente, id, Pdf(900, seed: 21), "blind.pdf", ifMatch: null);
        await HttpAssert.StatusAsync(HttpStatusCode.PreconditionRequired, blind);
        var stale = await NewVersionAsync(gemeente, id, Pdf(900, seed: 22), "verouderd.pdf", ifMatch: 1);
        await HttpAssert.StatusAsync(HttpStatusCode.Conflict, stale);
        Assert.Contains("versie 2, u stuurde 1", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await _host.DbAsync(db => db.Set<Casework.Domain.Documents.DocumentVersion>().CountAsync(v => v.DocumentId == id)));
        Assert.Equal(2, await _host.DbAsync(db => db.Set<Casework.Web.Features.Documents.DocumentContent>().CountAsync()));

        var latest = await gemeente.GetAsync($"/api/v1/documents/{id}/content");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, latest);
        Assert.Equal(second, await latest.Content.ReadAsByteArrayAsync());
        var old = await gemeente.GetAsync($"/api/v1/documents/{id}/content?versie=1");
        var oldBytes = await old.Content.ReadAsByteArrayAsync();
        Assert.Equal(first, oldBytes);
        Assert.Equal(created.GetProperty("integriteit").GetProperty("waarde").GetString(), Convert.ToHexStringLower(SHA256.HashData(oldBytes)));

        Assert.Equal("attachment", old.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Projectplan Centrum ü.pdf", old.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.DoesNotContain("ü", old.Content.Headers.ContentDisposition?.FileName ?? "ü", StringComparison.Ordinal);
        Assert.Equal("application/pdf", old.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", old.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("default-src 'none'", string.Join(",", old.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        // One stored content per distinct file; the two versions keep two.
        var leftovers = await _host.LeftoversAsync();
        Assert.Equal((1, 2, 2, 2, 0), leftovers);
    }

    public static TheoryData<string, byte[], string, string?, HttpStatusCode, string> Refusals() => new()
    {
        { "empty", [], "leeg.pdf", null, HttpStatusCode.BadRequest, "bestand" },
        { "too large", Pdf(DossierHost.MaxFileBytes + 1), "groot.pdf", null, HttpStatusCode.RequestEntityTooLarge, "DOCUMENT-TE-GROOT" },
        { "wrong type by content", RandomBytes(4000), "begroting.pdf", null, HttpStatusCode.UnsupportedMediaType, "DOCUMENT-TYPE" },
        { "renamed executable", Executable(), "begroting.pdf", null, HttpStatusCode.UnsupportedMediaType, "DOCUMENT-TYPE" },
        { "html named as text", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "pagina.html", null, HttpStatusCode.UnsupportedMediaType, "DOCUMENT-TYPE" },
        { "pdf named as docx", Pdf(), "plan.docx", null, HttpStatusCode.UnsupportedMediaType, "DOCUMENT-TYPE" },
        { "path in name", Pdf(), "../../etc/plan.pdf", null, HttpStatusCode.BadRequest, "bestandsnaam" },
        { "windows path in name", Pdf(), "C:\\temp\\plan.pdf", null, HttpStatusCode.BadRequest, "bestandsnaam" },
        { "control character in name", Pdf(), string.Empty, "plan\u0007.pdf", HttpStatusCode.BadRequest, "bestandsnaam" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Upload_WhenRefused_NamesTheRuleAndLeavesNoRowContentOrFile(string why, byte[] content, string fileName, string? fileNameStar, HttpStatusCode status, string rule)
    {
        using var gemeente = await _host.AsAsync("GM0599", Role.GemeenteAanvrager);

        var response = await gemeente.PostAsync(CaseDocuments, Form(content, fileName, fileNameStar: fileNameStar));

        Assert.True(status == response.StatusCode, $"{why}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        var named = problem.TryGetProperty("errors", out var errors) ? errors.TryGetProperty(rule, out _) : problem.GetProperty("rule").GetString() == rule;
        Assert.True(named, $"{why}: the problem does not name {rule}: {problem}");
        Assert.Equal((0, 0, 0, 0, 0), await _host.LeftoversAsync());
        var refusal = await _host.DbAsync(db => db.AuditEvents.Where(e => e.Action == "document.toevoegen").ToListAsync());
        Assert.Equal("geweigerd", Assert.Single(refusal).Result);
    }

    [Fact]
    public async Task AnotherOrganisationsDocument_Is404AndAbsentFromLists()
    {
        using var rotterdam = await _host.AsAsync("GM0599", Role.GemeenteAanvrager);
        var id = (await UploadAsync(rotterdam, CaseDocuments, Pdf(), "plan.pdf")).GetProperty("id").GetGuid();
        var amsterdamCase = await _host.Factory.OpenCaseAsync("wbi-application", "GM0363");
        using var amsterdam = await _host.AsAsync("GM0363", Role.GemeenteAanvrager);

        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.GetAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.GetAsync($"/api/v1/documents/{id}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.GetAsync(CaseDocuments)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.PostAsync($"/api/v1/documents/{id}/versions", Form(Pdf(), "x.pdf", type: null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.DeleteAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.PostAsync(CaseDocuments, Form(Pdf(), "x.pdf"))).StatusCode);
        var own = await (await amsterdam.GetAsync($"/api/v1/cases/{amsterdamCase.Id}/documents")).ReadJsonAsync();
        Assert.Equal(0, own.GetArrayLength());
        Assert.Equal(1, await _host.DbAsync(db => db.Set<Casework.Domain.Documents.DocumentVersion>().CountAsync()));

        var refusedRead = await _host.DbAsync(db => db.AuditEvents.Where(e => e.Action == "document.gedownload" && e.ActorOrganisation == "GM0363").ToListAsync());
        Assert.Equal("niet-gevonden", Assert.Single(refusedRead).Result);
    }

    [Fact]
    public async Task UploadDownloadAndDelete_AreEachAudited_WithDocumentVersionAndResult()
    {
        using var gemeente = await _host.AsAsync("GM0599", Role.GemeenteAanvrager);
        var created = await UploadAsync(gemeente, CaseDocuments, Pdf(), "plan.pdf");
        var id = created.GetProperty("id").GetGuid();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await gemeente.GetAsync($"/api/v1/documents/{id}/content"));
        await HttpAssert.StatusAsync(HttpStatusCode.NoContent, await gemeente.DeleteAsync($"/api/v1/documents/{id}"));

        var events = await _host.DbAsync(db => db.AuditEvents.Where(e => e.ObjectId == id.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["document.toegevoegd", "document.gedownload", "document.verwijderd"], events.Select(e => e.Action).ToArray());
        Assert.All(events, e => Assert.Equal("ok", e.Result));
        Assert.Equal(AuditTrailStream(_case.Id), events[0].Stream);
        Assert.Equal(AuditTrailStream(_case.Id), events[2].Stream);
        Assert.StartsWith("read:", events[1].Stream, StringComparison.Ordinal);
        Assert.Contains("\"versie\":1", events[1].NewValues ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains(created.GetProperty("integriteit").GetProperty("waarde").GetString()!, events[0].NewValues ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0, 0), await _host.LeftoversAsync());
    }

    [Fact]
    public async Task AfterSubmission_TheGemeenteCannotAddOrDelete_ButTheLoketAddsAVersion_AndTheRecordIsKept()
    {
        using var gemeente = await _host.AsAsync("GM0599", Role.GemeenteAanvrager);
        var id = (await UploadAsync(gemeente, CaseDocuments, Pdf(), "plan.pdf")).GetProperty("id").GetGuid();
        await _host.SetStateAsync(_case.Id, "ingediend");

        var add = await gemeente.PostAsync(CaseDocuments, Form(Pdf(seed: 3), "later.pdf"));
        Assert.Equal(HttpStatusCode.Conflict, add.StatusCode);
        Assert.Contains("DOSSIER-ALLEEN-CONCEPT-OF-HERSTEL", await add.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var loket = await _host.AsAsync("RVO", Role.Loket);
        var delete = await loket.DeleteAsync($"/api/v1/documents/{id}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("DOSSIER-VERWIJDEREN-ALLEEN-CONCEPT", await delete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await NewVersionAsync(loket, id, Pdf(seed: 4), "plan-gecorrigeerd.pdf", ifMatch: 1));

        Assert.Equal(2, await _host.DbAsync(db => db.Set<Casework.Domain.Documents.DocumentVersion>().CountAsync()));
        using var auditor = await _host.AsAsync("BZK", Role.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(CaseDocuments, Form(Pdf(), "x.pdf"))).StatusCode);
    }

    [Fact]
    public async Task ConfidentialMeetingPaper_IsRefusedToANonMember_AndReadByTheBody()
    {
        var meeting = await _host.PlanMeetingAsync("SBSD");
        using var secretary = await _host.AsAsync("SBSD", Role.Secretaris);
        var paper = await UploadAsync(secretary, $"/api/v1/meetings/{meeting}/documents", Pdf(), "notitie.pdf", type: "vergaderstuk");
        Assert.Equal("vertrouwelijk", paper.GetProperty("vertrouwelijkheidaanduiding").GetString());
        var open = await UploadAsync(secretary, $"/api/v1/meetings/{meeting}/documents", Pdf(seed: 9), "agenda.pdf", type: "vergaderstuk", vertrouwelijkheid: "openbaar");
        var id = paper.GetProperty("id").GetGuid();

        using var outsider = await _host.AsAsync("VRO", Role.Beoordelaar);
        var seen = await (await outsider.GetAsync($"/api/v1/meetings/{meeting}/documents")).ReadJsonAsync();
        Assert.Equal([open.GetProperty("id").GetGuid()], seen.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/documents/{id}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsync($"/api/v1/meetings/{meeting}/documents", Form(Pdf(), "x.pdf", type: "vergaderstuk"))).StatusCode);

        using var member = await _host.AsAsync("SBSD", Role.Commissielid);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await member.GetAsync($"/api/v1/documents/{id}/content"));
        var all = await (await member.GetAsync($"/api/v1/meetings/{meeting}/documents")).ReadJsonAsync();
        Assert.Equal(2, all.GetArrayLength());
    }

    [Fact]
    public async Task ACrashBetweenContentAndMetadata_LeavesNoVisibleHalfDocument()
    {
        // The content is written first; the metadata row then fails (as a host dying before its commit would end it).
        await _host.DbAsync(db => db.Database.ExecuteSqlRawAsync("CREATE TRIGGER crash_on_document BEFORE INSERT ON \"Documents\" BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;"));
        using var gemeente = await _host.AsAsync("GM0599", Role.GemeenteAanvrager);

        var response = await gemeente.PostAsync(CaseDocuments, Form(Pdf(40_000), "plan.pdf"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal((0, 0, 0, 0, 0), await _host.LeftoversAsync());
        Assert.Equal(0, (await (await gemeente.GetAsync(CaseDocuments)).ReadJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task AnUploadBrokenOffMidStream_LeavesNoDocumentAndNoStagedFile()
    {
        using var gemeente = await _host.AsAsync("GM0599", Role.GemeenteAanvrager);
        using var form = Form(Pdf(60_000), "plan.pdf");
        var body = await form.ReadAsByteArrayAsync();

        // Sent into the server directly, so the test waits for the app to finish the request it broke off.
        var context = await _host.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = CaseDocuments;
            c.Request.Headers.Authorization = gemeente.DefaultRequestHeaders.Authorization!.ToString();
            c.Request.ContentType = form.Headers.ContentType!.ToString();
            c.Request.Body = new BreaksAfter(body, 30_000);
        });

        Assert.Equal(StatusCodes400, context.Response.StatusCode);
        Assert.Equal((0, 0, 0, 0, 0), await _host.LeftoversAsync());
    }

    private const int StatusCodes400 = 400;

    [Fact]
    public async Task StagedFilesACrashLeftBehind_AreSwept()
    {
        Directory.CreateDirectory(_host.StagingPath);
        var orphan = Path.Combine(_host.StagingPath, "dead.upload");
        var fresh = Path.Combine(_host.StagingPath, "running.upload");
        await File.WriteAllBytesAsync(orphan, Pdf());
        await File.WriteAllBytesAsync(fresh, Pdf());
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddDays(-2));
        var sweeper = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Casework.Web.Features.Documents.StagingSweeper>(_host.Factory.Services);

        Assert.Equal(1, sweeper.Sweep(TimeSpan.FromDays(1)));
        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(fresh));
    }

    [Fact]
    public async Task Rules_ListTheCatalogueAndLimits()
    {
        using var gemeente = await _host.AsAsync("GM0599", Role.GemeenteAanvrager);
        var rules = await (await gemeente.GetAsync("/api/v1/documents/rules")).ReadJsonAsync();
        Assert.Contains("begroting", rules.GetProperty("informatieobjecttypen").EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        Assert.Equal(DossierHost.MaxFileBytes, rules.GetProperty("maxBestandsomvang").GetInt64());
        Assert.Contains("zeer_geheim", rules.GetProperty("vertrouwelijkheidaanduidingen").EnumerateArray().Select(v => v.GetString()));
    }

    private static string AuditTrailStream(Guid caseId) => "case:" + caseId.ToString("N");

    private static byte[] RandomBytes(int size)
    {
        var bytes = new byte[size];
        new Random(5).NextBytes(bytes);
        bytes[0] = 0x00;
        return bytes;
    }

    private static byte[] Executable()
    {
        var bytes = RandomBytes(4096);
        "MZ"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>A request body that fails after some bytes, as a client (or its host) that dies mid-upload.</summary>
    private sealed class BreaksAfter(byte[] content, int after) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= after)
            {
                throw new IOException("The client went away.");
            }

            var n = Math.Min(Math.Min(count, after - _position), content.Length - _position);
            Array.Copy(content, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
