using Casework.Web.Tests.Pages;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// Claiming and handing over on the case page in a real browser, keyboard only and axe-core clean: a reviewer takes a
/// case routed to VRO, hands it to a colleague with a note, and the colleague finds it under "Mijn zaken" in the werkvoorraad.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BehandelaarBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ClaimAndHandOver_OnTheCasePage_ShowTheBehandelaarAndTheColleagueFindsItInTheWorkQueue()
    {
        var (id, reference) = await CaseTestData.SubmittedWbiApplicationAsync(fixture.Factory, projectName: "Stadshart Noord (behandelaar)");
        await CaseTestSteps.FireAsync(fixture.Factory, "rvo-loket", id, "verklaarVolledig");
        // The colleague has signed in once, so Casework knows her as a user of VRO.
        using (await CaseTestData.ApiAsync(fixture.Factory, "vro-beoordelaar-2"))
        {
        }

        var casePath = $"/zaken/{id}";

        await using (var vro = await fixture.NewSessionAsync())
        {
            await vro.SignInAsync("vro-beoordelaar", casePath);
            await Assertions.Expect(vro.Page.GetByTestId("behandelaar")).ToHaveTextAsync("Nog niemand");
            await vro.AssertAccessibleAsync("60-zaak-behandelaar-oppakken");

            await vro.PressAsync(Button(vro, "In behandeling nemen"));

            await Assertions.Expect(Flash(vro)).ToContainTextAsync("De zaak is bij u in behandeling.");
            await Assertions.Expect(vro.Page.GetByTestId("behandelaar")).ToHaveTextAsync("Mohammed Amrani");
            await vro.AssertAccessibleAsync("61-zaak-behandelaar-overdragen");

            await vro.ChooseAsync(vro.Page.GetByLabel("Collega", new PageGetByLabelOptions { Exact = true }), "Esther de Graaf");
            await vro.TypeAsync(vro.Page.GetByLabel("Notitie voor de collega"), "De toelatingstoets is half af; het bouwplan moet nog worden bekeken.");
            await vro.PressAsync(Button(vro, "Overdragen"));

            await Assertions.Expect(Flash(vro)).ToContainTextAsync("De zaak is overgedragen.");
            await Assertions.Expect(vro.Page.GetByTestId("behandelaar")).ToHaveTextAsync("Esther de Graaf");
            await Assertions.Expect(vro.Page.Locator(".timeline")).ToContainTextAsync("Overgedragen aan een collega");
            await Assertions.Expect(vro.Page.Locator(".timeline")).ToContainTextAsync("het bouwplan moet nog worden bekeken");
        }

        await using (var colleague = await fixture.NewSessionAsync())
        {
            await colleague.SignInAsync("vro-beoordelaar-2", "/werkvoorraad?behandelaar=mine");
            var row = colleague.Page.Locator("tr", new PageLocatorOptions { HasText = reference });
            await Assertions.Expect(row).ToContainTextAsync("Esther de Graaf");
            await colleague.AssertAccessibleAsync("62-werkvoorraad-mijn-zaken");
        }
    }

    private static ILocator Flash(BrowserSession session) => session.Page.Locator(".flash[role=status]");

    private static ILocator Button(BrowserSession session, string name) =>
        session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });
}
