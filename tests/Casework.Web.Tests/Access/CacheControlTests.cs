using System.Net;
using System.Net.Http.Json;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Casework.Web.Tests.Access;

/// <summary>What depends on the caller is never stored by a browser or a shared cache; public assets keep their caching.</summary>
public sealed class CacheControlTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task AuthenticatedApiResponses_AreNoStore()
    {
        var opened = await _factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var client = await _factory.SignInAsync("rotterdam-aanvrager");

        foreach (var url in new[] { "/api/v1/cases", $"/api/v1/cases/{opened.Id}", $"/api/v1/cases/{opened.Id}/history", "/api/v1/tranches", "/api/v1/audit/verification" })
        {
            using var response = await client.GetAsync(url);
            AssertNoStore(response, url);
        }
    }

    [Fact]
    public async Task PagesForASignedInUser_AreNoStore()
    {
        using var browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/v1/dev/sign-in", new { user = "rotterdam-aanvrager" })).StatusCode);

        foreach (var url in new[] { "/", "/mijn-zaken", "/rondes", "/werkvoorraad" })
        {
            using var response = await browser.GetAsync(url);
            AssertNoStore(response, url);
        }
    }

    [Fact]
    public async Task DevelopmentToken_WhichCarriesACredential_IsNoStore()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/dev/token", new { user = "auditor" });

        AssertNoStore(response, "/api/v1/dev/token");
    }

    [Fact]
    public async Task PublicResponses_ForAnonymousCallers_KeepTheirCaching()
    {
        using var client = _factory.CreateClient();

        foreach (var url in new[] { "/css/casework.css", "/favicon.svg", "/api/v1/tranches", "/api/v1/reference/gemeenten" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.CacheControl?.NoStore ?? false, $"{url} must not be no-store for an anonymous caller");
            Assert.True(response.Headers.Pragma.Count == 0, $"{url} carries no Pragma");
        }
    }

    private static void AssertNoStore(HttpResponseMessage response, string url)
    {
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} ({(int)response.StatusCode}) must be Cache-Control: no-store, was '{response.Headers.CacheControl}'");
        Assert.Contains(response.Headers.Pragma, p => p.Name == "no-cache");
    }
}
