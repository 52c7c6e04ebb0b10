using Casework.Workflows.Diagrams;
using Casework.Workflows.Tests.Support;

namespace Casework.Workflows.Tests.Diagrams;

public class MermaidRendererTests
{
    [Fact]
    public async Task Render_WhenGivenDefinition_ListsDutchStatesTransitionsStartAndEnds()
    {
        var mermaid = MermaidRenderer.Render(await TestDefinitions.EngineTest());

        var lines = mermaid.Split('\n');
        Assert.Contains("stateDiagram-v2", lines);
        Assert.Contains("    state \"Herstelverzoek uitstaand\" as herstel", lines);
        Assert.Contains("    [*] --> concept", lines);
        Assert.Contains("    concept --> ingediend : Indienen", lines);
        Assert.Contains("    herstel --> ingetrokken : Intrekken", lines);
        Assert.Contains("    gesloten --> [*]", lines);
        Assert.Contains("    ingetrokken --> [*]", lines);
        Assert.DoesNotContain("    ingediend --> [*]", lines);
        Assert.DoesNotContain("classDef", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WhenCurrentStateGiven_HighlightsThatStateOnly()
    {
        var mermaid = MermaidRenderer.Render(await TestDefinitions.EngineTest(), currentState: "herstel");

        Assert.Contains("    classDef current fill:#fde68a,stroke:#b45309,stroke-width:3px\n    class herstel current\n", mermaid, StringComparison.Ordinal);
        Assert.Single(mermaid.Split('\n'), l => l.StartsWith("    class ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_WhenLabelHoldsColon_EscapesIt()
    {
        var definition = await TestDefinitions.EngineTest();
        var renamed = definition with { States = [.. definition.States.Select(s => s.Id == "concept" ? s with { Label = "Concept: \"nog niet ingediend\"" } : s)] };

        var mermaid = MermaidRenderer.Render(renamed);

        Assert.Contains("    state \"Concept#58; #quot;nog niet ingediend#quot;\" as concept\n", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WhenRealDefinition_HasAnEdgePerFromState()
    {
        var vhf = await TestDefinitions.Real("vhf-application");

        var edges = MermaidRenderer.Render(vhf).Split('\n').Count(l => l.Contains(" --> ", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal));

        Assert.Equal(vhf.Actions.Sum(a => a.From.Count), edges);
    }

    [Fact]
    public async Task Render_WhenTitleHoldsQuotes_QuotesItForTheFrontMatter()
    {
        var definition = await TestDefinitions.EngineTest() with { Title = "Aanvraag \"VHF\": ronde 4" };

        Assert.StartsWith("---\ntitle: \"Aanvraag \\\"VHF\\\": ronde 4\"\n---\nstateDiagram-v2\n", MermaidRenderer.Render(definition), StringComparison.Ordinal);
    }
}
