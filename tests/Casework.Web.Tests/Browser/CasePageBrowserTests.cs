using Casework.Web.Tests.Pages;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// The case page in a real browser, keyboard only, axe-core clean on every page: a submitted WBI application goes from
/// the loket's herstelverzoek through the gemeente's completion, the loket's check, admission, the committee's
/// scores and advice to the reviewer's award, each step on <c>/zaken/{id}</c> with its message and new state.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CasePageBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task CaseJourney_HerstelToAward_WithKeyboardOnly_EveryStepShowsItsMessageAndNewState()
    {
        var (id, reference) = await CaseTestData.SubmittedWbiApplicationAsync(fixture.Factory, projectName: "Hart van Zuid (browser)");
        var casePath = $"/zaken/{id}";

        // The loket asks for completion, with a reason.
        await using (var loket = await fixture.NewSessionAsync())
        {
            await loket.SignInAsync("rvo-loket", casePath);
            await Assertions.Expect(State(loket)).ToHaveTextAsync("Ingediend");
            await Assertions.Expect(loket.Page.Locator("#actie-verzoekHerstel")).ToContainTextAsync("hersteltermijn aanvulling aanvraag van 2 weken (Awb 4:5 lid 1)");
            await loket.AssertAccessibleAsync("40-zaak-loket-ingediend");

            await loket.TypeAsync(loket.Page.GetByLabel("Wat moet de gemeente aanvullen?"), "De grondexploitatie ontbreekt; stuur die mee.");
            await loket.PressAsync(Button(loket, "Herstelverzoek sturen"));

            await Assertions.Expect(Flash(loket)).ToContainTextAsync("Herstelverzoek sturen: gelukt. De zaak heeft nu de status ‘Herstelverzoek uitstaand’.");
            await Assertions.Expect(State(loket)).ToHaveTextAsync("Herstelverzoek uitstaand");
            await loket.AssertAccessibleAsync("41-zaak-loket-herstelverzoek-verstuurd");
        }

        // The gemeente sees what is missing and until when, and completes.
        await using (var gemeente = await fixture.NewSessionAsync())
        {
            await gemeente.SignInAsync("rotterdam-aanvrager", casePath);
            var notice = gemeente.Page.GetByTestId("herstel-notice");
            await Assertions.Expect(notice).ToContainTextAsync("Hersteltermijn: tot en met");
            await Assertions.Expect(notice).ToContainTextAsync("De grondexploitatie ontbreekt; stuur die mee.");
            await Assertions.Expect(gemeente.Page.Locator("table").First).ToContainTextAsync("Opgeschort");
            await gemeente.AssertAccessibleAsync("42-zaak-gemeente-herstel");

            await gemeente.TypeAsync(gemeente.Page.GetByLabel("Toelichting bij ‘Aanvulling indienen’"), "Grondexploitatie toegevoegd.");
            await gemeente.PressAsync(Button(gemeente, "Aanvulling indienen"));

            await Assertions.Expect(Flash(gemeente)).ToContainTextAsync("Aanvulling indienen: gelukt. De zaak heeft nu de status ‘Aangevuld’.");
            await Assertions.Expect(State(gemeente)).ToHaveTextAsync("Aangevuld");
            await Assertions.Expect(gemeente.Page.Locator(".timeline")).ToContainTextAsync("Grondexploitatie toegevoegd.");
        }

        // The loket completes its check.
        await using (var loket = await fixture.NewSessionAsync())
        {
            await loket.SignInAsync("rvo-loket", casePath);
            await loket.PressAsync(Button(loket, "Volledig verklaren"));

            await Assertions.Expect(Flash(loket)).ToContainTextAsync("Volledig verklaren: gelukt. De zaak heeft nu de status ‘Toelatingstoets’.");
            await Assertions.Expect(State(loket)).ToHaveTextAsync("Toelatingstoets");
        }

        // VRO admits (in the WBI workflow admission is the Beoordelaar's, after the loket's completeness check).
        await using (var vro = await fixture.NewSessionAsync())
        {
            await vro.SignInAsync("vro-beoordelaar", casePath);
            await vro.PressAsync(Button(vro, "Toelaten"));

            await Assertions.Expect(Flash(vro)).ToContainTextAsync("Toelaten: gelukt. De zaak heeft nu de status ‘Beoordeling door de toetsingscommissie’.");
        }

        // Two members score each criterion on their own; the chair records the committee's advice from their mean.
        await CaseTestSteps.AppointChairAsync(fixture.Factory, "TC-WBI", "commissie-wbi", "Hans Smit");
        await using (var member = await fixture.NewSessionAsync())
        {
            await member.SignInAsync("commissie-wbi-2", casePath);
            await member.TypeAsync(member.Page.GetByLabel("Noodzaak (weging 30%)"), "6");
            await member.TypeAsync(member.Page.GetByLabel("Effectiviteit (weging 30%)"), "7");
            await member.TypeAsync(member.Page.GetByLabel("Efficiëntie (weging 15%)"), "6");
            await member.TypeAsync(member.Page.GetByLabel("Urgentie (weging 25%)"), "9");
            await member.PressAsync(Button(member, "Scores vastleggen"));

            // 6 x 0,30 + 7 x 0,30 + 6 x 0,15 + 9 x 0,25 = 7,05
            await Assertions.Expect(Flash(member)).ToContainTextAsync("Uw score is vastgelegd. Uw totaal: 7,05");
            await Assertions.Expect(member.Page.GetByLabel("Advies van de commissie")).ToHaveCountAsync(0); // only the chair records it
        }

        await using (var committee = await fixture.NewSessionAsync())
        {
            await committee.SignInAsync("commissie-wbi", casePath);
            await committee.AssertAccessibleAsync("43-zaak-commissie-scoren");

            await committee.TypeAsync(committee.Page.GetByLabel("Noodzaak (weging 30%)"), "8");
            await committee.TypeAsync(committee.Page.GetByLabel("Effectiviteit (weging 30%)"), "7");
            await committee.TypeAsync(committee.Page.GetByLabel("Efficiëntie (weging 15%)"), "6");
            await committee.TypeAsync(committee.Page.GetByLabel("Urgentie (weging 25%)"), "9");
            await committee.PressAsync(Button(committee, "Scores vastleggen"));

            // 8 x 0,30 + 7 x 0,30 + 6 x 0,15 + 9 x 0,25 = 7,65; the mean of 7,05 and 7,65 is 7,35
            await Assertions.Expect(Flash(committee)).ToContainTextAsync("Uw score is vastgelegd. Uw totaal: 7,65; gemiddelde van de commissie tot nu toe: 7,35.");
            await Assertions.Expect(committee.Page.GetByTestId("committee-mean")).ToContainTextAsync("Gemiddelde van 2 leden: 7,35");
            await committee.ChooseAsync(committee.Page.GetByLabel("Advies van de commissie"), "Positief");
            await committee.PressAsync(Button(committee, "Advies vastleggen"));

            await Assertions.Expect(Flash(committee)).ToContainTextAsync("Het advies van de commissie is vastgelegd. Score: 7,35; advies: positief.");
            await Assertions.Expect(committee.Page.GetByTestId("score-total")).ToContainTextAsync("7,35");
            await committee.AssertAccessibleAsync("44-zaak-commissie-gescoord");

            await committee.PressAsync(Button(committee, "Advies uitbrengen"));
            await Assertions.Expect(Flash(committee)).ToContainTextAsync("Advies uitbrengen: gelukt. De zaak heeft nu de status ‘Gerangschikt, besluitvorming’.");
        }

        // The reviewer proposes the besluit on the decision form (vier-ogenprincipe): nothing is irreversible yet.
        await using (var proposer = await fixture.NewSessionAsync())
        {
            await proposer.SignInAsync("vro-beoordelaar", casePath);
            await Assertions.Expect(State(proposer)).ToHaveTextAsync("Gerangschikt, besluitvorming");
            await proposer.AssertAccessibleAsync("45-zaak-beoordelaar-besluit");

            await proposer.ChooseAsync(proposer.Page.GetByLabel("Soort besluit"), "Toekennen (het volledige of een lager bedrag)");
            await proposer.TypeAsync(proposer.Page.GetByLabel("Toe te kennen bedrag in euro's"), "5.000.000");
            await proposer.PressAsync(Button(proposer, "Besluit voorstellen"));

            await Assertions.Expect(Flash(proposer)).ToContainTextAsync("Uw voorstel ‘€ 5.000.000 toekennen’ staat klaar. Een collega bevestigt het besluit (vier-ogenprincipe); pas dan gaat het in.");
            await Assertions.Expect(State(proposer)).ToHaveTextAsync("Gerangschikt, besluitvorming");
            await Assertions.Expect(proposer.Page.GetByTestId("voorstel")).ToContainTextAsync("€ 5.000.000");
            await Assertions.Expect(Button(proposer, "Besluit bevestigen")).ToHaveCountAsync(0);
            await proposer.AssertAccessibleAsync("45b-zaak-besluit-voorgesteld");
        }

        // A colleague confirms it: the besluit takes effect, confirmed because it cannot be undone.
        await using (var vro = await fixture.NewSessionAsync())
        {
            await vro.SignInAsync("vro-beoordelaar-2", casePath);
            await Assertions.Expect(vro.Page.GetByTestId("voorstel")).ToContainTextAsync("Mohammed Amrani stelde dit besluit voor");

            string? question = null;
            vro.Page.Dialog += async (_, dialog) =>
            {
                question = dialog.Message;
                await dialog.AcceptAsync();
            };
            await vro.PressAsync(Button(vro, "Besluit bevestigen"));

            await Assertions.Expect(Flash(vro)).ToContainTextAsync("U heeft het besluit bevestigd; het is genomen. De zaak heeft nu de status ‘Toegekend, bezwaartermijn loopt’.");
            Assert.Equal("Het besluit ‘Toekennen’ gaat in en kan niet ongedaan worden gemaakt. Doorgaan?", question);
            await Assertions.Expect(State(vro)).ToHaveTextAsync("Toegekend, bezwaartermijn loopt");
            await Assertions.Expect(vro.Page.GetByTestId("awarded-amount")).ToHaveTextAsync("€ 5.000.000");
            await Assertions.Expect(vro.Page.Locator("table").First).ToContainTextAsync("Bezwaartermijn");
            await vro.AssertAccessibleAsync("46-zaak-toegekend");

            // The workflow diagram, with the current state marked.
            await vro.PressAsync(vro.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Bekijk het werkproces van deze zaak, met de huidige status" }));
            await Assertions.Expect(vro.Page.Locator("h1")).ToHaveTextAsync($"Werkproces van zaak {reference}");
            await Assertions.Expect(vro.Page.Locator("[aria-current=step]")).ToContainTextAsync("Toegekend, bezwaartermijn loopt");
            await Assertions.Expect(vro.Page.Locator("[aria-current=step]")).ToContainTextAsync("huidige status");
            await vro.AssertAccessibleAsync("47-zaak-diagram");
        }
    }

    private static ILocator State(BrowserSession session) => session.Page.GetByTestId("case-state");

    private static ILocator Flash(BrowserSession session) => session.Page.Locator(".flash[role=status]");

    private static ILocator Button(BrowserSession session, string name) =>
        session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });
}
