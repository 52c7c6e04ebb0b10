using System.Collections.Concurrent;
using Casework.Workflows.Definitions;
using Casework.Workflows.Loading;

namespace Casework.Workflows.Tests.Support;

internal static class TestDefinitions
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<WorkflowDefinition>>> Cache = new();

    public static Task<WorkflowDefinition> EngineTest() => Load(TestPaths.Scenario("Engine", "engine-test.v1.json"));

    public static Task<WorkflowDefinition> Real(string definitionId, int version = 1) => Load(Path.Combine(TestPaths.Definitions, $"{definitionId}.v{version}.json"));

    private static Task<WorkflowDefinition> Load(string path) =>
        Cache.GetOrAdd(path, p => new Lazy<Task<WorkflowDefinition>>(async () =>
        {
            var result = await new DefinitionLoader(LintOptions.Default).LoadFileAsync(p);
            Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
            return result.Definitions[0].Definition;
        })).Value;
}
