using System.Text.RegularExpressions;
using Casework.Web.Tests.Pages;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// The start page of each main role in chromium: axe-core finds nothing, on a desktop and at 390 px wide (a phone), where
/// nothing scrolls sideways; a count is reached with the keyboard and opens its list, which passes axe too.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StartPageBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("rotterdam-aanvrager", "gemeente", "aan-zet")]
    [InlineData("rvo-loket", "werkvoorraad", "zonder-behandelaar")]
    [InlineData("vro-beoordelaar", "werkvoorraad", "werkdagen")]
    [InlineData("commissie-wbi", "commissie", "te-scoren")]
    [InlineData(SecretarySetup.SbsdSecretary, "secretariaat", "actiepunten")]
    [InlineData("beheerder", "beheer", "rondes")]
    [InlineData("auditor", "audit", "verlopen-alle")]
    public async Task StartPage_OfEachMainRole_IsAccessibleOnDesktopAndAt390Pixels_AndACountOpensItsList(string user, string section, string count)
    {
        // Something to count: an application of Rotterdam at the loket, in its own round.
        await CaseTestData.SubmittedWbiApplicationAsync(fixture.Factory, projectName: "Startpagina " + user);

        await using var s = await fixture.NewSessionAsync();
        await s.SignInAsync(user, "/");
        var part = s.Page.Locator($"section[data-start='{section}']");
        await Assertions.Expect(part.Locator("h2")).ToBeVisibleAsync();
        await s.AssertAccessibleAsync($"90-start-{user}");

        await s.Page.SetViewportSizeAsync(390, 844);
        await s.Page.ReloadAsync();
        await Assertions.Expect(part.Locator("h2")).ToBeVisibleAsync();
        var wider = await s.Page.EvaluateAsync<string[]>(
            """
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
              [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + (e.textContent || '').trim().slice(0, 40))
            """);
        Assert.True(wider.Length == 0, $"The start page of {user} scrolls sideways at 390 px:\n" + string.Join("\n", wider));
        await s.AssertAccessibleAsync($"91-start-{user}-390px");

        var link = part.Locator($"a[data-telling='{count}']");
        var href = await link.GetAttributeAsync("href");
        await s.PressAsync(link);
        await Assertions.Expect(s.Page).ToHaveURLAsync(new Regex(Regex.Escape(href!) + "$"));
        await Assertions.Expect(s.Page.Locator("h1")).ToBeVisibleAsync();
        await s.AssertAccessibleAsync($"92-start-{user}-{count}");
    }
}
