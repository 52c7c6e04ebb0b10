using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>The start and sign-in pages in a real browser: accessible, keyboard-only, no CSP violations.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SignInPageBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SignIn_WithKeyboardOnly_ReachesTheStartPageAsThatUserWithZeroAxeViolations()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.Page.GotoAsync("/");
        await session.AssertAccessibleAsync("00-start-anoniem");

        await session.Page.GotoAsync("/dev/sign-in");
        await session.AssertAccessibleAsync("01-aanmelden");

        // The skip link is the first stop and moves focus to the main content.
        await session.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Direct naar de inhoud", await session.Page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));

        await session.SignInAsync("rotterdam-aanvrager");

        await Assertions.Expect(session.Page.Locator("main")).ToContainTextAsync("U bent aangemeld als Fatima el Idrissi namens gemeente Rotterdam");
        await Assertions.Expect(session.Page.Locator("nav[aria-label=Hoofdmenu]")).ToContainTextAsync("Mijn zaken");
        await session.AssertAccessibleAsync("02-start-gemeente");
    }

    [Fact]
    public async Task SignOut_WithKeyboard_EndsTheSession()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.SignInAsync("vro-beoordelaar");

        await session.PressAsync(session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Afmelden" }));

        await Assertions.Expect(session.Page.Locator("main")).ToContainTextAsync("U bent niet aangemeld");
    }
}
