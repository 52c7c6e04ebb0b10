using System.Diagnostics;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Casework.Web.Tests.Browser;

/// <summary>
/// The real app on Kestrel (a free port, its own SQLite file, seeded) and Debian's chromium driven headless by
/// Playwright; shared by the browser tests of one collection. Chromium comes from the system (Playwright cannot
/// download its own here): if it is missing, scripts/install-test-prerequisites.sh installs it (as root), so a
/// fresh machine needs nothing installed by hand. No fallback: without a browser these tests fail, loudly.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumCandidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"];

    private IPlaywright? _playwright;

    // Every browser test signs in from the same address against this one host; the sign-in limit itself is
    // tested elsewhere (Access), so here it must not turn a long journey into 429s.
    public CaseworkWebFactory Factory { get; } = new() { Settings = { ["WebSecurity:SignInPermitLimit"] = "10000", ["WebSecurity:CreatePermitLimit"] = "10000" } };

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var chromium = FindOrInstallChromium();
        Factory.UseKestrel(0);
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (its own cookies), Dutch, desktop size; the page fails the test on a CSP violation or script error.</summary>
    public async Task<BrowserSession> NewSessionAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Waits, not performance bounds: generous, because a loaded 2-core CI machine can take seconds for a first render.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(45_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    private static string FindOrInstallChromium()
    {
        var configured = Environment.GetEnvironmentVariable("CASEWORK_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"CASEWORK_CHROMIUM points to '{configured}', which does not exist.");
        }

        return TestPrerequisites.FindOrInstall(
            () => ChromiumCandidates.FirstOrDefault(File.Exists),
            $"chromium ({string.Join(", ", ChromiumCandidates)}; or set CASEWORK_CHROMIUM)");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// What the tests need from the machine (a browser, a database server): found where Debian puts it, or installed by
/// scripts/install-test-prerequisites.sh (as root) when missing, so a fresh machine needs nothing by hand. Without it
/// the tests fail, loudly; they never skip.
/// </summary>
public static class TestPrerequisites
{
    public static string FindOrInstall(Func<string?> find, string what)
    {
        ArgumentNullException.ThrowIfNull(find);
        if (find() is { } found)
        {
            return found;
        }

        var script = Path.Combine(RepositoryRoot.Path, "scripts", "install-test-prerequisites.sh");
        using (var install = Process.Start(new ProcessStartInfo("bash", [script]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start " + script))
        {
            install.WaitForExit();
        }

        return find() ?? throw new InvalidOperationException($"{what} not found, and {script} could not install it (run it as root).");
    }
}

/// <summary>The repository's root (where Casework.sln is), for scripts and the artifacts folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Casework.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Casework.sln not found above " + AppContext.BaseDirectory);
    }
}
