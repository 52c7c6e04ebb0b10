using Casework.Workflows.Loading;

namespace Casework.Workflows.Tests.Loading;

/// <summary>One broken fixture per lint rule (Scenarios/Lint), each with its exact errors.</summary>
public class LintScenarioTests
{
    private static async Task<IReadOnlyList<string>> ErrorsOf(string fixture)
    {
        var result = await new DefinitionLoader(LintOptions.Default).LoadFileAsync(TestPaths.Scenario("Lint", fixture));
        Assert.False(result.Errors.Count > 0 && result.Definitions.Count > 0, "a file with errors must not yield a definition");
        return [.. result.Errors.Select(e => e.ToString())];
    }

    [Fact]
    public async Task LoadFileAsync_WhenFixtureIsValid_ReturnsTheDefinitionWithoutErrors()
    {
        var result = await new DefinitionLoader(LintOptions.Default).LoadFileAsync(TestPaths.Scenario("Lint", "valid.v1.json"));

        Assert.Empty(result.Errors);
        var loaded = Assert.Single(result.Definitions);
        Assert.Equal("valid", loaded.Definition.DefinitionId);
        Assert.Equal("valid.v1.json", loaded.File);
    }

    [Fact]
    public async Task LoadFileAsync_WhenJsonIsMalformed_ReportsLineAndPosition()
    {
        Assert.Equal(
            ["bad-json.v1.json: $: invalid JSON at line 5, position 3: '\"' is invalid after a value. Expected either ',', '}', or ']'."],
            await ErrorsOf("bad-json.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenKeyIsRepeated_ReportsItInsteadOfLettingTheLastWin()
    {
        Assert.Equal(
            ["duplicate-key.v1.json: $.actions[0]: duplicate key 'to'"],
            await ErrorsOf("duplicate-key.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenSchemaIsViolated_ReportsEachViolationWithItsPath()
    {
        Assert.Equal(
            [
                "schema-violation.v1.json: $.actions[0].id: schema: value does not match the pattern ^[a-z][a-zA-Z0-9]*$",
                "schema-violation.v1.json: $.actions[0].kleur: schema: property 'kleur' is not allowed",
                "schema-violation.v1.json: $.states[1].label: schema: required property 'label' is missing",
            ],
            await ErrorsOf("schema-violation.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenStateIsUnreachable_NamesTheState()
    {
        Assert.Equal(
            ["unreachable-state.v1.json: $.states[1]: state 'wees' is not reachable from the initial state 'open'"],
            await ErrorsOf("unreachable-state.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenNonFinalStateHasNoWayOut_ReportsDeadEnd()
    {
        Assert.Equal(
            ["dead-end.v1.json: $.states[2]: state 'wacht' is not final and has no way out: no action leaves it"],
            await ErrorsOf("dead-end.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenGuardIsUnknown_PointsAtTheGuardName()
    {
        Assert.Equal(
            ["unknown-guard.v1.json: $.actions[1].guards[0].name: unknown guard 'maanStaatGoed'"],
            await ErrorsOf("unknown-guard.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenActionIdIsDuplicated_PointsAtTheSecondOne()
    {
        Assert.Equal(
            ["duplicate-action.v1.json: $.actions[1].id: duplicate action id 'sluiten' (also at $.actions[0])"],
            await ErrorsOf("duplicate-action.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenStateIdIsDuplicated_PointsAtTheSecondOne()
    {
        Assert.Equal(
            ["duplicate-state.v1.json: $.states[2].id: duplicate state id 'open' (also at $.states[0])"],
            await ErrorsOf("duplicate-state.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenActionLeavesFinalState_ReportsIt()
    {
        Assert.Equal(
            ["action-from-final.v1.json: $.actions[1].from[0]: action 'heropenen' leaves final state 'dicht'; a final state has no way out"],
            await ErrorsOf("action-from-final.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenFinalStateHasNoResultaat_ReportsStateAndActionInto()
    {
        Assert.Equal(
            [
                "final-without-resultaat.v1.json: $.states[1].resultaten: final state 'dicht' needs at least one resultaat: a case is never closed without one (ZGW zrc-007)",
                "final-without-resultaat.v1.json: $.actions[0]: action 'sluiten' enters final state 'dicht' without a resultaat: add a setResultaat effect or a required choice field 'resultaat'",
            ],
            await ErrorsOf("final-without-resultaat.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenResultaatIsNotAllowedInTarget_PointsAtTheCode()
    {
        Assert.Equal(
            ["wrong-resultaat.v1.json: $.actions[0].effects[0].params.code: resultaat 'misschien' is not one of the resultaten of state 'dicht' (klaar)"],
            await ErrorsOf("wrong-resultaat.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenRoleIsUnknown_PointsAtTheRole()
    {
        Assert.Equal(
            ["unknown-role.v1.json: $.actions[0].roles[1]: unknown role 'Wethouder'"],
            await ErrorsOf("unknown-role.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenEffectIsUnknownOrMissesParameter_ReportsBoth()
    {
        Assert.Equal(
            [
                "invalid-effect.v1.json: $.actions[0].effects[1].name: unknown effect 'stuurFax'",
                "invalid-effect.v1.json: $.actions[0].effects[2].params: effect 'startDeadline' needs parameter 'kind'",
                "invalid-effect.v1.json: $.actions[0].effects[2].params.onExpiry: action 'sluiten' is not a system action (actor 'system')",
            ],
            await ErrorsOf("invalid-effect.v1.json"));
    }

    [Fact]
    public async Task LoadFileAsync_WhenTargetStateIsUnknown_ReportsItAndTheConsequences()
    {
        Assert.Equal(
            [
                "unknown-state.v1.json: $.actions[0].to: unknown state 'dichtt'",
                "unknown-state.v1.json: $.states[0]: state 'open' is not final and has no way out: no action leaves it",
                "unknown-state.v1.json: $.states[1]: state 'dicht' is not reachable from the initial state 'open'",
            ],
            await ErrorsOf("unknown-state.v1.json"));
    }

    [Fact]
    public async Task LoadAsync_WhenFileNameDoesNotMatchIdAndVersion_ReportsExpectedName()
    {
        var bytes = await File.ReadAllBytesAsync(TestPaths.Scenario("Lint", "valid.v1.json"));

        var result = await new DefinitionLoader(LintOptions.Default).LoadAsync("valid.v2.json", bytes);

        Assert.Equal(
            ["valid.v2.json: $.definitionId: the file must be named 'valid.v1.json' ({definitionId}.v{version}.json)"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task LoadFileAsync_WhenOptionsKnowOtherGuards_UsesTheGivenSet()
    {
        var options = LintOptions.Default with { KnownGuards = new HashSet<string> { "maanStaatGoed" } };

        var result = await new DefinitionLoader(options).LoadFileAsync(TestPaths.Scenario("Lint", "unknown-guard.v1.json"));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void LintErrorToString_WhenFormatted_IsFilePathMessage()
    {
        Assert.Equal("a.v1.json: $.states[0]: wrong", new LintError("a.v1.json", "$.states[0]", "wrong").ToString());
    }
}
