using System.Globalization;
using System.Net;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Tests.Pages;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// The award's page in a real browser, keyboard only and axe-core clean: the gemeente reports the start of construction
/// with a document from the dossier, VRO accepts it from its werkvoorraad.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AfterAwardBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task StartOfConstruction_ReportedByTheGemeente_IsAcceptedByVro_OnTheAwardsPage()
    {
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(fixture.Factory, projectName: "Katendrecht (na toekenning)");
        await CaseTestSteps.ToRankingAsync(fixture.Factory, id);
        var today = SecretarySetup.Today(fixture.Factory);
        await CaseTestSteps.DecideAsync(fixture.Factory, "vro-beoordelaar", "vro-beoordelaar-2", id, "toekennen", new { data = new { bedrag = 5_000_000m, verzenddatum = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } });
        using (var api = await CaseTestData.ApiAsync(fixture.Factory, "rotterdam-aanvrager"))
        using (var upload = Casework.Web.Tests.Documents.DossierHost.Form(Casework.Web.Tests.Documents.DossierHost.Pdf(1500, 91), "heipalen.pdf", "projectplan", "Foto van de heipalen"))
        {
            await HttpAssert.StatusAsync(HttpStatusCode.Created, await api.PostAsync($"/api/v1/cases/{id}/documents", upload));
        }

        await using var gemeente = await fixture.NewSessionAsync();
        await gemeente.SignInAsync("rotterdam-aanvrager", $"/toekenningen/{id}");
        await Assertions.Expect(gemeente.Page.GetByTestId("milestones")).ToContainTextAsync("Start van de bouw");
        await gemeente.AssertAccessibleAsync("80-toekenning-gemeente");
        await gemeente.TypeAsync(gemeente.Page.GetByLabel("Datum waarop de mijlpaal is bereikt").First, today.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await gemeente.TabToAsync(gemeente.Page.GetByLabel("Foto van de heipalen").First);
        await gemeente.Page.Keyboard.PressAsync("Space");
        await gemeente.PressAsync(gemeente.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Mijlpaal melden" }).First);
        await Assertions.Expect(gemeente.Page.Locator(".flash[role=status]")).ToContainTextAsync("De mijlpaal is gemeld");
        await Assertions.Expect(gemeente.Page.GetByTestId("milestones")).ToContainTextAsync("Gemeld, wacht op beoordeling");

        await using var vro = await fixture.NewSessionAsync();
        await vro.SignInAsync("vro-beoordelaar", "/werkvoorraad");
        await Assertions.Expect(vro.Page.GetByTestId("after-award-work")).ToContainTextAsync("Start van de bouw gemeld: beoordelen");
        await vro.AssertAccessibleAsync("81-werkvoorraad-na-toekenning");
        await vro.PressAsync(vro.Page.GetByTestId("after-award-work").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Katendrecht (na toekenning)" }));
        await vro.AssertAccessibleAsync("82-toekenning-vro-oordeel");
        await vro.ChooseAsync(vro.Page.GetByLabel("Oordeel", new PageGetByLabelOptions { Exact = true }), "Melding aanvaarden");
        await vro.PressAsync(vro.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Oordeel vastleggen" }));
        await Assertions.Expect(vro.Page.Locator(".flash[role=status]")).ToContainTextAsync("Het oordeel over de mijlpaal is vastgelegd.");
        await Assertions.Expect(vro.Page.GetByTestId("milestones")).ToContainTextAsync("Aanvaard");
    }
}
