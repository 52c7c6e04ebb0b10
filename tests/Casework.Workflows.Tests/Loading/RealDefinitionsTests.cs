using Casework.Workflows.Loading;

namespace Casework.Workflows.Tests.Loading;

public class RealDefinitionsTests
{
    [Fact]
    public async Task LoadDirectoryAsync_WhenReadingTheShippedDefinitions_AllFourLintClean()
    {
        var result = await new DefinitionLoader(LintOptions.Default).LoadDirectoryAsync(TestPaths.Definitions);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(
            ["knelpunt", "vastloper", "vhf-application", "wbi-application"],
            result.Definitions.Select(d => d.Definition.DefinitionId).Order(StringComparer.Ordinal));
    }
}
