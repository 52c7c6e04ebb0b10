using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Tests.Pages;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// The gemeente's journey in chromium with the keyboard only: open WBI round, fill the form with too few homes, save,
/// submit, read the broken rule and its source in the error summary, fix, submit, land on the case. Then the
/// gemeente's dashboard and the loket's work queue with the application in it. axe-core: zero violations everywhere.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class GemeenteBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task WbiApplication_WithKeyboardOnly_BrokenRuleShownWithSourceThenFixedAndSubmitted()
    {
        var roundName = GemeentePageSetup.UniqueRoundName("BR");
        await GemeentePageSetup.OpenWbiRoundAsync(fixture.Factory, roundName);
        var project = "Centrum Weert " + roundName[^8..];

        await using var s = await fixture.NewSessionAsync();
        await s.SignInAsync("weert-aanvrager", "/aanvragen/nieuw");
        await Assertions.Expect(s.Page.Locator("h1")).ToHaveTextAsync("Nieuwe aanvraag");
        await s.AssertAccessibleAsync("20-aanvraag-kies-ronde");

        await s.PressAsync(s.Page.GetByRole(AriaRole.Link, new() { Name = $"Aanvraag opstellen voor Woningbouwimpuls {roundName}" }));
        await Assertions.Expect(s.Page.Locator("h1")).ToHaveTextAsync($"Nieuwe aanvraag Woningbouwimpuls, ronde {roundName}");
        await Assertions.Expect(s.Page.Locator("[data-testid='verplicht-gemeentelijke-bijdrage']")).ToContainTextAsync("nog niet toegevoegd");
        await s.AssertAccessibleAsync("21-aanvraag-formulier");

        await s.TypeAsync(s.Page.GetByLabel("Projectnaam"), project);
        await s.TypeAsync(s.Page.GetByLabel("Ander gebied"), "Binnenstad, rond de Markt");
        await s.TypeAsync(s.Page.GetByLabel("Sociale huur"), "40"); // 40 + 150 = 190 homes; the round asks 200
        await s.TypeAsync(s.Page.GetByLabel("Overige woningen"), "150");
        await s.TypeAsync(s.Page.GetByLabel("Financieel tekort"), "10.000.000");
        await s.TypeAsync(s.Page.GetByLabel("Gevraagd bedrag"), "5.000.000");
        await s.TypeAsync(s.Page.GetByLabel("Eigen bijdrage"), "5.000.000");
        await s.TypeAsync(s.Page.GetByLabel("Geplande start bouw"), "01-06-2027");
        await s.TypeAsync(s.Page.GetByLabel("Geplande oplevering"), "31-12-2032");
        await s.PressAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als concept" }));

        await s.Page.WaitForURLAsync(new Regex("/aanvragen/[0-9a-f-]{36}$"));
        var id = Guid.Parse(s.Page.Url[^36..]);
        await Assertions.Expect(s.Alerts).ToContainTextAsync("is opgeslagen");
        await Assertions.Expect(s.Page.GetByLabel("Geplande start bouw")).ToHaveValueAsync("2027-06-01");

        await s.PressAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Indienen" }));

        var summary = s.Page.Locator("[data-error-summary]");
        await Assertions.Expect(summary).ToContainTextAsync("Regel WBI-MIN-WONINGEN");
        await Assertions.Expect(summary).ToContainTextAsync("bron: ");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(s.Page.Locator("main")).ToContainTextAsync("niet ingediend");
        await s.AssertAccessibleAsync("22-aanvraag-gebroken-regel");
        Assert.Equal("concept", (await ApplicationAsync(id)).GetProperty("state").GetString());

        // The round requires bijlagen: each missing one is named in the summary and listed in the dossier section.
        await Assertions.Expect(summary).ToContainTextAsync("Regel WBI-BIJLAGE-ONTBREEKT-COLLEGEBESLUIT");
        await Assertions.Expect(s.Page.Locator("[data-testid='verplicht-collegebesluit']")).ToContainTextAsync("ontbreekt");
        using (var gemeente = await fixture.Factory.SignInAsync("weert-aanvrager"))
        {
            Assert.Equal(5, (await Applications.RequiredBijlagen.AttachAsync(gemeente, id)).Count);
        }

        // The case page (/zaken/{id}) is another slice. Where it is not there yet, the submit's redirect is read from
        // the server's own answer and a stand-in page is shown, so the journey ends without a 404.
        var casePageExists = (await s.Page.APIRequest.GetAsync($"/zaken/{id}")).Status == 200;
        string? redirectedTo = null;
        if (!casePageExists)
        {
            await s.Page.RouteAsync(new Regex($"/aanvragen/{id}\\?handler=Submit$"), async route =>
            {
                var answer = await route.FetchAsync(new() { MaxRedirects = 0 });
                redirectedTo = answer.Headers.GetValueOrDefault("location");
                await route.FulfillAsync(new()
                {
                    Status = 200,
                    ContentType = "text/html",
                    Body = "<!DOCTYPE html><html lang=\"nl\"><head><title>Zaak</title></head><body><main><h1>Zaak</h1></main></body></html>",
                });
            });
        }

        await s.TypeAsync(s.Page.GetByLabel("Sociale huur"), "150");
        await s.PressAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Indienen" }));

        if (casePageExists)
        {
            await s.Page.WaitForURLAsync($"**/zaken/{id}");
            await Assertions.Expect(s.Alerts).ToContainTextAsync("is ingediend");
            await s.AssertAccessibleAsync("23-zaak-na-indienen");
        }
        else
        {
            await Assertions.Expect(s.Page.Locator("h1")).ToHaveTextAsync("Zaak");
            Assert.Equal($"/zaken/{id}", redirectedTo);
        }

        var submitted = await ApplicationAsync(id);
        Assert.Equal("ingediend", submitted.GetProperty("state").GetString());
        Assert.Equal(300, submitted.GetProperty("totalHomes").GetInt32());

        await s.Page.UnrouteAllAsync();
        await s.Page.GotoAsync("/mijn-zaken");
        var row = s.Page.Locator("tr", new() { Has = s.Page.GetByRole(AriaRole.Link, new() { Name = project }) });
        await Assertions.Expect(row).ToContainTextAsync("Ingediend");
        await Assertions.Expect(row).ToContainTextAsync("Niets");
        await s.AssertAccessibleAsync("24-mijn-zaken");

        await using var loket = await fixture.NewSessionAsync();
        await loket.SignInAsync("rvo-loket", "/werkvoorraad");
        await Assertions.Expect(loket.Page.Locator("h1")).ToHaveTextAsync("Werkvoorraad");
        await loket.AssertAccessibleAsync("25-werkvoorraad");

        // Choosing a filter updates the results in place (htmx) and the address says what is shown.
        await loket.ChooseAsync(loket.Page.GetByLabel("Soort zaak"), "Aanvraag Woningbouwimpuls");
        await loket.Page.WaitForURLAsync(new Regex("soort=wbi-application"));
        // The case type narrows the status list to its own statuses (no more "Ingediend / Ingediend, triage").
        await loket.ChooseAsync(loket.Page.GetByLabel("Status"), "Ingediend");
        await loket.Page.WaitForURLAsync(new Regex("status=ingediend"));
        var queued = loket.Page.Locator("#werkvoorraad-resultaat tr", new() { Has = loket.Page.GetByRole(AriaRole.Link, new() { Name = project }) });
        await Assertions.Expect(queued).ToContainTextAsync("Weert");
        await Assertions.Expect(queued).ToContainTextAsync("Beslistermijn");
        await loket.AssertAccessibleAsync("26-werkvoorraad-gefilterd");

        // Without JavaScript's help the same address gives the same list (a plain GET).
        await loket.Page.ReloadAsync();
        await Assertions.Expect(loket.Page.GetByRole(AriaRole.Link, new() { Name = project })).ToBeVisibleAsync();

        // The search box narrows the list in place; the downloads then hold what it shows.
        await loket.TypeAsync(loket.Page.GetByLabel("Zoeken"), project.ToUpperInvariant());
        await loket.Page.Keyboard.PressAsync("Enter");
        await loket.Page.WaitForURLAsync(new Regex("zoek=CENTRUM"));
        await Assertions.Expect(loket.Page.GetByRole(AriaRole.Link, new() { Name = project })).ToBeVisibleAsync();
        await Assertions.Expect(loket.Page.Locator("#werkvoorraad-telling")).ToContainTextAsync("1 zaak gevonden");
        await loket.AssertAccessibleAsync("27-werkvoorraad-gezocht");
        var download = await loket.Page.RunAndWaitForDownloadAsync(() => loket.PressAsync(loket.Page.GetByRole(AriaRole.Link, new() { Name = "Downloaden als CSV" })));
        Assert.StartsWith("werkvoorraad-", download.SuggestedFilename, StringComparison.Ordinal);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(project, lines[1], StringComparison.Ordinal);
        Assert.Contains(";Weert;", lines[1], StringComparison.Ordinal);
    }

    private async Task<JsonElement> ApplicationAsync(Guid id)
    {
        using var client = await fixture.Factory.SignInAsync("beheerder");
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{id}");
    }
}
