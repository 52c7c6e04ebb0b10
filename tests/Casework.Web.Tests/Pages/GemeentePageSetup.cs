using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Casework.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Pages;

/// <summary>
/// Setup the gemeente pages' tests share: an open WBI round announced through the API (the seeded rounds are
/// closed on the real clock), a valid WBI application body to vary, and a browser-like client signed in with a cookie.
/// </summary>
internal static partial class GemeentePageSetup
{
    /// <summary>Announces a WBI round (based on T6, 200 homes for every gemeente) whose window is open now; returns its id.</summary>
    public static Task<Guid> OpenWbiRoundAsync(WebApplicationFactory<Program> factory, string name) => OpenRoundAsync(factory, name, "Wbi", "T6");

    /// <summary>Announces a round of <paramref name="regeling"/> on the rules of the seeded round <paramref name="basedOn"/>, open now.</summary>
    public static async Task<Guid> OpenRoundAsync(WebApplicationFactory<Program> factory, string name, string regeling, string basedOn)
    {
        using var beheerder = await ApiAsync(factory, "beheerder");
        var rounds = await beheerder.GetFromJsonAsync<JsonElement>("/api/v1/tranches");
        var basis = rounds.EnumerateArray().Single(t => t.GetProperty("regeling").GetString() == regeling && t.GetProperty("name").GetString() == basedOn).GetProperty("id").GetGuid();
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var response = await beheerder.PostAsJsonAsync("/api/v1/tranches", new
        {
            basedOnTrancheId = basis,
            name,
            announcedOnDate = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-60)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            opensAt = now.AddHours(-1),
            closesAt = now.AddDays(30),
            ceiling = 100_000_000m,
        });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, response);
        return (await response.ReadJsonAsync()).GetProperty("tranche").GetProperty("id").GetGuid();
    }

    public static string UniqueRoundName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A WBI application that passes every admission rule of a T6-based round; <paramref name="socialeHuur"/> + 150 other homes.</summary>
    public static object WbiApplication(Guid trancheId, string projectName, int socialeHuur = 150) => new
    {
        trancheId,
        projectName,
        otherArea = "Stationsgebied",
        homes = new { socialeHuur, middenhuur = 0, betaalbareKoop = 0, other = 150 },
        financialDeficit = 10_000_000m,
        requestedAmount = 5_000_000m,
        ownContribution = 5_000_000m,
        plannedConstructionStartDate = "2027-06-01",
        plannedCompletionDate = "2032-12-31",
        herkansing = false,
    };

    /// <summary>Creates a draft through the API as the given demo user; returns its id.</summary>
    public static async Task<Guid> CreateDraftAsync(WebApplicationFactory<Program> factory, string user, object application)
    {
        using var client = await ApiAsync(factory, user);
        var response = await client.PostAsJsonAsync("/api/v1/applications", application);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, response);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A client that behaves like a browser (cookies, no automatic redirects), signed in through the development picker.</summary>
    public static async Task<HttpClient> BrowserAsync(WebApplicationFactory<Program> factory, string user)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var picker = await client.GetStringAsync("/dev/sign-in");
        var response = await client.PostAsync("/dev/sign-in", Form(("__RequestVerificationToken", Token(picker)), ("user", user), ("returnUrl", "/")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>An API client with a bearer token for a demo user (works on a factory with replaced services too).</summary>
    public static async Task<HttpClient> ApiAsync(WebApplicationFactory<Program> factory, string user)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/dev/token", new { user });
        response.EnsureSuccessStatusCode();
        var token = (await response.ReadJsonAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    /// <summary>The value attribute of the form control with this name, as the page rendered it.</summary>
    public static string Value(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*\\svalue=\"([^\"]*)\"");
        if (!match.Success)
        {
            match = Regex.Match(html, $"value=\"([^\"]*)\"[^>]*\\sname=\"{Regex.Escape(name)}\"");
        }

        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*\\svalue=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
