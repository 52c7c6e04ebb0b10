using Casework.Web.Tests.Export;
using Casework.Web.Tests.Infrastructure;

namespace Casework.Web.Tests.Postgres;

/// <summary>
/// The case search on PostgreSQL, whose LIKE and strpos compare case-sensitively (SQLite's compare ASCII letters
/// without case): the same terms find the same cases, in any letter case, and a gemeente still finds only its own.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class PostgresCaseSearchTests(PostgresServer server)
{
    [Fact]
    public async Task Search_OnPostgreSql_FindsByEachFieldInAnyCase_AndRespectsVisibility()
    {
        await using var factory = new CaseworkWebFactory { PostgresConnectionString = await server.CreateDatabaseAsync() };
        var cases = await CaseSearchScenario.CreateAsync(factory);

        Assert.Equal([cases.RotterdamKnelpunt.Id], await CaseSearchScenario.ApiSearchAsync(factory, "beheerder", cases.RotterdamKnelpunt.Reference.ToLowerInvariant()));
        Assert.Equal([cases.RotterdamKnelpunt.Id], await CaseSearchScenario.ApiSearchAsync(factory, "beheerder", "SCHULDHULP loopt VAST " + cases.Token));
        Assert.Equal([cases.AmsterdamApplication.Id], await CaseSearchScenario.ApiSearchAsync(factory, "beheerder", cases.ProjectName.ToUpperInvariant()));
        Assert.Equal([cases.AmsterdamKnelpunt.Id], await CaseSearchScenario.ApiSearchAsync(factory, "beheerder", "Maatschappelijke Ondersteuning"));
        Assert.Equal([cases.AmsterdamKnelpunt.Id], await CaseSearchScenario.ApiSearchAsync(factory, "beheerder", CaseSearchScenario.WmoBwbId.ToLowerInvariant()));
        var byGemeente = await CaseSearchScenario.ApiSearchAsync(factory, "beheerder", "amsterdam");
        Assert.Contains(cases.AmsterdamKnelpunt.Id, byGemeente);
        Assert.Contains(cases.AmsterdamApplication.Id, byGemeente);
        Assert.DoesNotContain(cases.RotterdamKnelpunt.Id, byGemeente);

        Assert.Empty(await CaseSearchScenario.ApiSearchAsync(factory, "rotterdam-aanvrager", cases.ProjectName));
        Assert.Empty(await CaseSearchScenario.ApiSearchAsync(factory, "rotterdam-aanvrager", "amsterdam"));
        Assert.Equal([cases.RotterdamKnelpunt.Id], await CaseSearchScenario.ApiSearchAsync(factory, "rotterdam-aanvrager", cases.Token));

        using var sbsd = await factory.SignInAsync("sbsd-secretaris");
        var board = await (await sbsd.GetAsync("/api/v1/escalation-board?zoek=" + Uri.EscapeDataString("PARTICIPATIEWET"))).ReadJsonAsync();
        var onBoard = board.GetProperty("levels").EnumerateArray().SelectMany(l => l.GetProperty("cases").EnumerateArray()).Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([cases.RotterdamKnelpunt.Id], onBoard);
    }
}
