using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Casework.Domain.Access;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static Casework.Web.Tests.Documents.DossierHost;

namespace Casework.Web.Tests.Documents;

/// <summary>
/// The dossier on the pages, as a browser without script uses them (cookie, antiforgery): the section on the case and
/// meeting pages, the upload form with the API's command and checks, Post/Redirect/Get, and the same scoping (404).
/// </summary>
public sealed partial class DossierPageTests : IAsyncLifetime
{
    private readonly DossierHost _host = new();

    public Task InitializeAsync()
    {
        _host.Factory.Settings["WebSecurity:SignInPermitLimit"] = "10000";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CasePage_UploadThroughTheForm_ListsTheDocumentAndDownloadsIt()
    {
        var caseFile = await _host.Factory.OpenCaseAsync("wbi-application", "GM0599", title: "Centrumplan");
        using var browser = await SignedInAsync("rotterdam-aanvrager");

        var casePage = WebUtility.HtmlDecode(await browser.GetStringAsync($"/zaken/{caseFile.Id}"));
        Assert.Contains(">Dossier</h2>", casePage, StringComparison.Ordinal);
        Assert.Contains("Er zijn nog geen documenten.", casePage, StringComparison.Ordinal);
        var uploadPath = Regex.Match(casePage, "href=\"(/dossier/toevoegen\\?zaak=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(uploadPath);

        var form = WebUtility.HtmlDecode(await browser.GetStringAsync(uploadPath));
        Assert.Contains("<option value=\"begroting\">Begroting</option>", form, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);
        Assert.Contains("<label class=\"utrecht-form-label\" for=\"Input_Bestand\">Bestand</label>", form, StringComparison.Ordinal);
        var pdf = Pdf(4000, seed: 21);
        var response = await browser.PostAsync(uploadPath, Multipart(Token(form), pdf, "begroting 2027.pdf", "begroting", "Begroting 2027"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/zaken/{caseFile.Id}#dossier", response.Headers.Location?.ToString());
        var after = WebUtility.HtmlDecode(await browser.GetStringAsync($"/zaken/{caseFile.Id}"));
        Assert.Contains("Document ‘Begroting 2027’ is toegevoegd.", after, StringComparison.Ordinal);
        var link = Regex.Match(after, "<a class=\"utrecht-link\" href=\"(/api/v1/documents/[^\"]+/content\\?versie=1)\" download=\"begroting 2027.pdf\" aria-label=\"Begroting 2027 downloaden\">Begroting 2027</a>");
        Assert.True(link.Success, after);
        Assert.Contains("<td class=\"utrecht-table__cell\">Begroting</td>", after, StringComparison.Ordinal);
        Assert.Contains("Zaakvertrouwelijk", after, StringComparison.Ordinal);
        Assert.Contains("4 kB", after, StringComparison.Ordinal);
        Assert.Contains("Verwijderen", after, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", after, StringComparison.OrdinalIgnoreCase);

        var download = await browser.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task UploadForm_WhenTheContentIsNoAllowedType_ShowsTheRuleAtTheFieldAndStoresNothing()
    {
        var caseFile = await _host.Factory.OpenCaseAsync("wbi-application", "GM0599");
        using var browser = await SignedInAsync("rotterdam-aanvrager");
        var path = $"/dossier/toevoegen?zaak={caseFile.Id}&terug=%2Fzaken%2F{caseFile.Id}";
        var form = await browser.GetStringAsync(path);

        var response = await browser.PostAsync(path, Multipart(Token(form), "MZ\u0090\u0000executable"u8.ToArray(), "begroting.pdf", "begroting", null));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<a class=\"utrecht-link\" href=\"#Input_Bestand\">", html, StringComparison.Ordinal);
        Assert.Contains("DOCUMENT-TYPE", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=true", html, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0, 0), await _host.LeftoversAsync());
    }

    [Fact]
    public async Task UploadForm_WithoutAntiforgeryToken_IsRefused_AndForAnotherGemeentesCaseIs404()
    {
        var caseFile = await _host.Factory.OpenCaseAsync("wbi-application", "GM0599");
        using var rotterdam = await SignedInAsync("rotterdam-aanvrager");
        var refused = await rotterdam.PostAsync($"/dossier/toevoegen?zaak={caseFile.Id}", Multipart(null, Pdf(), "plan.pdf", "projectplan", null));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var amsterdam = await SignedInAsync("amsterdam-aanvrager");
        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.GetAsync($"/dossier/toevoegen?zaak={caseFile.Id}")).StatusCode);
        Assert.Equal(0, await _host.DbAsync(db => db.Set<Casework.Domain.Documents.Document>().CountAsync()));
    }

    [Fact]
    public async Task MeetingPage_ShowsThePapersTheReaderMaySee_AndTheSecretaryMayAdd()
    {
        var meeting = await _host.PlanMeetingAsync("SBSD");
        using var api = await _host.AsAsync("SBSD", Role.Secretaris);
        await UploadAsync(api, $"/api/v1/meetings/{meeting}/documents", Pdf(), "notitie.pdf", type: "vergaderstuk", vertrouwelijkheid: null);
        await UploadAsync(api, $"/api/v1/meetings/{meeting}/documents", Pdf(seed: 5), "agenda.pdf", type: "vergaderstuk", vertrouwelijkheid: "openbaar");

        using var secretary = await SignedInAsync("sbsd-secretaris");
        var page = WebUtility.HtmlDecode(await secretary.GetStringAsync($"/vergaderingen/{meeting}"));
        Assert.Contains(">Vergaderstukken</h2>", page, StringComparison.Ordinal);
        Assert.Contains(">notitie</a>", page, StringComparison.Ordinal);
        Assert.Contains(">agenda</a>", page, StringComparison.Ordinal);
        Assert.Contains($"/dossier/toevoegen?vergadering={meeting}", page, StringComparison.Ordinal);

        using var outsider = await SignedInAsync("vro-beoordelaar");
        var seen = WebUtility.HtmlDecode(await outsider.GetStringAsync($"/vergaderingen/{meeting}"));
        Assert.Contains(">agenda</a>", seen, StringComparison.Ordinal);
        Assert.DoesNotContain(">notitie</a>", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("/dossier/toevoegen", seen, StringComparison.Ordinal);
        Assert.Contains("Documenten toevoegen kan nu niet: Alleen het secretariaat", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewVersionForm_CarriesTheVersionItShowed_AndIsRefusedWhenSomeoneAddedOneMeanwhile()
    {
        var caseFile = await _host.Factory.OpenCaseAsync("wbi-application", "GM0599", title: "Versies");
        using var api = await _host.AsAsync("GM0599", Role.GemeenteAanvrager);
        var id = (await UploadAsync(api, $"/api/v1/cases/{caseFile.Id}/documents", Pdf(seed: 30), "plan.pdf")).GetProperty("id").GetGuid();
        using var browser = await SignedInAsync("rotterdam-aanvrager");
        var path = $"/dossier/toevoegen?document={id}&terug=" + Uri.EscapeDataString($"/zaken/{caseFile.Id}");
        var form = WebUtility.HtmlDecode(await browser.GetStringAsync(path));
        Assert.Contains("name=\"Input.ExpectedVersion\" value=\"1\"", form, StringComparison.Ordinal);

        // Someone else adds version 2 while the form is open: the form's upload is refused and stores nothing.
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await NewVersionAsync(api, id, Pdf(seed: 31), "plan-v2.pdf", ifMatch: 1));
        using var stale = Multipart(Token(form), Pdf(seed: 32), "plan-v3.pdf", type: null, title: null);
        stale.Add(new StringContent("1"), "Input.ExpectedVersion");
        var refused = await browser.PostAsync(path, stale);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("versie 2, u stuurde 1", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(2, await _host.DbAsync(db => db.Set<Casework.Domain.Documents.DocumentVersion>().CountAsync(v => v.DocumentId == id)));
    }

    [Fact]
    public async Task MeetingPage_AgendaItemHoldsItsOwnPapers_UploadedThroughTheForm()
    {
        var knelpunt = await Pages.SecretarySetup.KnelpuntReadyForSbsdAsync(_host.Factory, "Stukken bij een punt");
        var meeting = await Pages.SecretarySetup.PlanSbsdMeetingTodayAsync(_host.Factory, "Vergadering met stukken");
        var item = await Pages.SecretarySetup.AddToAgendaAsync(_host.Factory, meeting, knelpunt.Id);

        using var secretary = await SignedInAsync("sbsd-secretaris");
        var page = WebUtility.HtmlDecode(await secretary.GetStringAsync($"/vergaderingen/{meeting}"));
        Assert.Contains($"id=\"dossier-agendapunt-{item}\"", page, StringComparison.Ordinal);
        Assert.Contains($">Stukken bij punt 1: {knelpunt.Reference}</h2>", page, StringComparison.Ordinal);
        var uploadPath = $"/dossier/toevoegen?vergadering={meeting}&agendapunt={item}";
        Assert.Contains(uploadPath, page, StringComparison.Ordinal);

        var form = WebUtility.HtmlDecode(await secretary.GetStringAsync(uploadPath + "&terug=" + Uri.EscapeDataString($"/vergaderingen/{meeting}")));
        using var upload = Multipart(Pages.SecretarySetup.Token(form), Pdf(seed: 9), "voorstel.pdf", "vergaderstuk", "Voorstel bij het punt");
        var posted = await secretary.PostAsync(uploadPath + "&terug=" + Uri.EscapeDataString($"/vergaderingen/{meeting}"), upload);
        Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"Expected a redirect, got {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");

        using var api = await _host.AsAsync("SBSD", Role.Secretaris);
        var listed = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/meetings/{meeting}/agenda-items/{item}/documents");
        Assert.Equal("Voorstel bij het punt", Assert.Single(listed.EnumerateArray()).GetProperty("titel").GetString());
        Assert.Equal(0, (await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/meetings/{meeting}/documents")).GetArrayLength());
        page = WebUtility.HtmlDecode(await secretary.GetStringAsync($"/vergaderingen/{meeting}"));
        var section = page[page.IndexOf($"id=\"dossier-agendapunt-{item}\"", StringComparison.Ordinal)..];
        Assert.Contains(">Voorstel bij het punt</a>", section, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Multipart(string? token, byte[] content, string fileName, string? type, string? title)
    {
        var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        if (type is not null)
        {
            form.Add(new StringContent(type), "Input.Informatieobjecttype");
        }

        if (title is not null)
        {
            form.Add(new StringContent(title), "Input.Titel");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"Input.Bestand\"", FileName = "\"" + fileName + "\"" };
        form.Add(file);
        return form;
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var picker = await client.GetStringAsync("/dev/sign-in");
        var response = await client.PostAsync("/dev/sign-in", new FormUrlEncodedContent([new("__RequestVerificationToken", Token(picker)), new("user", user), new("returnUrl", "/")]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*\\svalue=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
