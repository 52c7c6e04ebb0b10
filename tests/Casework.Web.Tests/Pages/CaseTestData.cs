using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Tests.Applications;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// Data for the case-page tests, made through the API as its users would: an open WBI round (announced by the
/// beheerder with its window open now, on the app's clock) and an application a gemeente drafted and submitted in it.
/// </summary>
internal static class CaseTestData
{
    // Sign-in is rate limited per client address (30 a minute); a token per user and app is enough.
    private static readonly ConcurrentDictionary<(CaseworkWebFactory, string), string> Tokens = new();

    /// <summary>An API client signed in as a demo user (bearer token, reused within one app).</summary>
    public static async Task<HttpClient> ApiAsync(CaseworkWebFactory factory, string demoUser)
    {
        if (!Tokens.TryGetValue((factory, demoUser), out var token))
        {
            using var anonymous = factory.CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/v1/dev/token", new { user = demoUser });
            await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
            token = (await response.ReadJsonAsync()).GetProperty("accessToken").GetString()!;
            Tokens[(factory, demoUser)] = token;
        }

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<Guid> AnnounceOpenWbiRoundAsync(CaseworkWebFactory factory, decimal ceiling = 100_000_000m)
    {
        using var beheerder = await ApiAsync(factory, "beheerder");
        var rounds = await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/tranches");
        var t6 = rounds.EnumerateArray().Single(t => t.GetProperty("regeling").GetString() == "Wbi" && t.GetProperty("name").GetString() == "T6").GetProperty("id").GetGuid();
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var response = await beheerder.PostAsJsonAsync("/api/v1/tranches", new
        {
            basedOnTrancheId = t6,
            name = "P" + Guid.NewGuid().ToString("N")[..10],
            announcedOnDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            opensAt = now.AddDays(-1),
            closesAt = now.AddDays(30),
            ceiling,
        });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, response);
        return (await response.ReadJsonAsync()).GetProperty("tranche").GetProperty("id").GetGuid();
    }

    /// <summary>A valid WBI application of <paramref name="demoUser"/>'s gemeente, submitted: state 'ingediend', at the RVO loket.</summary>
    /// <remarks>A gemeente may file at most 3 applications per WBI round, so each call announces its own round unless given one.</remarks>
    public static async Task<(Guid Id, string Reference)> SubmittedWbiApplicationAsync(CaseworkWebFactory factory, Guid? round = null, string demoUser = "rotterdam-aanvrager", string projectName = "Hart van Zuid")
    {
        var roundId = round ?? await AnnounceOpenWbiRoundAsync(factory);
        using var gemeente = await ApiAsync(factory, demoUser);
        var today = DateOnly.FromDateTime(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var body = ApplicationBuilder.Wbi(roundId).With(a =>
        {
            a.ProjectName = projectName;
            a.Start = today.AddYears(1);
            a.Completion = today.AddYears(6);
        }).Build();
        var created = await gemeente.PostAsJsonAsync("/api/v1/applications", body);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, created);
        var application = await created.ReadJsonAsync();
        var id = application.GetProperty("id").GetGuid();
        await RequiredBijlagen.AttachAsync(gemeente, id);
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/submit");
        submit.Headers.TryAddWithoutValidation("If-Match", $"\"{application.GetProperty("version").GetInt32()}\"");
        var submitted = await gemeente.SendAsync(submit);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, submitted);
        return (id, application.GetProperty("reference").GetString()!);
    }
}

/// <summary>Walks an application further through the API, as the loket, VRO and the committee would.</summary>
internal static class CaseTestSteps
{
    public static async Task<JsonElement> FireAsync(CaseworkWebFactory factory, string demoUser, Guid id, string action, object? body = null)
    {
        using var client = await CaseTestData.ApiAsync(factory, demoUser);
        var current = await client.GetCaseAsync(id);
        var response = await client.FireAsync(id, action, current.GetProperty("version").GetInt32(), body);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        return await response.ReadJsonAsync();
    }

    /// <summary>
    /// A besluit under the vier-ogenprincipe (vhf/wbi v3): <paramref name="proposer"/> fires it, which proposes it, and
    /// <paramref name="confirmer"/>, a colleague of the same organisation, confirms it. The case after the confirmation.
    /// </summary>
    public static async Task<JsonElement> DecideAsync(CaseworkWebFactory factory, string proposer, string confirmer, Guid id, string action, object? body = null)
    {
        var proposed = await FireAsync(factory, proposer, id, action, body);
        Assert.Equal(action, proposed.GetProperty("proposal").GetProperty("action").GetString());
        using var client = await CaseTestData.ApiAsync(factory, confirmer);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/proposal/confirm");
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{proposed.GetProperty("version").GetInt32()}\"");
        var response = await client.SendAsync(request);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        return await response.ReadJsonAsync();
    }

    /// <summary>The Beheerder appoints the chair of a Toetsingscommissie.</summary>
    public static async Task AppointChairAsync(CaseworkWebFactory factory, string committee, string userId, string name)
    {
        using var beheerder = await CaseTestData.ApiAsync(factory, "beheerder");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await beheerder.PutAsJsonAsync($"/api/v1/committees/{committee}/chair", new { userId, name }));
    }

    /// <summary>Complete, admit, score (8/7/6/9) and advise positively: the application waits for the decision.</summary>
    public static async Task ToRankingAsync(CaseworkWebFactory factory, Guid id)
    {
        await FireAsync(factory, "rvo-loket", id, "verklaarVolledig");
        await FireAsync(factory, "vro-beoordelaar", id, "toelaten");
        await AppointChairAsync(factory, "TC-WBI", "commissie-wbi", "Hans Smit");
        using var committee = await CaseTestData.ApiAsync(factory, "commissie-wbi");
        var scores = await committee.PutAsJsonAsync($"/api/v1/applications/{id}/committee-scores/mine", new
        {
            scores = new Dictionary<string, decimal> { ["noodzaak"] = 8m, ["effectiviteit"] = 7m, ["efficientie"] = 6m, ["urgentie"] = 9m },
        });
        await HttpAssert.StatusAsync(HttpStatusCode.OK, scores);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await committee.PutAsJsonAsync($"/api/v1/applications/{id}/scores", new { advice = "Positief" }));
        await FireAsync(factory, "commissie-wbi", id, "adviseren", new { data = new { advies = "positief" } });
    }
}
