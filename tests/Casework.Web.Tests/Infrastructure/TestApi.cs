using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Infrastructure;

/// <summary>Signs in through the development sign-in and opens cases through the app's own services.</summary>
internal static class TestApi
{
    public static async Task<HttpClient> SignInAsync(this CaseworkWebFactory factory, string demoUser)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/dev/token", new { user = demoUser });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> SignInAsync(this CaseworkWebFactory factory, string organisation, params Role[] roles)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/dev/token", new { organisation, roles = roles.Select(r => r.ToString()) });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Opens a case with the app's CaseOpener and saves it, as a feature's create command would.</summary>
    public static async Task<CaseFile> OpenCaseAsync(this CaseworkWebFactory factory, string definitionId, string owner, string? routedTo = null, string title = "Testzaak")
    {
        await using var scope = factory.CreateScope();
        var opener = scope.ServiceProvider.GetRequiredService<CaseOpener>();
        var db = CaseworkWebFactory.Db(scope);
        // Audit events are appended in a write transaction only, as a command does.
        return await db.InWriteTransactionAsync(
            async ct =>
            {
                var caseFile = await opener.OpenAsync(definitionId, owner, title, Actor.Person("test-setup", owner, Role.GemeenteAanvrager), ct, routedTo: routedTo);
                await db.SaveChangesAsync(ct);
                return caseFile;
            },
            CancellationToken.None);
    }

    public static async Task<HttpResponseMessage> FireAsync(this HttpClient client, Guid caseId, string action, int version, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/actions/{action}")
        {
            Content = JsonContent.Create(body ?? new { }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> GetCaseAsync(this HttpClient client, Guid caseId)
    {
        var response = await client.GetAsync($"/api/v1/cases/{caseId}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}

internal static class HttpAssert
{
    /// <summary>Asserts the status and shows the body when it differs (a ProblemDetails says why).</summary>
    public static async Task StatusAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }
}
