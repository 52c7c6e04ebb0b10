using System.Globalization;
using Casework.Web.Tests.Pages;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// The pages of the API's remaining capabilities in a real browser, axe-core clean, at desktop width and at 390 px
/// (a phone), where no page may scroll sideways as a whole (a table scrolls in its own focusable region): an award's
/// payments (VRO records one with the keyboard), the round's allocation, and the audit trail check.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ApiCapabilityPagesBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PaymentsAllocationAndAuditPages_AreAccessible_AndFitAPhone()
    {
        var round = await CaseTestData.AnnounceOpenWbiRoundAsync(fixture.Factory);
        var (id, _) = await CaseTestData.SubmittedWbiApplicationAsync(fixture.Factory, round, projectName: "Afrikaanderwijk (betalingen)");
        await CaseTestSteps.ToRankingAsync(fixture.Factory, id);
        var today = SecretarySetup.Today(fixture.Factory);
        await CaseTestSteps.DecideAsync(fixture.Factory, "vro-beoordelaar", "vro-beoordelaar-2", id, "toekennen", new { data = new { bedrag = 5_000_000m, verzenddatum = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } });

        await using var vro = await fixture.NewSessionAsync();
        await vro.SignInAsync("vro-beoordelaar", $"/toekenningen/{id}/betalingen");
        await vro.AssertAccessibleAsync("90-betalingen");
        await vro.TypeAsync(vro.Page.GetByLabel("Uitbetaald deel van de toekenning"), "1.000.000");
        await vro.TypeAsync(vro.Page.GetByLabel("Aandeel BTW-compensatiefonds"), "21");
        await vro.TypeAsync(vro.Page.GetByLabel("Betaald op"), today.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await vro.PressAsync(vro.Page.GetByRole(AriaRole.Button, new() { Name = "Betaling registreren" }));
        await Assertions.Expect(vro.Alerts).ToContainTextAsync("De betaling van € 1.000.000");
        await Assertions.Expect(vro.Page.GetByTestId("payments")).ToContainTextAsync("€ 790.000");
        await vro.AssertAccessibleAsync("91-betalingen-geregistreerd");

        await vro.Page.GotoAsync($"/rondes/{round}/toewijzing");
        await vro.AssertAccessibleAsync("92-toewijzing");

        await using var auditor = await fixture.NewSessionAsync();
        await auditor.SignInAsync("auditor", "/audittrail");
        await Assertions.Expect(auditor.Page.GetByTestId("audit-result")).ToContainTextAsync("De audittrail is intact");
        await auditor.AssertAccessibleAsync("93-audittrail");

        var tooWide = new List<string>();
        foreach (var (session, path) in new[] { (vro, $"/toekenningen/{id}/betalingen"), (vro, $"/rondes/{round}/toewijzing"), (vro, $"/rondes/{round}"), (auditor, "/audittrail") })
        {
            await session.Page.SetViewportSizeAsync(390, 844);
            await session.Page.GotoAsync(path);
            var overflow = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                var widest = await session.Page.EvaluateAsync<string>(
                    """
                    () => [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                      .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + (e.closest('.table-scroll') ? ' (in a table region)' : '') + ' ' + getComputedStyle(e).position + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
                      .slice(0, 8)
                      .concat((() => {
                        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), out = [];
                        for (let n = w.nextNode(); n; n = w.nextNode()) {
                          const r = document.createRange(); r.selectNodeContents(n);
                          if (r.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !n.parentElement.closest('.table-scroll')) {
                            out.push('text in ' + n.parentElement.tagName.toLowerCase() + '.' + [...n.parentElement.classList].join('.') + ' "' + n.textContent.trim().slice(0, 40) + '"');
                          }
                        }
                        return out.slice(0, 8);
                      })())
                      .join(', ')
                    """);
                tooWide.Add($"{path} scrolls sideways by {overflow} px at 390 px: {widest}");
            }

            await session.AssertAccessibleAsync("94-smal" + path.Replace('/', '-'));
        }

        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));
    }
}
