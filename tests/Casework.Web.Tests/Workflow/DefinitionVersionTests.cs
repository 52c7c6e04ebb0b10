using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Casework.Web.Infrastructure;
using Casework.Web.Tests.Infrastructure;
using Casework.Workflows.Loading;
using Microsoft.Extensions.Configuration;

namespace Casework.Web.Tests.Workflow;

/// <summary>
/// Definitions are versioned and immutable once published: a case runs on the version it started on,
/// newer versions coexist, a changed file under a published version and an invalid definition stop the host.
/// </summary>
public sealed class DefinitionVersionTests : IDisposable
{
    private readonly DirectoryInfo _definitions = Directory.CreateTempSubdirectory("casework-defs-");
    private readonly string _database = Path.Combine(Path.GetTempPath(), "casework-tests", $"{Guid.NewGuid():N}.db");

    public DefinitionVersionTests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "workflows", "definitions"), "*.json"))
        {
            File.Copy(file, Path.Combine(_definitions.FullName, Path.GetFileName(file)));
        }
    }

    public void Dispose() => _definitions.Delete(recursive: true);

    private CaseworkWebFactory Factory(bool keepDatabase = false) => new(_database) { DefinitionsPath = _definitions.FullName, KeepDatabase = keepDatabase };

    private string KnelpuntFile(int version) => Path.Combine(_definitions.FullName, $"knelpunt.v{version}.json");

    /// <summary>Writes knelpunt v2: v1 with another label for the state 'analyse'.</summary>
    private void PublishKnelpuntV2()
    {
        var json = JsonNode.Parse(File.ReadAllText(KnelpuntFile(1)))!;
        json["version"] = 2;
        var analyse = json["states"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "analyse")!;
        analyse["label"] = "In analyse bij het trekkende departement (v2)";
        File.WriteAllText(KnelpuntFile(2), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    [Fact]
    public async Task NewVersion_NewCasesStartOnItAndRunningCasesStayOnTheirs()
    {
        Guid oldCase;
        await using (var first = Factory(keepDatabase: true))
        {
            oldCase = (await first.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD")).Id;
        }

        PublishKnelpuntV2();
        await using var second = Factory();
        var newCase = await second.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var sbsd = await second.SignInAsync("sbsd-secretaris");

        var oldFired = await sbsd.FireAsync(oldCase, "triageAfronden", 1, new { data = new { domein = "wonen", trekkendDepartement = "VRO" } });
        var newFired = await sbsd.FireAsync(newCase.Id, "triageAfronden", 1, new { data = new { domein = "wonen", trekkendDepartement = "VRO" } });

        await HttpAssert.StatusAsync(HttpStatusCode.OK, oldFired);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, newFired);
        var oldJson = await oldFired.ReadJsonAsync();
        var newJson = await newFired.ReadJsonAsync();
        Assert.Equal(1, oldJson.GetProperty("definition").GetProperty("version").GetInt32());
        Assert.Equal(2, newJson.GetProperty("definition").GetProperty("version").GetInt32());
        Assert.DoesNotContain("(v2)", oldJson.GetProperty("stateLabel").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("(v2)", newJson.GetProperty("stateLabel").GetString(), StringComparison.Ordinal);

        var workflows = await (await sbsd.GetAsync("/api/v1/workflows")).ReadJsonAsync();
        var knelpunt = workflows.EnumerateArray().Single(w => w.GetProperty("id").GetString() == "knelpunt");
        Assert.Equal([1, 2], knelpunt.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
    }

    [Fact]
    public async Task ChangedFileUnderAPublishedVersion_StopsTheHostWithAClearMessage()
    {
        await using (var first = Factory(keepDatabase: true))
        {
            using var client = first.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }

        var json = JsonNode.Parse(File.ReadAllText(KnelpuntFile(1)))!;
        json["title"] = "Knelpunt (stilletjes gewijzigd)";
        File.WriteAllText(KnelpuntFile(1), json.ToJsonString());

        await using var second = Factory();
        var error = Assert.ThrowsAny<Exception>(() => second.CreateClient());
        var load = FindInner<DefinitionLoadException>(error);
        var message = Assert.Single(load.Errors).ToString();
        Assert.Contains("knelpunt.v1.json: $.version: definition 'knelpunt' version 1 was published with content hash", message, StringComparison.Ordinal);
        Assert.Contains("a published version is immutable, add a new version instead", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidDefinition_StopsTheHostNamingFileAndPath()
    {
        var json = JsonNode.Parse(File.ReadAllText(KnelpuntFile(1)))!;
        json["actions"]!.AsArray()[0]!["guards"] = new JsonArray(new JsonObject { ["name"] = "bestaatNiet" });
        File.WriteAllText(KnelpuntFile(1), json.ToJsonString());

        await using var factory = Factory();
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var load = FindInner<DefinitionLoadException>(error);
        Assert.Contains(load.Errors, e => e.File.EndsWith("knelpunt.v1.json", StringComparison.Ordinal) && e.JsonPath == "$.actions[0].guards[0].name");
    }

    [Fact]
    public async Task DefinitionsValidateCommand_ExitsZeroOnValidAndNonZeroOnInvalidDefinitions()
    {
        var configuration = new ConfigurationBuilder().Build();
        Assert.Equal(0, await Cli.ValidateDefinitionsAsync(["definitions", "validate", _definitions.FullName], configuration));

        await File.WriteAllTextAsync(Path.Combine(_definitions.FullName, "kapot.v1.json"), "{ \"definitionId\": ");
        Assert.Equal(1, await Cli.ValidateDefinitionsAsync(["definitions", "validate", _definitions.FullName], configuration));
    }

    [Fact]
    public async Task WorkflowVersion_WithACase_ReturnsTheMermaidDiagramWithTheCurrentStateMarked()
    {
        await using var factory = Factory();
        var knelpunt = await factory.OpenCaseAsync("knelpunt", "GM0599", routedTo: "SBSD");
        using var rotterdam = await factory.SignInAsync("rotterdam-aanvrager");
        using var amsterdam = await factory.SignInAsync("amsterdam-aanvrager");

        var response = await rotterdam.GetAsync($"/api/v1/workflows/knelpunt/versions/1?caseId={knelpunt.Id}");

        await HttpAssert.StatusAsync(HttpStatusCode.OK, response);
        var body = await response.ReadJsonAsync();
        var mermaid = body.GetProperty("mermaid").GetString()!;
        Assert.Contains("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.Contains("class ingediend current", mermaid, StringComparison.Ordinal);
        Assert.Equal("ingediend", body.GetProperty("highlightedState").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await amsterdam.GetAsync($"/api/v1/workflows/knelpunt/versions/1?caseId={knelpunt.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rotterdam.GetAsync("/api/v1/workflows/knelpunt/versions/9")).StatusCode);
    }

    private static T FindInner<T>(Exception error)
        where T : Exception
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(FindOrNull<T>).FirstOrDefault(x => x is not null) is { } inner)
            {
                return inner;
            }
        }

        throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} in {error}");
    }

    private static T? FindOrNull<T>(Exception error)
        where T : Exception
    {
        try
        {
            return FindInner<T>(error);
        }
        catch (Xunit.Sdk.XunitException)
        {
            return null;
        }
    }
}
