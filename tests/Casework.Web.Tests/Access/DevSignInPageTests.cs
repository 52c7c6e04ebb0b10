using System.Net;
using System.Text.RegularExpressions;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Tests.Access;

/// <summary>The development sign-in picker page (<c>GET/POST /dev/sign-in</c>) and the start page.</summary>
public sealed partial class DevSignInPageTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task GetPicker_InDevelopment_ListsEveryDemoUserAsAnAccessibleFormWithoutInlineCode()
    {
        using var client = Browser();

        var response = await client.GetAsync("/dev/sign-in");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Matches("<main id=\"inhoud\"[^>]*>(?:(?!</main>).)*<h1[ >]", html.ReplaceLineEndings(" "));
        Assert.Matches("<a class=\"[^\"]*\\bnl-skip-link\\b[^\"]*\" href=\"#inhoud\">", html);
        Assert.Equal(DemoUsers.All.Count, FormPattern().Count(html));
        foreach (var user in DemoUsers.All)
        {
            Assert.Contains($"name=\"user\" value=\"{user.UserName}\"", html, StringComparison.Ordinal);
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(user.DisplayName), html, StringComparison.Ordinal);
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(user.Description), html, StringComparison.Ordinal);
        }

        Assert.Equal(DemoUsers.All.Count, TokenPattern().Count(html));
        // No inline code: every script comes from this host by src, and no element carries a style attribute.
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=\"/)", html);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("\\son[a-z]+=", html);
        Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        foreach (var stylesheet in new[] { "/css/casework.css", "/lib/rijkshuisstijl/components.css", "/lib/rijkshuisstijl/design-tokens.css" })
        {
            var css = await client.GetAsync(stylesheet);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"href=\"{stylesheet}?v=", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/htmx/htmx.min.js")).StatusCode);
    }

    [Fact]
    public async Task PostPicker_WithoutAntiforgeryToken_Returns400AndSignsNobodyIn()
    {
        using var client = Browser();
        await client.GetAsync("/dev/sign-in"); // the antiforgery cookie alone is not enough

        var response = await client.PostAsync("/dev/sign-in", Form(("user", "rotterdam-aanvrager"), ("returnUrl", "/")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("casework.auth=", StringComparison.Ordinal)));
        Assert.Contains("U bent niet aangemeld", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostPicker_WithTokenFromThePage_SignsInWithCookieRedirectsToReturnUrlAndAudits()
    {
        using var client = Browser();
        var html = await client.GetStringAsync("/dev/sign-in?returnUrl=%2Fzaken%3Fstatus%3Dopen");
        var returnUrl = WebUtility.HtmlDecode(ReturnUrlPattern().Match(html).Groups[1].Value);
        Assert.Equal("/zaken?status=open", returnUrl);

        var response = await client.PostAsync("/dev/sign-in", Form(("__RequestVerificationToken", Token(html)), ("user", "vro-beoordelaar"), ("returnUrl", returnUrl)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/zaken?status=open", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("casework.auth=", StringComparison.Ordinal));

        var home = await client.GetStringAsync("/");
        Assert.Contains("U bent aangemeld als <strong>Mohammed Amrani</strong> namens Ministerie van Volkshuisvesting en Ruimtelijke Ordening", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/api-docs\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/cases")).StatusCode);

        await using var scope = _factory.CreateScope();
        var actions = await CaseworkWebFactory.Db(scope).AuditEvents.AsNoTracking().Where(e => e.Stream == "auth:vro-beoordelaar").Select(e => e.Action).ToListAsync();
        Assert.Equal(["aanmelding.ontwikkeling"], actions);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    public async Task PostPicker_WithForeignReturnUrl_RedirectsToRoot(string returnUrl)
    {
        using var client = Browser();
        var html = await client.GetStringAsync("/dev/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("/", WebUtility.HtmlDecode(ReturnUrlPattern().Match(html).Groups[1].Value));

        var response = await client.PostAsync("/dev/sign-in", Form(("__RequestVerificationToken", Token(html)), ("user", "auditor"), ("returnUrl", returnUrl)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PostPicker_WithUnknownUser_Returns400()
    {
        using var client = Browser();
        var html = await client.GetStringAsync("/dev/sign-in");

        var response = await client.PostAsync("/dev/sign-in", Form(("__RequestVerificationToken", Token(html)), ("user", "niemand"), ("returnUrl", "/")));
        var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The picker itself says what was wrong, beside the list of demo users (not the generic error page).
        Assert.Contains("'niemand' is geen demogebruiker.", page, StringComparison.Ordinal);
        Assert.Contains("rotterdam-aanvrager", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Picker_InProduction_Returns404()
    {
        await using var production = new CaseworkWebFactory { EnvironmentName = "Production" };
        using var app = AccessFixture.WithSettings(production, ("Authentication:Authority", "https://login.example.test/realms/casework"), ("Authentication:ClientId", "casework"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://casework.example.test") });

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/dev/sign-in", Form(("user", "auditor")))).StatusCode);
    }

    private HttpClient Browser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("<form method=\"post\" action=\"/dev/sign-in\">")]
    private static partial Regex FormPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*\\svalue=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlPattern();
}
