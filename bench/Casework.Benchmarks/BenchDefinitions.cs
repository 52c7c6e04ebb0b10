using Casework.Workflows.Definitions;
using Casework.Workflows.Loading;

namespace Casework.Benchmarks;

/// <summary>Where the definitions are: the host's own (copied by the Web project) and the bench's 12-state one.</summary>
internal static class BenchDefinitions
{
    public const string BenchDefinitionId = "bench-aanvraag";

    public static string HostDefinitionsFolder => Path.Combine(AppContext.BaseDirectory, "workflows", "definitions");

    public static string BenchDefinitionsFolder => Path.Combine(AppContext.BaseDirectory, "bench-definitions");

    /// <summary>Loads and lints the 12-state definition exactly as the host loads its own.</summary>
    public static WorkflowDefinition LoadBenchDefinition()
    {
        var result = new DefinitionLoader(LintOptions.Default)
            .LoadFileAsync(Path.Combine(BenchDefinitionsFolder, BenchDefinitionId + ".v1.json"))
            .GetAwaiter().GetResult();
        var definition = result.ToCatalog().FindLatest(BenchDefinitionId)?.Definition
            ?? throw new InvalidOperationException("The bench definition did not load.");
        if (definition.States.Count != 12)
        {
            throw new InvalidOperationException($"The bench definition must have 12 states, it has {definition.States.Count}.");
        }

        return definition;
    }

    /// <summary>A folder with the host's definitions plus the bench definition, for the persisted host.</summary>
    public static string PrepareCombinedFolder(string root)
    {
        var folder = Path.Combine(root, "definitions");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(HostDefinitionsFolder, "*.json").Concat(Directory.GetFiles(BenchDefinitionsFolder, "*.json")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        return folder;
    }
}
