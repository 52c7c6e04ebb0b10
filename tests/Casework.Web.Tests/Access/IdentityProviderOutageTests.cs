using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Casework.Web.Tests.Access;

/// <summary>An authority on a closed local port: signing in is unavailable, and says so, instead of a 500.</summary>
public sealed class IdentityProviderOutageTests
{
    [Fact]
    public async Task SignIn_WhenTheIdentityProviderIsUnreachable_Answers503WithADutchPage()
    {
        await using var factory = IdentityProviderOutage.Factory();
        using var client = IdentityProviderOutage.Client(factory);

        using var response = await client.GetAsync("/sign-in?returnUrl=%2Fmijn-zaken");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Aanmelden is nu niet mogelijk", html, StringComparison.Ordinal);
        Assert.Contains("Probeer het over enkele minuten opnieuw", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/sign-in?returnUrl=%2Fmijn-zaken\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APage_WhenTheIdentityProviderIsUnreachable_SendsTheBrowserToTheSignInPage()
    {
        await using var factory = IdentityProviderOutage.Factory();
        using var client = IdentityProviderOutage.Client(factory);

        using var response = await client.GetAsync("/mijn-zaken");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Api_WithABearerToken_WhenTheIdentityProviderIsUnreachable_Answers503Problem()
    {
        await using var factory = IdentityProviderOutage.Factory();
        using var client = IdentityProviderOutage.Client(factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("service-unavailable", problem.GetProperty("code").GetString());
        Assert.Contains("niet bereikbaar", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Without a token there is nothing to check: a public read works, anything else is the usual 401.
        using var anonymous = IdentityProviderOutage.Client(factory);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/tranches")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/cases")).StatusCode);
    }
}

/// <summary>The outage is logged once, not per request; again after five minutes.</summary>
[Collection(HostLogsGroup.Name)]
public sealed class IdentityProviderOutageLogTests
{
    [Fact]
    public async Task SignIn_RepeatedDuringAnOutage_LogsItOnceAndAgainAfterFiveMinutes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await using var factory = IdentityProviderOutage.Factory();
        var (app, logs) = HostLogs.Attach(factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock))));
        using (app)
        {
            using var client = IdentityProviderOutage.Client(app);

            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/sign-in")).StatusCode);
            }

            Assert.Single(logs.Warnings("cannot be reached"));
            var others = logs.Events.Where(e => e.Level >= Serilog.Events.LogEventLevel.Error && !e.RenderMessage(null).Contains("cannot be reached", StringComparison.Ordinal))
                .Select(e => $"{e.Properties.GetValueOrDefault("SourceContext")}: {e.MessageTemplate.Text}").ToList();
            Assert.True(others.Count == 0, string.Join(Environment.NewLine, others));

            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/sign-in")).StatusCode);
            Assert.Equal(2, logs.Warnings("cannot be reached").Count);
        }
    }
}

internal static class IdentityProviderOutage
{
    /// <summary>A production host whose authority is a local port nobody listens on.</summary>
    public static CaseworkWebFactory Factory() => new()
    {
        EnvironmentName = "Production",
        Settings =
        {
            ["Authentication:Authority"] = $"http://127.0.0.1:{ClosedPort()}/realms/casework",
            ["Authentication:ClientId"] = "casework",
            ["Authentication:RequireHttpsMetadata"] = "false",
        },
    };

    public static HttpClient Client(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://casework.example.test") });

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
