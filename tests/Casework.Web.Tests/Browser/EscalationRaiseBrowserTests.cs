using Casework.Web.Tests.Pages;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// Raising knelpunten and vastlopers in a real browser, keyboard only, every page axe-core clean: a gemeente raises a
/// knelpunt through its page, the SBSD triages it, the trekkend departement proposes a solution and the SBSD puts it on
/// a meeting's agenda by choosing the meeting; an alliance raises a vastloper, VRO converts it into a knelpunt, and the
/// SBSD finds that knelpunt waiting for triage.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EscalationRaiseBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Gemeente_RaisesKnelpuntThroughThePage_SbsdTriagesAndAgendasItOnAChosenMeeting_WithKeyboardOnly()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Kostendelersnorm blokkeert schuldhulp {suffix}";
        var meetingTitle = $"SBSD agendering {suffix}";
        var meeting = await SecretarySetup.PlanSbsdMeetingTodayAsync(fixture.Factory, meetingTitle);
        string casePath;

        await using (var gemeente = await fixture.NewSessionAsync())
        {
            await gemeente.SignInAsync("rotterdam-aanvrager");
            await gemeente.PressAsync(gemeente.Page.GetByRole(AriaRole.Link, new() { Name = "Knelpunt melden" }).First);
            await Assertions.Expect(gemeente.Page.GetByRole(AriaRole.Heading, new() { Name = "Knelpunt melden", Level = 1 })).ToBeVisibleAsync();
            await gemeente.AssertAccessibleAsync("60-knelpunt-melden");

            await gemeente.TypeAsync(gemeente.Page.GetByLabel("Titel", new() { Exact = false }).First, title);
            await gemeente.TypeAsync(gemeente.Page.Locator("#Input_Omschrijving"), "Inwoners die een woning delen verliezen hun toeslag, waardoor schuldhulp vastloopt.");
            await gemeente.ChooseAsync(gemeente.Page.Locator("#Input_Domein"), "Schulden en armoede");
            await gemeente.TypeAsync(gemeente.Page.Locator("#Input_WetNaam"), "Participatiewet");
            await gemeente.TypeAsync(gemeente.Page.Locator("#Input_BwbId"), "BWBR0015703");
            await gemeente.TypeAsync(gemeente.Page.Locator("#Input_Artikel"), "22a");
            var zuid = gemeente.Page.GetByLabel("Rotterdam-Zuid (gemeente Rotterdam)");
            await gemeente.TabToAsync(zuid);
            await gemeente.Page.Keyboard.PressAsync("Space");
            await Assertions.Expect(zuid).ToBeCheckedAsync();
            await gemeente.TypeAsync(gemeente.Page.Locator("#Input_VoorgesteldeOplossing"), "Kostendelersnorm niet toepassen tijdens een schuldhulptraject.");
            await gemeente.PressAsync(gemeente.Page.GetByRole(AriaRole.Button, new() { Name = "Knelpunt melden" }));

            await Assertions.Expect(gemeente.Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(Flash(gemeente)).ToContainTextAsync("Het knelpunt is gemeld als zaak");
            await Assertions.Expect(State(gemeente)).ToHaveTextAsync("Ingediend, triage");
            await Assertions.Expect(gemeente.Page.GetByTestId("case-content")).ToContainTextAsync("Participatiewet");
            await gemeente.AssertAccessibleAsync("61-knelpunt-gemeld");
            casePath = new Uri(gemeente.Page.Url).AbsolutePath;
        }

        // The SBSD secretariat triages: the domain and the trekkend departement, by name.
        await using (var sbsd = await fixture.NewSessionAsync())
        {
            await sbsd.SignInAsync(SecretarySetup.SbsdSecretary, casePath);
            var triage = sbsd.Page.Locator("#actie-triageAfronden");
            await sbsd.ChooseAsync(triage.GetByLabel("Domein"), "Schulden en armoede");
            await sbsd.ChooseAsync(triage.GetByLabel("Trekkend departement"), "Ministerie van Volkshuisvesting en Ruimtelijke Ordening");
            await sbsd.AssertAccessibleAsync("62-knelpunt-triage");
            await sbsd.PressAsync(triage.GetByRole(AriaRole.Button, new() { Name = "Triage afronden", Exact = true }));
            await Assertions.Expect(State(sbsd)).ToHaveTextAsync("Analyse door trekkend departement");
        }

        await using (var vro = await fixture.NewSessionAsync())
        {
            await vro.SignInAsync("vro-beoordelaar", casePath);
            var proposal = vro.Page.Locator("#actie-voorstelIndienen");
            await vro.TypeAsync(proposal.GetByLabel("Voorgestelde oplossing"), "Experimenteerruimte in de Participatiewet.");
            await vro.PressAsync(proposal.GetByRole(AriaRole.Button, new() { Name = "Voorstel indienen", Exact = true }));
            await Assertions.Expect(State(vro)).ToHaveTextAsync("Voorstel gereed");
        }

        // The SBSD secretariat agendas it by choosing the meeting.
        await using (var sbsd = await fixture.NewSessionAsync())
        {
            await sbsd.SignInAsync(SecretarySetup.SbsdSecretary, casePath);
            var agenda = sbsd.Page.Locator("#actie-agenderenSbsd");
            var choice = agenda.GetByLabel("Vergadering");
            await sbsd.TabToAsync(choice);
            await choice.SelectOptionAsync(meeting.ToString());
            await sbsd.AssertAccessibleAsync("63-knelpunt-agenderen");
            await sbsd.PressAsync(agenda.GetByRole(AriaRole.Button, new() { Name = "Agenderen in Strategisch Beraad", Exact = true }));
            await Assertions.Expect(State(sbsd)).ToHaveTextAsync("Geagendeerd Strategisch Beraad");

            await sbsd.Page.GotoAsync($"/vergaderingen/{meeting}");
            await Assertions.Expect(sbsd.Page.Locator("main table").First).ToContainTextAsync(title);
        }
    }

    [Fact]
    public async Task Alliance_RaisesVastloperThroughThePage_VroConvertsIt_AndTheSbsdSeesTheNewKnelpunt_WithKeyboardOnly()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var title = $"Geen nachtopvang voor jongeren {suffix}";
        string casePath;

        await using (var alliance = await fixture.NewSessionAsync())
        {
            await alliance.SignInAsync("alliantie-rotterdam-zuid");
            await alliance.PressAsync(alliance.Page.GetByRole(AriaRole.Link, new() { Name = "Vastloper melden" }).First);
            await Assertions.Expect(alliance.Page.GetByRole(AriaRole.Heading, new() { Name = "Vastloper melden", Level = 1 })).ToBeVisibleAsync();
            await alliance.AssertAccessibleAsync("64-vastloper-melden");

            await alliance.TypeAsync(alliance.Page.Locator("#Input_Titel"), title);
            await alliance.TypeAsync(alliance.Page.Locator("#Input_Omschrijving"), "Jongeren van 18 tot 23 vinden geen plek in de nachtopvang.");
            await alliance.TypeAsync(alliance.Page.GetByLabel("Besproken in het alliantieoverleg op"), "14-01-2027");
            await alliance.PressAsync(alliance.Page.GetByRole(AriaRole.Button, new() { Name = "Vastloper melden" }));

            await Assertions.Expect(alliance.Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(Flash(alliance)).ToContainTextAsync("De vastloper is gemeld als zaak");
            await Assertions.Expect(State(alliance)).ToHaveTextAsync("In behandeling bij departement");
            await Assertions.Expect(alliance.Page.GetByTestId("case-content")).ToContainTextAsync("14 januari 2027");
            await alliance.AssertAccessibleAsync("65-vastloper-gemeld");
            casePath = new Uri(alliance.Page.Url).AbsolutePath;
        }

        await using (var vro = await fixture.NewSessionAsync())
        {
            // Converting closes the vastloper and cannot be undone: the page asks for confirmation, which VRO gives.
            vro.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await vro.SignInAsync("vro-beoordelaar", casePath);
            var convert = vro.Page.Locator("#actie-omzettenInKnelpunt");
            await vro.TypeAsync(convert.Locator("textarea").First, "De Jeugdwet stopt bij 18; dit is een knelpunt in regelgeving.");
            await vro.PressAsync(convert.GetByRole(AriaRole.Button, new() { Name = "Omzetten in knelpunt", Exact = true }));
            await Assertions.Expect(State(vro)).ToHaveTextAsync("Gesloten");
        }

        await using (var sbsd = await fixture.NewSessionAsync())
        {
            await sbsd.SignInAsync(SecretarySetup.SbsdSecretary, "/escalaties");
            var triage = sbsd.Page.Locator("section[aria-labelledby=niveau-triage]");
            await Assertions.Expect(triage).ToContainTextAsync(title);
            await sbsd.AssertAccessibleAsync("66-escalaties-omgezet");
        }
    }

    private static ILocator State(BrowserSession session) => session.Page.GetByTestId("case-state");

    private static ILocator Flash(BrowserSession session) => session.Page.Locator(".flash[role=status]");
}
