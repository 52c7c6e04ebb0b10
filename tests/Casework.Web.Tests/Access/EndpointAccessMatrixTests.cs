using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;

namespace Casework.Web.Tests.Access;

/// <summary>
/// Every endpoint the app maps (read from its own EndpointDataSource, so a new endpoint is covered without
/// editing this test), called as anonymous and as every role of the owning and of a foreign gemeente,
/// with the owner's case, the other gemeente's case and a random id in every id slot.
/// </summary>
public sealed class EndpointAccessMatrixTests : IAsyncLifetime
{
    /// <summary>Route patterns (prefixes) anyone may call without signing in; everything else must answer 401.</summary>
    private static readonly string[] AnonymousPrefixes =
    [
        "/health",
        "/api/{documentName}/openapi.json",
        "/api-docs",
        "/api/v1/reference/",
        "/api/v1/tranches",
        "/api/v1/workflows",
        "/api/v1/terms",
        "/api/v1/dev/", // mapped only in Development, which this factory is
        "/sign-in",
        "/sign-out",
        "/dev/sign-in", // the development picker page, mapped only in Development
    ];

    /// <summary>Exact route patterns anyone may call (a prefix "/" would exempt everything): the start page.</summary>
    private static readonly string[] AnonymousExact = ["/", "/fout"]; // the start page, and the error page (reached by re-execution; 404 when asked for directly)

    /// <summary>Writes an auditor may do (they change no case): audit checkpoints, and the development sign-in.</summary>
    private static readonly string[] AuditorWrites = ["/api/v1/audit/checkpoints", "/api/v1/dev/"];

    private readonly CaseworkWebFactory _root = new();
    private WebApplicationFactory<Program> _factory = null!;
    private CaseFile _rotterdamCase = null!;
    private CaseFile _amsterdamCase = null!;

    public async Task InitializeAsync()
    {
        // The matrix is about who may do what; the rate limits have tests of their own.
        _factory = AccessFixture.WithSettings(_root, ("WebSecurity:CreatePermitLimit", "100000"), ("WebSecurity:SignInPermitLimit", "100000"));
        _rotterdamCase = await AccessFixture.OpenCaseAsync(_factory.Services, AccessFixture.Rotterdam, "Zaak van Rotterdam");
        _amsterdamCase = await AccessFixture.OpenCaseAsync(_factory.Services, AccessFixture.Amsterdam, "Zaak van Amsterdam");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
    }

    [Fact]
    public async Task EveryEndpoint_AsEveryRoleOfOwnerAndForeignOrganisation_IsScopedAndNeverFails()
    {
        var endpoints = Endpoints();
        Assert.Contains(endpoints, e => e.Pattern == "/api/v1/cases/{id:guid}" && e.Method == "GET");
        Assert.Contains(endpoints, e => e.Pattern == "/api/v1/cases/{id:guid}/actions/{action}" && e.Method == "POST");

        var violations = new List<string>();
        var callers = new List<Caller> { new("anoniem", null, null, null) };
        foreach (var org in new[] { AccessFixture.Rotterdam, AccessFixture.Amsterdam })
        {
            callers.AddRange(AccessFixture.PersonRoles.Select(role => new Caller($"{org}/{role}", org, role, AccessFixture.Token(_factory.Services, org, role))));
        }

        var calls = 0;
        foreach (var caller in callers)
        {
            using var client = AccessFixture.Client(_factory, caller.Token);
            foreach (var endpoint in endpoints)
            {
                var own = caller.Organisation == AccessFixture.Amsterdam ? _amsterdamCase : _rotterdamCase;
                var foreign = ReferenceEquals(own, _rotterdamCase) ? _amsterdamCase : _rotterdamCase;
                var statuses = new Dictionary<string, HttpStatusCode>();
                foreach (var (variant, id) in new[] { ("own", own.Id), ("foreign", foreign.Id), ("random", Guid.NewGuid()) })
                {
                    var url = endpoint.Url(id);
                    using var response = await client.SendAsync(Request(endpoint.Method, url));
                    calls++;
                    var status = response.StatusCode;
                    statuses[variant] = status;
                    var body = await response.Content.ReadAsStringAsync();
                    var at = $"{caller.Name} {endpoint.Method} {url} ({variant}) -> {(int)status}";

                    if ((int)status >= 500)
                    {
                        violations.Add($"{at}: server error {Shorten(body)}");
                    }

                    if (caller.Token is null && !IsAnonymous(endpoint.Pattern) && endpoint.IsApi && status != HttpStatusCode.Unauthorized)
                    {
                        violations.Add($"{at}: anonymous must get 401");
                    }

                    // A page sends a browser that is not signed in to the sign-in, and shows nothing else.
                    if (caller.Token is null && !IsAnonymous(endpoint.Pattern) && !endpoint.IsApi
                        && (status != HttpStatusCode.Redirect || response.Headers.Location is not { } location
                            || new Uri(new Uri("http://localhost/"), location).AbsolutePath != "/sign-in"))
                    {
                        violations.Add($"{at}: anonymous must be redirected to /sign-in ({response.Headers.Location})");
                    }

                    if (caller.Token is null || !SeesEverything(caller.Role))
                    {
                        if (MentionsCase(body, foreign))
                        {
                            violations.Add($"{at}: the response shows the other organisation's case {foreign.Reference}");
                        }

                        if (caller.Token is null && MentionsCase(body, own))
                        {
                            violations.Add($"{at}: an anonymous response shows case {own.Reference}");
                        }
                    }

                    if (caller.Role == Role.Auditor && endpoint.Method != "GET" && (int)status is >= 200 and < 300
                        && !AuditorWrites.Any(p => endpoint.Pattern.StartsWith(p, StringComparison.Ordinal)))
                    {
                        violations.Add($"{at}: an auditor writes nothing");
                    }

                    if (caller.Role == Role.Auditor && endpoint.IsCaseResource && variant != "random")
                    {
                        var expected = endpoint.Method == "GET" ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                        if (status != expected)
                        {
                            violations.Add($"{at}: an auditor reads every case and writes none (expected {(int)expected}) {Shorten(body)}");
                        }
                    }
                }

                if (caller.Token is not null && !SeesEverything(caller.Role))
                {
                    // Not yours and not there look the same (in the route or as ?caseId=), and in a route neither is a success.
                    if (statuses["foreign"] != statuses["random"] || (endpoint.HasCaseSlot && (int)statuses["foreign"] is >= 200 and < 300))
                    {
                        violations.Add($"{caller.Name} {endpoint.Method} {endpoint.Pattern}: foreign case answered {(int)statuses["foreign"]}, a random id {(int)statuses["random"]}");
                    }

                    if (endpoint.Method == "GET" && statuses["own"] != HttpStatusCode.OK && endpoint.IsCaseResource)
                    {
                        violations.Add($"{caller.Name} GET {endpoint.Pattern}: the owner's own case answered {(int)statuses["own"]}");
                    }
                }
            }
        }

        Assert.True(calls > 300, $"only {calls} calls");
        Assert.True(violations.Count == 0, $"{violations.Count} violations:\n" + string.Join('\n', violations.Take(60)));
    }

    /// <summary>
    /// Cross-site request forgery: a browser that holds the page cookie sends it along with any request a
    /// hostile page makes. Every unsafe API request that carries only the cookie (as a form post from another
    /// origin, or a same-origin script without a token) is refused as unauthenticated, whoever the cookie is
    /// for, and changes nothing (ADR-011).
    /// </summary>
    [Fact]
    public async Task EveryUnsafeApiEndpoint_WithOnlyThePageCookie_IsRefusedFromAnyOrigin()
    {
        var unsafeApi = Endpoints().Where(e => e.IsApi && e.Method != "GET" && !IsAnonymous(e.Pattern)).ToList();
        Assert.Contains(unsafeApi, e => e.Pattern == "/api/v1/meetings/{id:guid}/close");
        Assert.Contains(unsafeApi, e => e.Pattern == "/api/v1/cases/{id:guid}/actions/{action}");

        var violations = new List<string>();
        var calls = 0;
        foreach (var user in new[] { "beheerder", "rotterdam-aanvrager", "sbsd-secretaris", "vro-beoordelaar" })
        {
            using var browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/v1/dev/sign-in", new { user })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/cases")).StatusCode); // the cookie is good for reads
            var before = await NonAccessAuditEventsAsync();

            foreach (var endpoint in unsafeApi)
            {
                foreach (var (origin, form) in new[] { ("http://evil.example", true), ("http://evil.example", false), (null as string, false) })
                {
                    var request = Request(endpoint.Method, endpoint.Url(_rotterdamCase.Id));
                    if (form)
                    {
                        request.Content = new FormUrlEncodedContent([new("reden", "x")]);
                    }

                    if (origin is not null)
                    {
                        request.Headers.Add("Origin", origin);
                    }

                    using var response = await browser.SendAsync(request);
                    calls++;
                    if (response.StatusCode != HttpStatusCode.Unauthorized)
                    {
                        violations.Add($"{user} {endpoint.Method} {endpoint.Pattern} (origin {origin ?? "none"}, {(form ? "form" : "json")}) -> {(int)response.StatusCode}: a cookie-only write must be 401 {Shorten(await response.Content.ReadAsStringAsync())}");
                    }
                }
            }

            // Refusals are audited as access events; nothing else (no case, meeting or ledger event) was written.
            var after = await NonAccessAuditEventsAsync();
            if (after != before)
            {
                violations.Add($"{user}: cookie-only writes changed the audit trail ({before} -> {after} non-access events)");
            }
        }

        Assert.True(calls > 100, $"only {calls} calls");
        Assert.True(violations.Count == 0, $"{violations.Count} violations:\n" + string.Join('\n', violations.Take(40)));
    }

    [Fact]
    public async Task ListCases_AsEachRole_ShowsOnlyTheCasesTheOrganisationMaySee()
    {
        foreach (var role in AccessFixture.PersonRoles)
        {
            using var client = AccessFixture.Client(_factory, AccessFixture.Token(_factory.Services, AccessFixture.Amsterdam, role));
            var page = JsonNode.Parse(await client.GetStringAsync("/api/v1/cases?limit=100"))!;
            var ids = page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToHashSet();

            Assert.Contains(_amsterdamCase.Id, ids);
            Assert.Equal(SeesEverything(role), ids.Contains(_rotterdamCase.Id));

            var filtered = JsonNode.Parse(await client.GetStringAsync("/api/v1/cases?organisation=GM0599"))!;
            Assert.Equal(SeesEverything(role) ? 1 : 0, filtered["items"]!.AsArray().Count);
        }
    }

    /// <summary>Audit events other than access refusals and sign-ins: what a write would leave behind.</summary>
    private async Task<int> NonAccessAuditEventsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Casework.Web.Persistence.CaseworkDbContext>().AuditEvents
            .CountAsync(e => !e.Stream.StartsWith("access:") && !e.Stream.StartsWith("auth:"));
    }

    private static bool SeesEverything(Role? role) => role is Role.Auditor or Role.Beheerder;

    private static bool IsAnonymous(string pattern) => AnonymousExact.Contains(pattern) || AnonymousPrefixes.Any(p => pattern.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The case's id or reference anywhere in the body, except <c>instance</c> (which echoes the requested path).</summary>
    private static bool MentionsCase(string body, CaseFile caseFile)
    {
        var text = body;
        if (body.StartsWith('{'))
        {
            try
            {
                var node = JsonNode.Parse(body)!.AsObject();
                node.Remove("instance");
                text = node.ToJsonString();
            }
            catch (JsonException)
            {
                // Not JSON after all: search the raw text.
            }
        }

        return text.Contains(caseFile.Id.ToString(), StringComparison.OrdinalIgnoreCase)
            || text.Contains(caseFile.Id.ToString("N"), StringComparison.OrdinalIgnoreCase)
            || text.Contains(caseFile.Reference, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Request(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return request;
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] : body;

    private List<EndpointUnderTest> Endpoints()
    {
        var source = _factory.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m != "OPTIONS" && m != "HEAD")
                .Select(m => new EndpointUnderTest(m, e.RoutePattern)))
            .DistinctBy(e => (e.Method, e.Pattern))
            .ToList();
    }

    private sealed record Caller(string Name, string? Organisation, Role? Role, string? Token);

    private sealed record EndpointUnderTest(string Method, RoutePattern Route)
    {
        public string Pattern { get; } = "/" + string.Join('/', Route.PathSegments.Select(s => string.Concat(s.Parts.Select(Text))));

        /// <summary>Whether some route value takes an id (a guid): the place for a case id.</summary>
        public bool HasCaseSlot => Route.Parameters.Any(IsGuid);

        public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);

        public bool IsCaseResource => Pattern.StartsWith("/api/v1/cases/{", StringComparison.Ordinal);

        public string Url(Guid id)
        {
            var path = "/" + string.Join('/', Route.PathSegments.Select(s => string.Concat(s.Parts.Select(p => Value(p, id)))));
            return path.TrimEnd('/') + "?caseId=" + id;
        }

        private static bool IsGuid(RoutePatternParameterPart p) => p.ParameterPolicies.Any(x => x.Content == "guid");

        private static string Text(RoutePatternPart part) => part switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart s => s.Content,
            RoutePatternParameterPart p => "{" + p.Name + string.Concat(p.ParameterPolicies.Select(x => ":" + x.Content)) + (p.IsOptional ? "?" : string.Empty) + "}",
            _ => string.Empty,
        };

        private static string Value(RoutePatternPart part, Guid id) => part switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart s => s.Content,
            RoutePatternParameterPart p when IsGuid(p) => id.ToString(),
            RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content is "int" or "long") => "1",
            RoutePatternParameterPart p when p.IsCatchAll || p.IsOptional => string.Empty,
            RoutePatternParameterPart p => p.Name switch
            {
                "documentName" => "v1",
                "id" => "vhf-application",
                _ => "placeholder",
            },
            _ => string.Empty,
        };
    }
}
