using Casework.Workflows.Loading;

namespace Casework.Workflows.Tests.Loading;

/// <summary>"Is this case still before that decision?" answered from the definition's transitions, not from a list of state names.</summary>
public sealed class StatesLeadingToTests
{
    [Theory]
    [InlineData("wbi-application.v2.json")]
    [InlineData("vhf-application.v2.json")]
    public async Task StatesLeadingTo_TheAdmissionDecision_AreTheFilingAndHerstelStatesOnly(string file)
    {
        var result = await new DefinitionLoader(LintOptions.Default).LoadFileAsync(Path.Combine(TestPaths.Definitions, file));
        var definition = Assert.Single(result.Definitions).Definition;

        var states = definition.StatesLeadingTo(a => a.Id == "toelaten");

        Assert.Equal(["aangevuld", "concept", "herstel", "herstelVerlopen", "ingediend", "toelatingstoets"], states.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StatesLeadingTo_AnActionOfAFinalDecision_IncludesTheReconsiderationLoop()
    {
        var result = await new DefinitionLoader(LintOptions.Default).LoadFileAsync(Path.Combine(TestPaths.Definitions, "wbi-application.v2.json"));

        var states = Assert.Single(result.Definitions).Definition.StatesLeadingTo(a => a.Id == "toekennen");

        Assert.Contains("heroverweging", states);
        Assert.Contains("bezwaarAfwijzing", states);
        Assert.DoesNotContain("gesloten", states);
        Assert.DoesNotContain("uitvoering", states);
    }
}
