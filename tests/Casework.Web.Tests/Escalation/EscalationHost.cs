using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Casework.Web.Tests.Escalation;

/// <summary>The real app on its own SQLite file with a fake clock, and HTTP helpers that sign in as the demo users.</summary>
public sealed class EscalationHost : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 09:00 in Amsterdam.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly CaseworkWebFactory _factory = new();
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _app;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public EscalationHost()
    {
        Clock = new FakeTimeProvider(Start);
        // Dev tokens are issued on the fake clock but the JWT handler checks lifetimes on the real one; the
        // lifetime check is not what these tests are about, so it is switched off here only.
        _app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.PostConfigureAll<JwtBearerOptions>(o => o.TokenValidationParameters.ValidateLifetime = false);
        }));
    }

    public FakeTimeProvider Clock { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public void AdvanceTo(DateOnly date) => Clock.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));

    /// <summary>A client signed in as a demo user, or as <c>ORG:Role,Role</c>.</summary>
    public async Task<HttpClient> As(string who)
    {
        if (_clients.TryGetValue(who, out var existing))
        {
            return existing;
        }

        var client = _app.CreateClient();
        object request = who.Contains(':', StringComparison.Ordinal)
            ? new { organisation = who.Split(':')[0], roles = who.Split(':')[1].Split(',') }
            : new { user = who };
        var response = await client.PostAsJsonAsync("/api/v1/dev/token", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _clients[who] = client;
        return client;
    }

    /// <summary>A browser signed in on the pages as a demo user: it holds the session cookie and no token.</summary>
    public async Task<HttpClient> BrowserOf(string user)
    {
        var browser = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/v1/dev/sign-in", new { user })).StatusCode);
        _clients["browser:" + user + ":" + Guid.NewGuid()] = browser;
        return browser;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _factory.DisposeAsync();
    }
}

/// <summary>Short HTTP calls for the scenario tests; each returns the status and the JSON body.</summary>
public static class Http
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> Post(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", "\"" + ifMatch + "\"");
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> Get(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Fires a workflow action on a case through the generic endpoint, with the case's current version.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> Fire(this HttpClient client, Guid caseId, string action, string? reason = null, object? data = null)
    {
        var (_, current) = await client.Get($"/api/v1/cases/{caseId}");
        var version = current.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await client.Post($"/api/v1/cases/{caseId}/actions/{action}", new { reason, data = data ?? new { } }, version);
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static Guid Id(this JsonElement e) => e.GetProperty("id").GetGuid();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrWhiteSpace(text) || !(response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) ?? false)
            ? default
            : JsonDocument.Parse(text).RootElement.Clone();
    }
}
