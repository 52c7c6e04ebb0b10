using System.Text.Json;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// One person's browser (own cookies) with the checks every page must pass: axe-core finds no violations,
/// the Content-Security-Policy is never violated and no script fails (console errors fail the test on dispose),
/// and the journey can be done with the keyboard alone (<see cref="TabToAsync"/>). Screenshots of the pages go to
/// artifacts/screenshots/ at the repository root (CI keeps them as test artifacts).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Casework.Web", "node_modules", "axe-core", "axe.min.js")));

    private readonly List<string> _consoleErrors = [];

    private readonly HashSet<(string Url, int Status)> _refusedDocuments = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);

        // A form shown again with its errors answers 400/409/422 on purpose (ADR-008); chromium logs that document's
        // status as a console error. Remember those documents, so only that line is forgiven, never a failing resource.
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Status is 400 or 409 or 422)
            {
                _refusedDocuments.Add((response.Url, response.Status));
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    /// <summary>Signs in through the development picker, with the keyboard: tab to the user's button and press Enter.</summary>
    public async Task SignInAsync(string user, string returnUrl = "/")
    {
        await Page.GotoAsync("/dev/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await TabToAsync(Page.Locator($"#gebruiker-{user}"));
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(url => !url.Contains("/dev/sign-in", StringComparison.Ordinal));
    }

    /// <summary>
    /// Presses Tab until <paramref name="target"/> has the focus (fails if it is not reachable within
    /// <paramref name="maxTabs"/> presses), proving that a keyboard user can get there.
    /// </summary>
    public async Task TabToAsync(ILocator target, int maxTabs = 80)
    {
        await target.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        for (var i = 0; i < maxTabs; i++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        var focused = await Page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : '(none)'");
        throw new Xunit.Sdk.XunitException($"Not reachable with Tab within {maxTabs} presses: {target}. Focus ended on: {focused}");
    }

    /// <summary>Tabs to a field and types into it (select-all first, so it replaces what was there).</summary>
    public async Task TypeAsync(ILocator field, string text)
    {
        if (await field.GetAttributeAsync("type") == "date")
        {
            // The browser's date control: reached with the keyboard, then given the date (typed as dag-maand-jaar) in the
            // control's own yyyy-MM-dd, since headless chromium's segment-by-segment typing is not reliable.
            await TabToAsync(field);
            var day = DateOnly.ParseExact(text, ["d-M-yyyy", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture);
            await field.FillAsync(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        await TabToAsync(field);
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.PressAsync("Delete");
        await Page.Keyboard.TypeAsync(text);
    }

    /// <summary>Tabs to a select and picks an option by its visible text with the keyboard.</summary>
    public async Task ChooseAsync(ILocator select, string optionLabel)
    {
        await TabToAsync(select);
        await select.SelectOptionAsync(new SelectOptionValue { Label = optionLabel });
    }

    /// <summary>Tabs to a button or link and activates it with Enter, then waits for the next page to load.</summary>
    public async Task PressAsync(ILocator control)
    {
        await TabToAsync(control);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Runs axe-core (every rule, WCAG 2.2 AA and best practices) on the page; fails with each violation and where it is.</summary>
    public async Task AssertAccessibleAsync(string screenshotName)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, screenshotName + ".png"), FullPage = true });

        // Evaluated through the DevTools protocol, which the page's CSP does not govern; the page itself stays under its CSP.
        await Page.EvaluateAsync(AxeSource.Value);
        var violations = await Page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary) }));
            }
            """);
        if (violations.GetArrayLength() > 0)
        {
            throw new Xunit.Sdk.XunitException($"axe-core found {violations.GetArrayLength()} violation(s) on {Page.Url} ({screenshotName}):\n"
                + string.Join("\n", violations.EnumerateArray().Select(v =>
                    $"- {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}\n    "
                    + string.Join("\n    ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))));
        }
    }

    /// <summary>The text of the page's flash or error messages, for assertions.</summary>
    public ILocator Alerts => Page.Locator("[role=alert], [role=status]");

    public async ValueTask DisposeAsync()
    {
        var errors = _consoleErrors.Where(e => !IsRefusedDocument(e)).ToList();
        await Context.DisposeAsync();
        if (errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The browser reported errors (a CSP violation or a failing script):\n- " + string.Join("\n- ", errors));
        }
    }

    private bool IsRefusedDocument(string error) => _refusedDocuments.Any(d =>
        error.StartsWith($"Failed to load resource: the server responded with a status of {d.Status} (", StringComparison.Ordinal)
        && error.EndsWith($"({d.Url}:0:0)", StringComparison.Ordinal));
}
