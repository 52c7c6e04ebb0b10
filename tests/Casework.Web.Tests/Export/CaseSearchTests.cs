using System.Net;
using Casework.Web.Tests.Infrastructure;
using static Casework.Web.Tests.Pages.SecretarySetup;

namespace Casework.Web.Tests.Export;

/// <summary>
/// The search box (<c>zoek</c>) of the werkvoorraad and the escalation board, and the same parameter on the API lists
/// behind them: it finds a case by zaaknummer, gemeente, project or knelpunt title and law (name or BWB-id), in any
/// case, and never finds what the caller may not see.
/// </summary>
public sealed class CaseSearchTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new();
    private CaseSearchScenario _cases = null!;

    public async Task InitializeAsync() => _cases = await CaseSearchScenario.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>Each field the box searches, typed as a person might (other case, part of it), and what it must not find.</summary>
    public static TheoryData<string, string[], string[]> Terms() => new()
    {
        { "zaaknummer", ["rotterdam"], ["amsterdam", "application"] },
        { "gemeente", ["amsterdam", "application"], ["rotterdam"] },
        { "project", ["application"], ["rotterdam", "amsterdam"] },
        { "knelpunt", ["rotterdam"], ["amsterdam", "application"] },
        { "wet", ["amsterdam"], ["rotterdam", "application"] },
        { "bwb", ["amsterdam"], ["rotterdam", "application"] },
    };

    [Theory]
    [MemberData(nameof(Terms))]
    public async Task WorkQueue_ForBeheerder_FindsByEachField_CaseInsensitively(string field, string[] found, string[] notFound)
    {
        using var browser = await PageClientAsync(() => _factory.CreateClient(), "beheerder");

        var html = await browser.GetStringAsync("/werkvoorraad?zoek=" + Uri.EscapeDataString(Term(field)));

        Assert.All(found, name => Assert.Contains($"href=\"/zaken/{Case(name).Id}\"", html, StringComparison.Ordinal));
        Assert.All(notFound, name => Assert.DoesNotContain($"href=\"/zaken/{Case(name).Id}\"", html, StringComparison.Ordinal));
        Assert.Contains($"name=\"zoek\" value=\"{Term(field)}\"", html, StringComparison.Ordinal); // the box keeps what was searched
    }

    [Theory]
    [MemberData(nameof(Terms))]
    public async Task CasesApi_ForBeheerder_FindsByEachField(string field, string[] found, string[] notFound)
    {
        var ids = await CaseSearchScenario.ApiSearchAsync(_factory, "beheerder", Term(field));

        Assert.All(found, name => Assert.Contains(Case(name).Id, ids));
        Assert.All(notFound, name => Assert.DoesNotContain(Case(name).Id, ids));
    }

    [Fact]
    public async Task CasesApi_ForAGemeente_NeverFindsAnotherGemeentesCase()
    {
        // Amsterdam finds its own project and knelpunt by every field ...
        Assert.Contains(_cases.AmsterdamApplication.Id, await CaseSearchScenario.ApiSearchAsync(_factory, "amsterdam-aanvrager", _cases.ProjectName.ToUpperInvariant()));
        Assert.Contains(_cases.AmsterdamKnelpunt.Id, await CaseSearchScenario.ApiSearchAsync(_factory, "amsterdam-aanvrager", CaseSearchScenario.WmoBwbId));

        // ... and Rotterdam finds none of them, by any field, while it does find its own.
        foreach (var term in new[] { _cases.ProjectName, _cases.AmsterdamTitle, _cases.AmsterdamKnelpunt.Reference, _cases.AmsterdamApplication.Reference, "Amsterdam", CaseSearchScenario.WmoBwbId, _cases.Token })
        {
            var ids = await CaseSearchScenario.ApiSearchAsync(_factory, "rotterdam-aanvrager", term);
            Assert.DoesNotContain(_cases.AmsterdamKnelpunt.Id, ids);
            Assert.DoesNotContain(_cases.AmsterdamApplication.Id, ids);
        }

        Assert.Equal([_cases.RotterdamKnelpunt.Id], await CaseSearchScenario.ApiSearchAsync(_factory, "rotterdam-aanvrager", _cases.Token));
    }

    [Fact]
    public async Task WorkQueue_ForADepartment_SearchesOnlyWhatWaitsForIt()
    {
        using var browser = await PageClientAsync(() => _factory.CreateClient(), "vro-beoordelaar");

        var html = await browser.GetStringAsync("/werkvoorraad?zoek=" + _cases.Token);

        // Both knelpunten wait for the SBSD triage, not for VRO.
        Assert.DoesNotContain($"href=\"/zaken/{_cases.RotterdamKnelpunt.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/zaken/{_cases.AmsterdamKnelpunt.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("Er zijn geen zaken die aan deze filters voldoen.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalationBoard_Page_FindsByLawAndTitle()
    {
        using var browser = await PageClientAsync(() => _factory.CreateClient(), SbsdSecretary);

        var byLaw = await browser.GetStringAsync("/escalaties?zoek=" + Uri.EscapeDataString("maatschappelijke ONDERSTEUNING"));
        var byTitle = await browser.GetStringAsync("/escalaties?zoek=" + Uri.EscapeDataString(_cases.RotterdamTitle.ToLowerInvariant()));

        Assert.Contains($"href=\"/zaken/{_cases.AmsterdamKnelpunt.Id}\"", byLaw, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/zaken/{_cases.RotterdamKnelpunt.Id}\"", byLaw, StringComparison.Ordinal);
        Assert.Contains($"href=\"/zaken/{_cases.RotterdamKnelpunt.Id}\"", byTitle, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/zaken/{_cases.AmsterdamKnelpunt.Id}\"", byTitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalationBoardApi_FindsByZaaknummer_AndNeverAnotherGemeentesKnelpunt()
    {
        using var sbsd = await _factory.SignInAsync(SbsdSecretary);
        using var amsterdam = await _factory.SignInAsync("amsterdam-aanvrager");
        using var rotterdam = await _factory.SignInAsync("rotterdam-aanvrager");

        var forSbsd = await BoardAsync(sbsd, _cases.RotterdamKnelpunt.Reference.ToLowerInvariant());
        var forAmsterdam = await BoardAsync(amsterdam, _cases.RotterdamTitle);
        var forRotterdam = await BoardAsync(rotterdam, _cases.RotterdamTitle);

        Assert.Equal([_cases.RotterdamKnelpunt.Id], forSbsd);
        Assert.Empty(forAmsterdam);
        Assert.Equal([_cases.RotterdamKnelpunt.Id], forRotterdam);
    }

    [Fact]
    public async Task Search_TooLong_Is400NamingZoek_OnTheApi_AndCutOffOnThePage()
    {
        using var sbsd = await _factory.SignInAsync(SbsdSecretary);
        var tooLong = new string('a', 101);

        using var cases = await sbsd.GetAsync("/api/v1/cases?zoek=" + tooLong);
        using var board = await sbsd.GetAsync("/api/v1/escalation-board?zoek=" + tooLong);
        using var browser = await PageClientAsync(() => _factory.CreateClient(), SbsdSecretary);
        using var page = await browser.GetAsync("/werkvoorraad?zoek=" + tooLong);

        foreach (var response in new[] { cases, board })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("zoek", out _));
        }

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static async Task<List<Guid>> BoardAsync(HttpClient client, string zoek)
    {
        var response = await client.GetAsync("/api/v1/escalation-board?zoek=" + Uri.EscapeDataString(zoek));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        return (await response.ReadJsonAsync()).GetProperty("levels").EnumerateArray()
            .SelectMany(l => l.GetProperty("cases").EnumerateArray()).Select(c => c.GetProperty("id").GetGuid()).ToList();
    }

    private Found Case(string name) => name switch
    {
        "rotterdam" => _cases.RotterdamKnelpunt,
        "amsterdam" => _cases.AmsterdamKnelpunt,
        _ => _cases.AmsterdamApplication,
    };

    /// <summary>The term for a field: never exactly as stored (other letter case, or only a part).</summary>
    private string Term(string field) => field switch
    {
        "zaaknummer" => _cases.RotterdamKnelpunt.Reference.ToLowerInvariant(),
        "gemeente" => "AMSTERDAM",
        "project" => _cases.ProjectName.ToUpperInvariant(),
        "knelpunt" => "schuldhulp LOOPT vast " + _cases.Token,
        "wet" => "maatschappelijke ondersteuning",
        _ => CaseSearchScenario.WmoBwbId.ToLowerInvariant(),
    };
}
