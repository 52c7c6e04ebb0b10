using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Casework.Domain.Access;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Casework.Web.Tests.Access;

public sealed partial class AccessTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task FireAction_WithTokenOfAnotherOrganisation_Returns404AndChangesNothing()
    {
        var rotterdam = await AccessFixture.OpenCaseAsync(_factory.Services, AccessFixture.Rotterdam, "Zaak van Rotterdam");
        using var amsterdam = AccessFixture.Client(_factory, AccessFixture.Token(_factory.Services, AccessFixture.Amsterdam, Role.GemeenteAanvrager, Role.Loket, Role.Beoordelaar));

        var fire = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{rotterdam.Id}/actions/indienen") { Content = JsonContent.Create(new { reason = "poging" }) };
        fire.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var response = await amsterdam.SendAsync(fire);
        var get = await amsterdam.GetAsync($"/api/v1/cases/{rotterdam.Id}");
        var history = await amsterdam.GetAsync($"/api/v1/cases/{rotterdam.Id}/history");
        var diagram = await amsterdam.GetAsync($"/api/v1/workflows/vhf-application/versions/{rotterdam.DefinitionVersion}?caseId={rotterdam.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, diagram.StatusCode);
        await using var scope = _factory.CreateScope();
        var stored = await CaseworkWebFactory.Db(scope).Cases.AsNoTracking().SingleAsync(c => c.Id == rotterdam.Id);
        Assert.Equal(rotterdam.Version, stored.Version);
        Assert.Equal(rotterdam.State, stored.State);
    }

    [Theory]
    [InlineData("GM0599", new[] { "7" })]
    [InlineData("GM0599", new[] { "GemeenteAanvrager,Auditor" })]
    [InlineData("GM0599", new[] { "Systeem" })]
    [InlineData("", new[] { "GemeenteAanvrager" })]
    public async Task Cases_WithTokenWithoutOrganisationOrKnownRole_Returns403(string organisation, string[] roles)
    {
        using var client = AccessFixture.Client(_factory, AccessFixture.Token(_factory.Services, "odd-user", organisation, roles));

        var response = await client.GetAsync("/api/v1/cases");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WorkflowDiagram_ForOwnCaseWithoutAnyRole_Returns404()
    {
        var rotterdam = await AccessFixture.OpenCaseAsync(_factory.Services, AccessFixture.Rotterdam, "Zaak van Rotterdam");
        using var roleless = AccessFixture.Client(_factory, AccessFixture.Token(_factory.Services, "no-roles", AccessFixture.Rotterdam, []));
        using var aanvrager = AccessFixture.Client(_factory, AccessFixture.Token(_factory.Services, AccessFixture.Rotterdam, Role.GemeenteAanvrager));
        var url = $"/api/v1/workflows/vhf-application/versions/{rotterdam.DefinitionVersion}?caseId={rotterdam.Id}";

        Assert.Equal(HttpStatusCode.NotFound, (await roleless.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await aanvrager.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Cases_WithTokenSignedByAnotherKey_Returns401()
    {
        var forged = AuthSetup.IssueDevToken(new AuthOptions { DevSigningKey = "not-the-casework-key-but-long-enough-0123456789" }, "mallory", "Mallory", "GM0599", ["Auditor"], DateTimeOffset.UtcNow);
        using var client = AccessFixture.Client(_factory, forged);

        var response = await client.GetAsync("/api/v1/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Auditor_ReadsCasesOfEveryOrganisation_ButEveryActionIs403AndAudited()
    {
        var rotterdam = await AccessFixture.OpenCaseAsync(_factory.Services, AccessFixture.Rotterdam, "Zaak van Rotterdam");
        var amsterdam = await AccessFixture.OpenCaseAsync(_factory.Services, AccessFixture.Amsterdam, "Zaak van Amsterdam");
        using var auditor = AccessFixture.Client(_factory, AccessFixture.Token(_factory.Services, "BZK", Role.Auditor));

        foreach (var caseFile in new[] { rotterdam, amsterdam })
        {
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/cases/{caseFile.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/cases/{caseFile.Id}/history")).StatusCode);
            var fire = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseFile.Id}/actions/indienen") { Content = JsonContent.Create(new { }) };
            fire.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            var response = await auditor.SendAsync(fire);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var refusals = await db.AuditEvents.AsNoTracking().Where(e => e.Stream == "access:BZK").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, e => Assert.Equal("403", e.Result));
        Assert.All(refusals, e => Assert.Equal("toegang.geweigerd", e.Action));
        Assert.All(refusals, e => Assert.Contains("auditor", e.Reason, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await db.Cases.CountAsync(c => c.Version != 1));
    }

    [Fact]
    public async Task Anonymous_RefusedRequest_IsAuditedInTheAnonymousStreamWithAnIntactChain()
    {
        using var anonymous = AccessFixture.Client(_factory);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/audit/verification")).StatusCode);

        await using var scope = _factory.CreateScope();
        var events = await CaseworkWebFactory.Db(scope).AuditEvents.AsNoTracking().Where(e => e.Stream == AccessAuditWriter.AnonymousStream).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, events.Count);
        Assert.Equal([1L, 2L], events.Select(e => e.Sequence));
        Assert.Equal(events[0].Hash, events[1].PreviousHash);
        Assert.Contains("/api/v1/cases", events[0].NewValues, StringComparison.Ordinal);
        Assert.Equal("401", events[0].Result);

        using var auditor = AccessFixture.Client(_factory, AccessFixture.Token(_factory.Services, "BZK", Role.Auditor));
        var verification = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verification");
        Assert.True(verification.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Anonymous_ConcurrentRefusals_AreAllAuditedWithoutForkingTheChain()
    {
        using var anonymous = AccessFixture.Client(_factory);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => anonymous.GetAsync("/api/v1/cases")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        await using var scope = _factory.CreateScope();
        var sequences = await CaseworkWebFactory.Db(scope).AuditEvents.AsNoTracking().Where(e => e.Stream == AccessAuditWriter.AnonymousStream).Select(e => e.Sequence).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task DevSignIn_SetsCookieThatTheApiAccepts_AndSignInAndSignOutAreAudited()
    {
        var rotterdam = await AccessFixture.OpenCaseAsync(_factory.Services, AccessFixture.Rotterdam, "Zaak van Rotterdam");
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var signIn = await client.PostAsJsonAsync("/api/v1/dev/sign-in", new { user = "rotterdam-aanvrager" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("casework.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/cases/{rotterdam.Id}")).StatusCode);

        // A bearer header wins over the cookie: a bad token is 401 even with a good cookie.
        var withBadToken = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{rotterdam.Id}");
        withBadToken.Headers.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(withBadToken)).StatusCode);

        // Sign-out needs the antiforgery token (a cross-site form must not sign anyone out).
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/sign-out", null)).StatusCode);
        var tokens = AntiforgeryFor(AuthSetup.DevPrincipal("rotterdam-aanvrager", "Fatima el Idrissi", "GM0599", ["GemeenteAanvrager"]));
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/sign-out");
        signOut.Headers.Add("X-CSRF-TOKEN", tokens.RequestToken);
        signOut.Headers.Add("Cookie", $"casework.af={tokens.CookieToken}");
        var signedOut = await client.SendAsync(signOut);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/cases/{rotterdam.Id}")).StatusCode);

        await using var scope = _factory.CreateScope();
        var actions = await CaseworkWebFactory.Db(scope).AuditEvents.AsNoTracking().Where(e => e.Stream == "auth:rotterdam-aanvrager").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal(["aanmelding.ontwikkeling", "afmelding"], actions);
    }

    [Fact]
    public async Task Production_DevSignInIsAbsent_AndOidcUsesCodeWithPkce()
    {
        await using var production = new CaseworkWebFactory { EnvironmentName = "Production" };
        using var app = AccessFixture.WithSettings(
            production,
            ("Authentication:Authority", "https://login.example.test/realms/casework"),
            ("Authentication:ClientId", "casework"),
            ("Authentication:OrganisationClaim", "organisation_code"),
            ("Authentication:RoleClaim", "casework_roles"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://casework.example.test") });

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/dev/token", new { user = "auditor" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/dev/sign-in", new { user = "auditor" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/dev/users")).StatusCode);

        // The API answers 401 without a token; it never redirects to the identity provider.
        var api = await client.GetAsync("/api/v1/cases");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.True(api.Headers.Contains("Strict-Transport-Security"));

        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme));
        var oidc = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        Assert.Equal("code", oidc.ResponseType);
        Assert.True(oidc.UsePkce);
        Assert.True(oidc.SaveTokens);
        Assert.Equal("https://login.example.test/realms/casework", oidc.Authority);
    }

    [Fact]
    public void ClaimsMapping_WithConfiguredClaims_MapsOrganisationAndKnownRolesOnly()
    {
        var options = new AuthOptions { OrganisationClaim = "organisation_code", RoleClaim = "casework_roles" };
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [
                new("sub", "user-1"),
                new("organisation_code", "GM0599"),
                new("casework_roles", "[\"GemeenteAanvrager\",\"Onbekend\",\"Systeem\"]"),
                new("casework_roles", "Loket"),
            ],
            "oidc"));

        var actor = ClaimsMapping.AddCaseworkClaims(principal, options);

        Assert.NotNull(actor);
        Assert.Equal("GM0599", actor.Organisation);
        Assert.Equal(new HashSet<Role> { Role.GemeenteAanvrager, Role.Loket }, actor.Roles.ToHashSet());
        Assert.Equal("GM0599", principal.FindFirst(CaseworkClaims.Organisation)?.Value);
        Assert.Null(ClaimsMapping.AddCaseworkClaims(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new("sub", "x"), new("organisation_code", "GM0599")], "oidc")), options));
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders_AndApiDocsScriptsRunOnlyWithTheirNonce()
    {
        using var client = AccessFixture.Client(_factory);

        var api = await client.GetAsync("/api/v1/tranches");
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", api.Headers.GetValues("Referrer-Policy").Single());
        var apiCsp = api.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", apiCsp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", apiCsp, StringComparison.Ordinal);
        Assert.False(api.Headers.Contains("Strict-Transport-Security"));

        var problem = await client.GetAsync("/api/v1/cases");
        Assert.Equal("nosniff", problem.Headers.GetValues("X-Content-Type-Options").Single());

        var docs = await client.GetAsync("/api-docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var csp = docs.Headers.GetValues("Content-Security-Policy").Single();
        var html = await docs.Content.ReadAsStringAsync();
        var nonce = NonceInPolicy().Match(csp).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(nonce));
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce}\"", s.Value, StringComparison.Ordinal));
        Assert.DoesNotMatch("(src|href)=\"https?://", html);

        var second = await client.GetAsync("/api-docs/");
        Assert.NotEqual(nonce, NonceInPolicy().Match(second.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value);
    }

    [Fact]
    public async Task DevToken_OverTheSignInLimit_Returns429ProblemWithRetryAfter()
    {
        using var app = AccessFixture.WithSettings(_factory, ("WebSecurity:SignInPermitLimit", "3"));
        using var client = AccessFixture.Client(app);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/dev/token", new { user = "rotterdam-aanvrager" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.True(last.Headers.RetryAfter is not null);
        var problem = await last.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("too-many-requests", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreatingPost_OverTheCreateLimit_Returns429PerUser()
    {
        using var app = AccessFixture.WithSettings(_factory, ("WebSecurity:CreatePermitLimit", "2"));
        using var auditor = AccessFixture.Client(app, AccessFixture.Token(app.Services, "BZK", Role.Auditor));
        using var beheerder = AccessFixture.Client(app, AccessFixture.Token(app.Services, "VRO", Role.Beheerder));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await auditor.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await beheerder.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);

        // Reading is not limited.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/audit/verification")).StatusCode);
        }
    }

    [Fact]
    public async Task Decisions_HaveTheirOwnLimit_SoASecretaryRecordingAMeetingIsNotThrottledByTheCreateLimit()
    {
        using var app = AccessFixture.WithSettings(_factory, ("WebSecurity:CreatePermitLimit", "2"), ("WebSecurity:DecisionPermitLimit", "5"));
        using var vro = AccessFixture.Client(app, AccessFixture.Token(app.Services, "VRO", Role.Beheerder));

        // Awards, case actions and meeting closes are decisions: three of them pass a create limit of 2 (a
        // missing resource answers 404, which shows the request was let through), and the sixth meets the
        // decision limit.
        var statuses = new List<HttpStatusCode>();
        foreach (var url in new[] { "applications/{0}/award", "cases/{0}/actions/toekennen", "meetings/{0}/close", "applications/{0}/submit", "cases/{0}/actions/afwijzen", "cases/{0}/actions/afwijzen" })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/" + string.Format(CultureInfo.InvariantCulture, url, Guid.NewGuid())) { Content = JsonContent.Create(new { }) };
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            statuses.Add((await vro.SendAsync(request)).StatusCode);
        }

        Assert.All(statuses[..5], s => Assert.True(s is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{s}: a decision within its own limit is let through"));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);

        // The decisions used none of the create limit.
        Assert.Equal(HttpStatusCode.OK, (await vro.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await vro.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await vro.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);
    }

    [Fact]
    public async Task Limits_AreThisHostsShare_WhenSeveralHostsServeOneDatabase()
    {
        using var app = AccessFixture.WithSettings(_factory, ("WebSecurity:CreatePermitLimit", "4"), ("WebSecurity:Hosts", "2"));
        using var auditor = AccessFixture.Client(app, AccessFixture.Token(app.Services, "BZK", Role.Auditor));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await auditor.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ApiBody_LargerThanOneMebibyte_Returns413Problem()
    {
        using var client = AccessFixture.Client(_factory);
        var json = "{\"user\":\"" + new string('x', (1024 * 1024) + 10) + "\"}";

        var response = await client.PostAsync("/api/v1/dev/token", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("payload-too-large", problem.GetProperty("code").GetString());
    }

    [Fact]
    public void SignIn_ReturnUrl_OnlyLocalPathsAreKept()
    {
        Assert.Equal("/cases/1", Casework.Web.Features.Auth.SignInEndpoints.LocalOrRoot("/cases/1"));
        Assert.Equal("/", Casework.Web.Features.Auth.SignInEndpoints.LocalOrRoot("//evil.example"));
        Assert.Equal("/", Casework.Web.Features.Auth.SignInEndpoints.LocalOrRoot("/\\evil.example"));
        Assert.Equal("/", Casework.Web.Features.Auth.SignInEndpoints.LocalOrRoot("https://evil.example/"));
        Assert.Equal("/", Casework.Web.Features.Auth.SignInEndpoints.LocalOrRoot(null));
    }

    private AntiforgeryTokenSet AntiforgeryFor(System.Security.Claims.ClaimsPrincipal user)
    {
        var scope = _factory.Services.CreateScope();
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider, User = user };
        return _factory.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
    }

    [GeneratedRegex("script-src[^;]*'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
