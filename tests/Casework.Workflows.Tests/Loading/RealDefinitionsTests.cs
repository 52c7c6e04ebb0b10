using Casework.Workflows.Loading;

namespace Casework.Workflows.Tests.Loading;

public class RealDefinitionsTests
{
    [Fact]
    public async Task LoadDirectoryAsync_WhenReadingTheShippedDefinitions_AllLintClean()
    {
        var result = await new DefinitionLoader(LintOptions.Default).LoadDirectoryAsync(TestPaths.Definitions);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(
            ["bezwaar-besluit v1", "knelpunt v1", "vastloper v1", "vastloper v2", "vhf-application v1", "vhf-application v2", "vhf-application v3", "vhf-application v4", "wbi-application v1", "wbi-application v2", "wbi-application v3", "wbi-application v4", "wijzigingsverzoek v1", "wijzigingsverzoek v2"],
            result.Definitions.Select(d => $"{d.Definition.DefinitionId} v{d.Definition.Version}").Order(StringComparer.Ordinal));
    }
}
