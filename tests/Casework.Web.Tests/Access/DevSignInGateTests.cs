using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Casework.Domain.Access;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Casework.Web.Tests.Access;

/// <summary>
/// The development sign-in exists only on a developer's machine (Development, no authority, a loopback client) or where
/// it was switched on explicitly without an authority; everywhere else its endpoints and page answer 404.
/// </summary>
public sealed class DevSignInGateTests
{
    private const string Authority = "https://login.example.test/realms/casework";

    [Fact]
    public async Task Development_WithAuthorityConfigured_DevSignInAnswers404()
    {
        await using var factory = new CaseworkWebFactory
        {
            Settings = { ["Authentication:Authority"] = Authority, ["Authentication:ClientId"] = "casework" },
        };
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await AssertDevSignInAbsentAsync(client);
    }

    [Fact]
    public async Task Development_FromRemoteAddress_DevSignInAnswers404_AndADevTokenIsNotAccepted()
    {
        await using var remote = new CaseworkWebFactory { RemoteAddress = IPAddress.Parse("203.0.113.7") };
        using var client = remote.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await AssertDevSignInAbsentAsync(client);
        var signIn = await client.GetAsync("/sign-in");
        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);

        // The development signing key is no secret: a token made with it from elsewhere must not sign anyone in.
        var forged = AccessFixture.Token(remote.Services, "GM0599", Role.Beheerder);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Development_FromLoopback_DevSignInWorks()
    {
        await using var local = new CaseworkWebFactory();
        using var client = local.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var token = await client.PostAsJsonAsync("/api/v1/dev/token", new { user = "beheerder" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dev/sign-in")).StatusCode);
    }

    [Fact]
    public async Task DevSignInEnabled_WithAuthorityConfigured_HostRefusesToStart()
    {
        await using var factory = new CaseworkWebFactory
        {
            EnvironmentName = "Production",
            Settings = { ["DevSignIn:Enabled"] = "true", ["Authentication:Authority"] = Authority, ["Authentication:ClientId"] = "casework" },
        };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("DevSignIn:Enabled", Flatten(error), StringComparison.Ordinal);
        Assert.Contains("Authentication:Authority", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithoutExplicitSwitch_DevSignInAnswers404()
    {
        await using var production = new CaseworkWebFactory
        {
            EnvironmentName = "Production",
            Settings = { ["Authentication:Authority"] = Authority, ["Authentication:ClientId"] = "casework" },
        };
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://casework.example.test") });

        await AssertDevSignInAbsentAsync(client);
    }

    [Fact]
    public async Task DevSignInEnabled_WithoutAuthority_WorksForRemoteClientsInAnyEnvironment()
    {
        await using var demo = new CaseworkWebFactory
        {
            EnvironmentName = "Production",
            RemoteAddress = IPAddress.Parse("203.0.113.7"),
            Settings = { ["DevSignIn:Enabled"] = "true" },
        };
        using var client = demo.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://casework.example.test") });

        var token = await client.PostAsJsonAsync("/api/v1/dev/token", new { user = "beheerder" });

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Production_WithoutAuthorityAndWithoutSwitch_HostRefusesToStart()
    {
        await using var production = new CaseworkWebFactory { EnvironmentName = "Production" };

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Authentication:Authority is not configured", Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("203.0.113.7", false)]
    public void IsLoopback_ByAddress(string address, bool loopback)
    {
        Assert.Equal(loopback, DevSignInPolicy.IsLoopback(IPAddress.Parse(address)));
    }

    [Fact]
    public void IsLoopback_WithoutAddress_IsFalse()
    {
        Assert.False(DevSignInPolicy.IsLoopback(null));
    }

    private static async Task AssertDevSignInAbsentAsync(HttpClient client)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/dev/token", new { user = "beheerder" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/dev/sign-in", new { user = "beheerder" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/dev/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/dev/sign-in", new FormUrlEncodedContent([new("user", "beheerder")]))).StatusCode);
    }

    private static string Flatten(Exception error) => error is AggregateException aggregate
        ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
        : error.Message + (error.InnerException is null ? string.Empty : " | " + Flatten(error.InnerException));
}
