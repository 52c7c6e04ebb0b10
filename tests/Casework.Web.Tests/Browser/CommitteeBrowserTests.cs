using Casework.Web.Tests.Pages;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// A committee member's own scoring list (<c>/commissie</c>) and the recusal on the case page in a real browser, keyboard
/// only and axe-core clean: both applications are on the list, the member recuses from one, and only the other is left.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CommitteeBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PendingList_AfterARecusalOnTheCasePage_NoLongerShowsThatApplication()
    {
        var (first, firstReference) = await CaseTestData.SubmittedWbiApplicationAsync(fixture.Factory, projectName: "Kop van Zuid (commissie)");
        var (second, secondReference) = await CaseTestData.SubmittedWbiApplicationAsync(fixture.Factory, projectName: "Feijenoord (commissie)");
        foreach (var id in new[] { first, second })
        {
            await CaseTestSteps.FireAsync(fixture.Factory, "rvo-loket", id, "verklaarVolledig");
            await CaseTestSteps.FireAsync(fixture.Factory, "vro-beoordelaar", id, "toelaten");
        }

        await using var member = await fixture.NewSessionAsync();
        await member.SignInAsync("commissie-wbi-3", "/commissie");
        var list = member.Page.Locator("table");
        await Assertions.Expect(list).ToContainTextAsync(firstReference);
        await Assertions.Expect(list).ToContainTextAsync(secondReference);
        await member.AssertAccessibleAsync("70-commissie-te-scoren");

        await member.PressAsync(member.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = firstReference, Exact = true }));
        await member.TypeAsync(member.Page.GetByLabel("Reden van verschoning"), "Ik zit in de klankbordgroep van dit project.");
        await member.PressAsync(member.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Mij verschonen", Exact = true }));

        await Assertions.Expect(member.Page.Locator(".flash[role=status]")).ToContainTextAsync("U heeft zich voor deze aanvraag verschoond.");
        await Assertions.Expect(member.Page.GetByTestId("recused")).ToContainTextAsync("Ik zit in de klankbordgroep van dit project.");
        await Assertions.Expect(member.Page.GetByLabel("Noodzaak (weging 30%)")).ToHaveCountAsync(0);
        await member.AssertAccessibleAsync("71-zaak-commissielid-verschoond");

        await member.Page.GotoAsync("/commissie");
        await Assertions.Expect(list).ToContainTextAsync(secondReference);
        await Assertions.Expect(list).Not.ToContainTextAsync(firstReference);
    }
}
