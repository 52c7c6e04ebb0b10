using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Casework.Domain.Organisations;
using Casework.Web.Persistence.Seed;
using Casework.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Casework.Web.Tests.Foundation;

/// <summary>
/// Start-up itself: these hosts create, migrate and seed their own empty file (not the test run's template copy).
/// </summary>
public sealed class HostTests : IAsyncLifetime
{
    private readonly CaseworkWebFactory _factory = new() { FromTemplate = false };
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Health_WhenDatabaseReachable_Returns200WithHealthyDatabase()
    {
        var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Contains(body.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "database" && c.GetProperty("status").GetString() == "Healthy");
    }

    [Fact]
    public async Task Start_OnNewSqliteFile_CreatesDatabaseInWalMode()
    {
        await _client.GetAsync("/health");

        Assert.True(File.Exists(_factory.DatabasePath));
        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", mode.Single());
    }

    [Fact]
    public async Task ReferenceGemeenten_PagedThrough_ReturnsEveryGemeenteOfTheCsvWithPopulation()
    {
        var expected = ReadCsv("gemeenten.csv");
        var seen = new Dictionary<string, JsonElement>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/reference/gemeenten?limit=100" + (cursor is null ? string.Empty : "&cursor=" + cursor);
            var page = await _client.GetFromJsonAsync<JsonElement>(url);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                seen.Add(item.GetProperty("cbsCode").GetString()!, item);
            }

            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.Equal(342, expected.Count);
        Assert.Equal(expected.Keys.Order(), seen.Keys.Order());
        var amsterdam = seen["GM0363"];
        Assert.Equal("Noord-Holland", amsterdam.GetProperty("province").GetString());
        var figures = amsterdam.GetProperty("populationFigures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("referenceDate").GetString()!, f => f.GetProperty("inhabitants").GetInt32());
        Assert.Equal(918117, figures["2023-01-01"]);
        Assert.Equal(931298, figures["2024-01-01"]);
        Assert.Equal(931298, amsterdam.GetProperty("population").GetInt32());
        Assert.Equal("2024-01-01", amsterdam.GetProperty("populationDate").GetString());
    }

    [Fact]
    public async Task ReferenceFocusgebieden_Returns20WithGemeenteAndRijksvertegenwoordiger()
    {
        var list = await _client.GetFromJsonAsync<JsonElement[]>("/api/v1/reference/focusgebieden");

        Assert.NotNull(list);
        Assert.Equal(20, list.Length);
        var zaandam = Assert.Single(list, f => f.GetProperty("name").GetString() == "Zaandam Oost");
        Assert.Equal("GM0479", zaandam.GetProperty("gemeenteCode").GetString());
        Assert.Equal("SZW", zaandam.GetProperty("rijksvertegenwoordigerDepartment").GetString());
        var delft = Assert.Single(list, f => f.GetProperty("name").GetString() == "Delft West");
        Assert.Equal(JsonValueKind.Null, delft.GetProperty("rijksvertegenwoordigerDepartment").ValueKind);
    }

    [Fact]
    public async Task ReferenceOrganisaties_ContainsDepartmentsBodiesCommitteesAndAlliances()
    {
        var page = await _client.GetFromJsonAsync<JsonElement>("/api/v1/reference/organisaties?limit=500");
        var codes = page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("code").GetString()).ToHashSet();

        foreach (var code in new[] { "BZK", "VRO", "OCW", "SZW", "JENV", "VWS", "FIN", "EZK", "RVO", "SBSD", "BRSD", "TC-VHF", "TC-WBI", "BO", "ALLIANTIE-ROTTERDAM-ZUID", "GM0599" })
        {
            Assert.Contains(code, codes);
        }

        var alliances = await _client.GetFromJsonAsync<JsonElement>("/api/v1/reference/organisaties?kind=Alliantie");
        Assert.Equal(20, alliances.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Tranches_ReturnsEveryRoundOfTheCsvWithCeilingAndRuleSet()
    {
        var csv = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "src", "Casework.Web", "Persistence", "Seed", "Data", "tranches.csv")).Skip(1).ToList();
        var list = await _client.GetFromJsonAsync<JsonElement[]>("/api/v1/tranches");

        Assert.NotNull(list);
        Assert.Equal(csv.Count, list.Length);
        Assert.Equal(10, list.Length);
        var t4 = Assert.Single(list, t => t.GetProperty("regeling").GetString() == "Wbi" && t.GetProperty("name").GetString() == "T4");
        Assert.Equal(300_000_000m, t4.GetProperty("ceiling").GetDecimal());
        Assert.Equal("2022-07-04", t4.GetProperty("announcedOnDate").GetString());
        // 25 September 2022 23:59 in Amsterdam (summer time, UTC+2) is 21:59 UTC.
        Assert.Equal(new DateTimeOffset(2022, 9, 25, 21, 59, 0, TimeSpan.Zero), t4.GetProperty("closesAt").GetDateTimeOffset());
        Assert.Equal("Closed", t4.GetProperty("status").GetString());

        var detail = await _client.GetFromJsonAsync<JsonElement>("/api/v1/tranches/" + t4.GetProperty("id").GetString());
        var minimum = detail.GetProperty("ruleSet").GetProperty("minimumHomes");
        Assert.Equal(50_000, minimum.GetProperty("inhabitantsThreshold").GetInt32());
    }

    [Fact]
    public async Task Seeding_RunTwice_AddsNothingAndKeepsTheSameRows()
    {
        await _client.GetAsync("/health");
        await using var scope = _factory.CreateScope();
        var db = CaseworkWebFactory.Db(scope);
        var before = await Snapshot(db);

        var added = await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);

        Assert.Equal(0, added);
        Assert.Equal(before, await Snapshot(db));
        Assert.Equal(342 + 14 + 20, before.Organisations);
        Assert.Equal(342 * 2, before.PopulationFigures);
        Assert.Equal(20, before.Focusgebieden);
        Assert.Equal(10, before.Tranches);
    }

    [Fact]
    public async Task Restart_OnTheSameDatabaseFile_AddsNothing()
    {
        await _client.GetAsync("/health");
        await using (var scope = _factory.CreateScope())
        {
            var before = await Snapshot(CaseworkWebFactory.Db(scope));
            await using var second = new CaseworkWebFactory(_factory.DatabasePath);
            using var client = second.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            await using var secondScope = second.CreateScope();
            Assert.Equal(before, await Snapshot(CaseworkWebFactory.Db(secondScope)));
        }
    }

    [Fact]
    public async Task Start_OnACopyOfTheTestTemplate_AppliesNoMigrationAndAddsNoReferenceData()
    {
        await _client.GetAsync("/health");
        SeedSnapshot fresh;
        await using (var scope = _factory.CreateScope())
        {
            fresh = await Snapshot(CaseworkWebFactory.Db(scope));
        }

        // The copy the other test classes start from: the host's start-up must find it complete.
        await using var copy = new CaseworkWebFactory();
        using var client = copy.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await using var copyScope = copy.CreateScope();
        var db = CaseworkWebFactory.Db(copyScope);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(fresh, await Snapshot(db));
        Assert.Equal(0, await copyScope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None));
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", mode.Single());
    }

    [Theory]
    [InlineData("/api/v1/reference/gemeenten?limit=0", "limit")]
    [InlineData("/api/v1/reference/gemeenten?limit=abc", null)]
    [InlineData("/api/v1/reference/gemeenten?cursor=%%%", "cursor")]
    [InlineData("/api/v1/reference/organisaties?kind=Onbekend", null)]
    public async Task BadQuery_Returns400ProblemDetailsNamingTheField(string url, string? field)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [Fact]
    public async Task UnknownPath_Returns404ProblemDetailsWithApiVersionHeader()
    {
        var response = await _client.GetAsync("/api/v1/bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1.0.0", response.Headers.GetValues("API-Version").Single());
    }

    [Fact]
    public async Task ApiDocs_ServesTheReferencePage()
    {
        var response = await _client.GetAsync("/api-docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    private static async Task<SeedSnapshot> Snapshot(Casework.Web.Persistence.CaseworkDbContext db) => new(
        await db.Organisations.CountAsync(),
        await db.Organisations.SelectMany(o => o.Population).CountAsync(),
        await db.Focusgebieden.CountAsync(),
        string.Join(',', await db.Organisations.Where(o => o.Kind != OrganisationKind.Gemeente).OrderBy(o => o.Code).Select(o => o.Code).ToListAsync()),
        await db.Set<Casework.Domain.Funding.Tranche>().CountAsync());

    private static Dictionary<string, string> ReadCsv(string name) =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "src", "Casework.Web", "Persistence", "Seed", "Data", name))
            .Skip(1)
            .Select(l => l.Split(',', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private sealed record SeedSnapshot(int Organisations, int PopulationFigures, int Focusgebieden, string NonGemeenteCodes, int Tranches)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Organisations}/{PopulationFigures}/{Focusgebieden}");
    }
}
