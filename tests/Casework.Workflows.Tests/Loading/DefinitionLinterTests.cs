using System.Text.Json;
using Casework.Workflows.Definitions;
using Casework.Workflows.Loading;

namespace Casework.Workflows.Tests.Loading;

/// <summary>Lint rules beyond the fixture per rule, on definitions built in code.</summary>
public class DefinitionLinterTests
{
    private static readonly DefinitionLinter Linter = new(LintOptions.Default);

    private static WorkflowDefinition Minimal(params ActionDefinition[] extra) => new()
    {
        DefinitionId = "proef",
        Version = 1,
        CaseType = "test",
        Title = "Proef",
        InitialState = "open",
        States =
        [
            new StateDefinition { Id = "open", Label = "Open", Order = 1, Owner = StateOwner.Routed },
            new StateDefinition { Id = "dicht", Label = "Dicht", Order = 2, Final = true, Owner = StateOwner.None, Resultaten = ["klaar"] },
        ],
        Actions =
        [
            new ActionDefinition
            {
                Id = "sluiten", Label = "Sluiten", From = ["open"], To = "dicht", Roles = ["Beoordelaar"], Actor = ActorKind.Routed,
                Effects = [Effect("setResultaat", ("code", "klaar"))],
            },
            .. extra,
        ],
    };

    private static EffectReference Effect(string name, params (string Key, object Value)[] parameters) =>
        new() { Name = name, Params = parameters.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)) };

    private static ActionDefinition Note(ActorKind actor, params string[] roles) =>
        new() { Id = "noteren", Label = "Noteren", From = ["open"], To = "open", Roles = roles, Actor = actor };

    private static IEnumerable<string> Lint(WorkflowDefinition definition) => Linter.Lint("proef.v1.json", definition).Select(e => e.ToString());

    [Fact]
    public void Lint_WhenMinimalDefinitionIsSound_ReportsNothing()
    {
        Assert.Empty(Lint(Minimal()));
    }

    [Fact]
    public void Lint_WhenAuditorMayAct_RefusesTheRole()
    {
        Assert.Equal(
            ["proef.v1.json: $.actions[1].roles[0]: role 'Auditor' reads only and may not act"],
            Lint(Minimal(Note(ActorKind.Routed, "Auditor"))));
    }

    [Fact]
    public void Lint_WhenSystemActionHasPersonRoles_RequiresSysteemOnly()
    {
        Assert.Equal(
            ["proef.v1.json: $.actions[1].roles: a system action has the single role 'Systeem'"],
            Lint(Minimal(Note(ActorKind.System, "Beoordelaar"))));
    }

    [Fact]
    public void Lint_WhenSecretariatHasNoBody_AsksForOne()
    {
        Assert.Equal(
            ["proef.v1.json: $.actions[1]: actor 'secretariat' needs a 'body' (e.g. SBSD)"],
            Lint(Minimal(Note(ActorKind.Secretariat, "Secretaris"))));
    }

    [Fact]
    public void Lint_WhenDeadlineKindIsUnknownAndRouteTargetInvalid_ReportsEachParameter()
    {
        var note = Note(ActorKind.Routed, "Beoordelaar") with
        {
            Effects = [Effect("startDeadline", ("kind", "lunchpauze")), Effect("route", ("to", "de baas"))],
        };

        Assert.Equal(
            [
                "proef.v1.json: $.actions[1].effects[0].params.kind: unknown deadline kind 'lunchpauze' (known: beslistermijn, hersteltermijn, bezwaartermijn, beslissing-op-bezwaar, buiten-behandeling-besluit, wbi-start-bouw, wbi-alle-woningen, sisa-verantwoording, knelpunt-reactietermijn, vastloper-reactietermijn)",
                "proef.v1.json: $.actions[1].effects[1].params.to: 'de baas' is neither an organisation code nor a case role (initiator, loket, lead-department, rijksvertegenwoordiger-department, committee)",
            ],
            Lint(Minimal(note)));
    }

    [Fact]
    public void Lint_WhenSetResultaatTargetsNonFinalState_ReportsIt()
    {
        var note = Note(ActorKind.Routed, "Beoordelaar") with { Effects = [Effect("setResultaat", ("code", "klaar"))] };

        Assert.Equal(
            ["proef.v1.json: $.actions[1].effects[0]: setResultaat belongs on an action into a final state; 'open' is not final"],
            Lint(Minimal(note)));
    }

    [Fact]
    public void Lint_WhenResultaatChoiceOffersCodeOutsideTheList_PointsAtTheChoice()
    {
        var definition = Minimal() with
        {
            Actions =
            [
                new ActionDefinition
                {
                    Id = "sluiten", Label = "Sluiten", From = ["open"], To = "dicht", Roles = ["Beoordelaar"], Actor = ActorKind.Routed,
                    Input = new InputSpec { Fields = [new InputField { Name = "resultaat", Type = InputFieldType.Choice, Required = true, Choices = ["klaar", "half"] }] },
                },
            ],
        };

        Assert.Equal(
            ["proef.v1.json: $.actions[0].input.fields[0].choices[1]: resultaat 'half' is not one of the resultaten of state 'dicht' (klaar)"],
            Lint(definition));
    }

    [Fact]
    public void Lint_WhenStatesLoopWithoutAnExit_ReportsTheyCanNeverFinish()
    {
        var definition = Minimal() with
        {
            States = [.. Minimal().States, new StateDefinition { Id = "lus", Label = "Lus", Order = 3, Owner = StateOwner.Routed }],
            Actions =
            [
                .. Minimal().Actions,
                new ActionDefinition { Id = "inLus", Label = "In de lus", From = ["open"], To = "lus", Roles = ["Beoordelaar"], Actor = ActorKind.Routed },
                new ActionDefinition { Id = "rondje", Label = "Rondje", From = ["lus"], To = "lus", Roles = ["Beoordelaar"], Actor = ActorKind.Routed },
            ],
        };

        Assert.Equal(["proef.v1.json: $.states[2]: state 'lus' can never reach a final state"], Lint(definition));
    }
}
