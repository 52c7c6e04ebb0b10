using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Web.Tests.Infrastructure;
using Casework.Web.Tests.Pages;

namespace Casework.Web.Tests.Export;

/// <summary>
/// Cases to search among, made through the API as the people involved would: Rotterdam raises a knelpunt about the
/// Participatiewet, Amsterdam one about the Wmo 2015 and a WBI draft for a project; every title carries a token of its
/// own, so a test finds only what it made. Shared by the SQLite and the PostgreSQL search tests.
/// </summary>
internal sealed record CaseSearchScenario(string Token, Found RotterdamKnelpunt, Found AmsterdamKnelpunt, Found AmsterdamApplication, string ProjectName)
{
    public const string WmoName = "Wet maatschappelijke ondersteuning 2015";
    public const string WmoBwbId = "BWBR0035362";

    public string RotterdamTitle => $"Schuldhulp loopt vast {Token}";

    public string AmsterdamTitle => $"Mantelzorg zonder vervoer {Token}";

    public static async Task<CaseSearchScenario> CreateAsync(CaseworkWebFactory factory)
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var rotterdam = await RaiseAsync(factory, "rotterdam-aanvrager", $"Schuldhulp loopt vast {token}", "Participatiewet", "BWBR0015703");
        var amsterdam = await RaiseAsync(factory, "amsterdam-aanvrager", $"Mantelzorg zonder vervoer {token}", WmoName, WmoBwbId);
        var round = await GemeentePageSetup.OpenWbiRoundAsync(factory, GemeentePageSetup.UniqueRoundName("Zoek"));
        var project = $"Havenkwartier {token}";
        var draft = await GemeentePageSetup.CreateDraftAsync(factory, "amsterdam-aanvrager", GemeentePageSetup.WbiApplication(round, project));
        using var beheerder = await factory.SignInAsync("beheerder");
        var application = new Found(draft, (await beheerder.GetCaseAsync(draft)).GetProperty("reference").GetString()!);
        return new CaseSearchScenario(token, rotterdam, amsterdam, application, project);
    }

    /// <summary>The ids <c>GET /api/v1/cases?zoek=</c> answers the user with (the first page is enough: the token narrows it).</summary>
    public static async Task<IReadOnlyList<Guid>> ApiSearchAsync(CaseworkWebFactory factory, string user, string zoek)
    {
        using var client = await factory.SignInAsync(user);
        var response = await client.GetAsync("/api/v1/cases?limit=100&zoek=" + Uri.EscapeDataString(zoek));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    private static async Task<Found> RaiseAsync(CaseworkWebFactory factory, string user, string titel, string wet, string bwbId)
    {
        using var client = await factory.SignInAsync(user);
        var raised = await client.PostAsJsonAsync("/api/v1/knelpunten", new
        {
            titel,
            omschrijving = "Inwoners lopen vast tussen twee regelingen.",
            wet = new { naam = wet, bwbId, artikel = "1" },
            domein = "schulden",
        });
        await HttpAssert.StatusAsync(HttpStatusCode.Created, raised);
        var id = (await raised.ReadJsonAsync()).GetProperty("id").GetGuid();
        return new Found(id, (await client.GetCaseAsync(id)).GetProperty("reference").GetString()!);
    }
}

internal sealed record Found(Guid Id, string Reference);
