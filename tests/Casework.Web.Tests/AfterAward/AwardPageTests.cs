using System.Globalization;
using System.Net;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Tests.Pages;
using static Casework.Web.Tests.Pages.GemeentePageSetup;

namespace Casework.Web.Tests.AfterAward;

/// <summary>The award's page, and the after-award work on the gemeente's "mijn zaken" and VRO's werkvoorraad.</summary>
public sealed class AwardPageTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();
    private Guid _award;

    public async Task InitializeAsync()
    {
        var round = await CaseTestData.AnnounceOpenWbiRoundAsync(_factory);
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(_factory, round, projectName: "Hart van Zuid");
        await CaseTestSteps.ToRankingAsync(_factory, id);
        await CaseTestSteps.DecideAsync(_factory, "vro-beoordelaar", "vro-beoordelaar-2", id, "toekennen", new { data = new { bedrag = 5_000_000m, verzenddatum = SecretarySetup.Today(_factory).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } });
        _award = id;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task AwardPage_ShowsConditionsMilestonesSisaAndTimeline_ToTheGemeenteAndVro_AndIsLinkedFromTheCase()
    {
        using var gemeente = await BrowserAsync(_factory, "rotterdam-aanvrager");
        using var vro = await BrowserAsync(_factory, "vro-beoordelaar");

        var page = await gemeente.GetStringAsync($"/toekenningen/{_award}");
        var casePage = await gemeente.GetStringAsync($"/zaken/{_award}");
        var asVro = await vro.GetAsync($"/toekenningen/{_award}");
        var missing = await vro.GetAsync($"/toekenningen/{Guid.NewGuid()}");

        Assert.Contains("Voorwaarden", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"milestones\"", page, StringComparison.Ordinal);
        Assert.Contains("Start van de bouw", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sisa-years\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"award-timeline\"", page, StringComparison.Ordinal);
        Assert.Contains("5.000.000,00", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/toekenningen/{_award}\"", casePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asVro.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task MijnZaken_ShowsWhatIsDueAfterTheAward_WithTheDate()
    {
        using var gemeente = await BrowserAsync(_factory, "rotterdam-aanvrager");

        var page = await gemeente.GetStringAsync("/mijn-zaken");

        Assert.Contains("Na de toekenning: wat u nog moet doen", page, StringComparison.Ordinal);
        Assert.Contains("Start van de bouw melden", page, StringComparison.Ordinal);
        Assert.Contains("SiSa-verantwoording over", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/toekenningen/{_award}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MilestoneReportedOnThePage_IsJudgedByVroOnThePage_AndVroSeesItInTheWerkvoorraadMeanwhile()
    {
        using var api = await ApiAsync(_factory, "rotterdam-aanvrager");
        using var upload = Casework.Web.Tests.Documents.DossierHost.Form(Casework.Web.Tests.Documents.DossierHost.Pdf(1500, 77), "bouwput.pdf", "projectplan", "Foto van de bouwput");
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await api.PostAsync($"/api/v1/cases/{_award}/documents", upload));
        using var gemeente = await BrowserAsync(_factory, "rotterdam-aanvrager");
        using var vro = await BrowserAsync(_factory, "vro-beoordelaar");
        var page = await gemeente.GetStringAsync($"/toekenningen/{_award}");
        var evidence = System.Text.RegularExpressions.Regex.Match(page, "name=\"bewijs\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var today = SecretarySetup.Today(_factory).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

        var badDate = await gemeente.PostAsync($"/toekenningen/{_award}?handler=Melden", Form(("__RequestVerificationToken", Token(page)), ("kind", "start-bouw"), ("datum", "morgen"), ("bewijs", evidence)));
        var reported = await gemeente.PostAsync($"/toekenningen/{_award}?handler=Melden", Form(("__RequestVerificationToken", Token(page)), ("kind", "start-bouw"), ("datum", today), ("bewijs", evidence), ("toelichting", "heipalen geslagen")));
        var queue = await vro.GetStringAsync("/werkvoorraad");
        var vroPage = await vro.GetStringAsync($"/toekenningen/{_award}");
        var judged = await vro.PostAsync($"/toekenningen/{_award}?handler=Oordeel", Form(("__RequestVerificationToken", Token(vroPage)), ("kind", "start-bouw"), ("outcome", "aanvaarden"), ("reason", string.Empty)));
        var after = await gemeente.GetStringAsync($"/toekenningen/{_award}");

        Assert.False(string.IsNullOrEmpty(evidence));
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Contains("dag-maand-jaar", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        Assert.Contains("Na de toekenning: wacht op uw oordeel", queue, StringComparison.Ordinal);
        Assert.Contains("Start van de bouw gemeld: beoordelen", queue, StringComparison.Ordinal);
        Assert.Contains("Oordeel over: Start van de bouw", vroPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, judged.StatusCode);
        Assert.Contains("Aanvaard", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Melden: Start van de bouw", after, StringComparison.Ordinal);
    }
}
