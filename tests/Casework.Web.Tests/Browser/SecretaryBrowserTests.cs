using Casework.Web.Tests.Pages;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// The secretary's journey in a real browser, keyboard only: the SBSD secretary (the body a knelpunt goes to first)
/// opens a meeting, puts a knelpunt that waits for the SBSD on the agenda, records the body's decision,
/// sees it on the meeting page, downloads the besluitenlijst and closes the meeting. Every page passes axe-core with zero violations and is
/// saved as a screenshot. Refused forms are covered by Pages/SecretaryPageTests: they answer 400/422, which chromium
/// logs as a console error that <see cref="BrowserSession"/> treats as a failure.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SecretaryBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SbsdSecretary_PutsKnelpuntOnAgendaRecordsDecisionDownloadsBesluitenlijstAndClosesTheMeeting_WithKeyboardOnly()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var knelpunt = await SecretarySetup.KnelpuntReadyForSbsdAsync(fixture.Factory, $"Kostendelersnorm blokkeert schuldhulp {suffix}");
        var meetingTitle = $"SBSD overleg {suffix}";
        var meeting = await SecretarySetup.PlanSbsdMeetingTodayAsync(fixture.Factory, meetingTitle);
        var besluit = $"Het SBSD legt knelpunt {knelpunt.Reference} voor aan de Brede Regietafel ({suffix}).";

        await using var s = await fixture.NewSessionAsync();
        // The decision form asks for confirmation (data-confirm); the secretary confirms.
        s.Page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await s.SignInAsync(SecretarySetup.SbsdSecretary, "/vergaderingen");
        await Assertions.Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Vergaderingen", Level = 1 })).ToBeVisibleAsync();
        await s.AssertAccessibleAsync("40-vergaderingen");

        await s.PressAsync(s.Page.GetByRole(AriaRole.Link, new() { Name = meetingTitle }));
        await Assertions.Expect(s.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/vergaderingen/{meeting}$"));
        await s.AssertAccessibleAsync("41-vergadering");

        await s.ChooseAsync(s.Page.GetByLabel("Zaak", new() { Exact = true }), knelpunt.OptionLabel);
        await s.PressAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Agenderen" }));
        await Assertions.Expect(s.Alerts).ToContainTextAsync($"Zaak {knelpunt.Reference} staat als punt 1 op de agenda.");
        await Assertions.Expect(s.Page.Locator("main table").First).ToContainTextAsync(knelpunt.Title);
        await s.AssertAccessibleAsync("42-vergadering-geagendeerd");

        await s.PressAsync(s.Page.GetByRole(AriaRole.Link, new() { Name = $"Besluit vastleggen over {knelpunt.Reference}" }));
        await Assertions.Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Besluit vastleggen over punt 1" })).ToBeVisibleAsync();
        await s.AssertAccessibleAsync("43-besluit-formulier");

        await s.ChooseAsync(s.Page.GetByLabel("Besluit (vervolg van de zaak)"), "Besluit SBSD, escaleren naar BRSD");
        await s.TypeAsync(s.Page.GetByLabel("Tekst voor de besluitenlijst"), besluit);
        await s.TypeAsync(s.Page.GetByLabel("Motivering"), "Binnen de bestaande ruimte niet op te lossen.");
        await s.TypeAsync(s.Page.Locator("#Input_ActionItems_0__Description"), "Notitie voor de BRSD opstellen");
        await s.TypeAsync(s.Page.Locator("#Input_ActionItems_0__Owner"), "VRO");
        // A date input's segment order follows chromium's own locale, not the page's; so the date is set, not typed, once focused.
        var due = s.Page.Locator("#Input_ActionItems_0__DueDate");
        await s.TabToAsync(due);
        await due.FillAsync("2026-12-31");
        await s.PressAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }));

        await Assertions.Expect(s.Alerts).ToContainTextAsync("Het besluit over punt 1");
        await Assertions.Expect(s.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/vergaderingen/{meeting}$"));
        var decisions = s.Page.Locator(".decision-list");
        await Assertions.Expect(decisions).ToContainTextAsync(besluit);
        await Assertions.Expect(decisions).ToContainTextAsync("Notitie voor de BRSD opstellen");
        await Assertions.Expect(decisions).ToContainTextAsync("31 december 2026");
        await s.AssertAccessibleAsync("44-vergadering-besloten");

        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.PressAsync(s.Page.GetByRole(AriaRole.Link, new() { Name = "Downloaden als CSV" })));
        Assert.StartsWith("besluitenlijst-sbsd-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(besluit, csv, StringComparison.Ordinal);
        Assert.Contains(knelpunt.Reference, csv, StringComparison.Ordinal);
        Assert.Contains("Besluit SBSD, escaleren naar BRSD", csv, StringComparison.Ordinal);
        var workbook = await s.Page.RunAndWaitForDownloadAsync(() => s.PressAsync(s.Page.GetByRole(AriaRole.Link, new() { Name = "Downloaden als Excel" })));
        Assert.EndsWith(".xlsx", workbook.SuggestedFilename, StringComparison.Ordinal);

        // Every item has its decision: the secretary closes the meeting (after confirming).
        await Assertions.Expect(s.Page.Locator("main")).ToContainTextAsync("Alle punten hebben een besluit.");
        await s.PressAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Vergadering sluiten" }));
        await Assertions.Expect(s.Alerts).ToContainTextAsync("De vergadering is gesloten.");
        await Assertions.Expect(s.Page.GetByRole(AriaRole.Button, new() { Name = "Vergadering sluiten" })).ToHaveCountAsync(0);
        await s.AssertAccessibleAsync("48-vergadering-gesloten");
    }

    [Fact]
    public async Task EscalationBoard_ForSbsdSecretary_ShowsKnelpuntPerLevelWithZeroAxeViolations()
    {
        var knelpunt = await SecretarySetup.KnelpuntReadyForSbsdAsync(fixture.Factory, $"Bordknelpunt {Guid.NewGuid().ToString("N")[..6]}");

        await using var s = await fixture.NewSessionAsync();
        await s.SignInAsync(SecretarySetup.SbsdSecretary, "/escalaties");

        var sbsdLevel = s.Page.Locator("section[aria-labelledby=niveau-sbsd]");
        await Assertions.Expect(sbsdLevel.GetByRole(AriaRole.Link, new() { Name = knelpunt.Reference })).ToHaveAttributeAsync("href", $"/zaken/{knelpunt.Id}");
        await s.AssertAccessibleAsync("46-escalaties");

        await s.ChooseAsync(s.Page.GetByLabel("Niveau of gremium"), "Brede Regietafel Sociaal Domein");
        await s.PressAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }));
        await Assertions.Expect(s.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Niveau=BRSD"));
        await Assertions.Expect(s.Page.Locator("main")).Not.ToContainTextAsync(knelpunt.Reference);
    }

    [Fact]
    public async Task Rounds_ForVroReviewer_ShowBudgetRulesAndAllocationProposalWithZeroAxeViolations()
    {
        await using var s = await fixture.NewSessionAsync();
        await s.SignInAsync("vro-beoordelaar", "/rondes");
        await Assertions.Expect(s.Page.GetByRole(AriaRole.Link, new() { Name = "Woningbouwimpuls ronde T6" })).ToBeVisibleAsync();
        await s.AssertAccessibleAsync("47-rondes");

        await s.PressAsync(s.Page.GetByRole(AriaRole.Link, new() { Name = "Woningbouwimpuls ronde T6" }));
        await Assertions.Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Woningbouwimpuls, ronde T6", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.GetByLabel("Verplicht (toegekend) van het plafond")).ToHaveAttributeAsync("max", "300000000");
        await Assertions.Expect(s.Page.Locator("main")).ToContainTextAsync("Minimum aantal woningen");
        await s.AssertAccessibleAsync("48-ronde");

        await s.PressAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Voorstel berekenen" }));
        await Assertions.Expect(s.Page.Locator("#toekenningsvoorstel")).ToContainTextAsync("Voorstel berekend");
        await s.AssertAccessibleAsync("49-ronde-voorstel");
    }

    [Fact]
    public async Task TiedApplications_AreOrderedByAVroReviewer_WithKeyboardOnlyAndZeroAxeViolations()
    {
        // A round of its own, so the tie never stands in the way of the award journey in the shared app.
        var round = await CaseTestData.AnnounceOpenWbiRoundAsync(fixture.Factory);
        var (rotterdam, rotterdamReference) = await CaseTestData.SubmittedWbiApplicationAsync(fixture.Factory, round, "rotterdam-aanvrager", "Gelijk Zuid");
        var (amsterdam, amsterdamReference) = await CaseTestData.SubmittedWbiApplicationAsync(fixture.Factory, round, "amsterdam-aanvrager", "Gelijk Noord");
        await CaseTestSteps.ToRankingAsync(fixture.Factory, rotterdam);
        await CaseTestSteps.ToRankingAsync(fixture.Factory, amsterdam);

        await using var s = await fixture.NewSessionAsync();
        await s.SignInAsync("vro-beoordelaar", $"/rondes/{round}");
        await Assertions.Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Gelijke scores ordenen" })).ToBeVisibleAsync();
        await s.AssertAccessibleAsync("50-ronde-gelijke-scores");

        await s.ChooseAsync(s.Page.GetByLabel($"Plaats van {amsterdamReference} (Gelijk Noord)"), "1");
        await s.ChooseAsync(s.Page.GetByLabel($"Plaats van {rotterdamReference} (Gelijk Zuid)"), "2");
        await s.PressAsync(s.Page.GetByRole(AriaRole.Button, new() { Name = "Volgorde vastleggen" }));

        await Assertions.Expect(s.Page.Locator(".flash")).ToContainTextAsync("De volgorde van de aanvragen met een gelijke score is vastgelegd.");
        await Assertions.Expect(s.Page.GetByRole(AriaRole.Heading, new() { Name = "Gelijke scores ordenen" })).ToHaveCountAsync(0);
        var ranks = s.Page.Locator("main table tbody tr");
        await Assertions.Expect(ranks.Nth(0)).ToContainTextAsync(amsterdamReference);
        await Assertions.Expect(ranks.Nth(1)).ToContainTextAsync(rotterdamReference);
        await s.AssertAccessibleAsync("51-ronde-geordend");
    }
}
