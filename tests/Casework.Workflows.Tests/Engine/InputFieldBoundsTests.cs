using System.Text.Json;
using Casework.Domain.Access;
using Casework.Workflows.Definitions;
using Casework.Workflows.Engine;
using Casework.Workflows.Guards;
using Casework.Workflows.Loading;
using Casework.Workflows.Tests.Support;

namespace Casework.Workflows.Tests.Engine;

/// <summary>Integer fields and the bounds of number fields (the loket's hersteltermijn in days, v2 of the application definitions).</summary>
public class InputFieldBoundsTests
{
    private static readonly Actor RvoLoket = Actor.Person("u-rvo", "RVO", Role.Loket);

    private static readonly InputField TermijnDagen = new()
    {
        Name = "termijnDagen", Type = InputFieldType.WholeNumber, Minimum = 7, Maximum = 91, Source = "Awb 4:5 lid 1",
    };

    private static WorkflowDefinition Definition(params InputField[] fields) => new()
    {
        DefinitionId = "proef",
        Version = 1,
        CaseType = "test",
        Title = "Proef",
        InitialState = "open",
        States =
        [
            new StateDefinition { Id = "open", Label = "Open", Order = 1, Owner = StateOwner.Routed },
            new StateDefinition { Id = "herstel", Label = "Herstel", Order = 2, Owner = StateOwner.Initiator },
            new StateDefinition { Id = "dicht", Label = "Dicht", Order = 3, Final = true, Owner = StateOwner.None, Resultaten = ["klaar"] },
        ],
        Actions =
        [
            new ActionDefinition
            {
                Id = "verzoeken", Label = "Herstelverzoek sturen", From = ["open"], To = "herstel", Roles = ["Loket"], Actor = ActorKind.Routed,
                Input = new InputSpec { Fields = fields },
            },
            new ActionDefinition
            {
                Id = "sluiten", Label = "Sluiten", From = ["herstel"], To = "dicht", Roles = ["Loket"], Actor = ActorKind.Routed,
                Effects = [new EffectReference { Name = "setResultaat", Params = new Dictionary<string, JsonElement> { ["code"] = JsonSerializer.SerializeToElement("klaar") } }],
            },
        ],
    };

    private static async Task<Decision> Decide(string json, InputField? field = null)
    {
        var input = new ActionInput(null, new Dictionary<string, JsonElement> { ["termijnDagen"] = JsonDocument.Parse(json).RootElement.Clone() });
        var snapshot = new CaseSnapshot(Guid.NewGuid(), "test", "open", "GM0363") { RoutedTo = "RVO" };
        return await new WorkflowEngine(FakeGuard.Registry()).DecideAsync(Definition(field ?? TermijnDagen), snapshot, RvoLoket, "verzoeken", input, DictionaryGuardFacts.Empty);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("21")]
    [InlineData("91")]
    public async Task DecideAsync_WithAWholeNumberWithinTheBounds_Transitions(string days)
    {
        Assert.IsType<Transition>(await Decide(days));
    }

    [Theory]
    [InlineData("6")]
    [InlineData("92")]
    [InlineData("-14")]
    public async Task DecideAsync_OutsideTheBounds_RefusesNamingTheBoundsAndTheirSource(string days)
    {
        var reason = Assert.Single(Assert.IsType<Refusal>(await Decide(days)).Reasons);

        Assert.Equal(("input-invalid:termijnDagen", "Het veld 'termijnDagen' moet tussen 7 en 91 liggen (Awb 4:5 lid 1)."), (reason.Code, reason.Message));
    }

    [Theory]
    [InlineData("14.5")]
    [InlineData("\"14\"")]
    [InlineData("1e400")]
    public async Task DecideAsync_WithSomethingElseThanAWholeNumber_Refuses(string value)
    {
        var reason = Assert.Single(Assert.IsType<Refusal>(await Decide(value)).Reasons);

        Assert.Equal(("input-invalid:termijnDagen", "Het veld 'termijnDagen' moet een geheel getal zijn."), (reason.Code, reason.Message));
    }

    [Fact]
    public async Task DecideAsync_WithANumberTooLargeForTheBounds_RefusesInsteadOfFailing()
    {
        var bedrag = new InputField { Name = "termijnDagen", Type = InputFieldType.Number, Maximum = 1_000_000 };

        var reason = Assert.Single(Assert.IsType<Refusal>(await Decide("1e400", bedrag)).Reasons);

        Assert.Equal("Het veld 'termijnDagen' mag ten hoogste 1.000.000 zijn.", reason.Message);
    }

    [Fact]
    public void Lint_BoundsOnAFieldThatIsNoNumber_AndAMinimumAboveTheMaximum_AreErrors()
    {
        var definition = Definition(
            new InputField { Name = "naam", Type = InputFieldType.Text, Minimum = 1 },
            new InputField { Name = "dagen", Type = InputFieldType.WholeNumber, Minimum = 10, Maximum = 5 });

        var errors = new DefinitionLinter(LintOptions.Default).Lint("proef.v1.json", definition).Select(e => e.ToString());

        Assert.Equal(
            [
                "proef.v1.json: $.actions[0].input.fields[0]: only a number or integer field has a minimum or maximum; 'naam' is text",
                "proef.v1.json: $.actions[0].input.fields[1].minimum: minimum 10 of 'dagen' is above its maximum 5",
            ],
            errors);
    }

    [Fact]
    public void Lint_AWholeNumberFieldWithinSoundBounds_IsSound()
    {
        Assert.Empty(new DefinitionLinter(LintOptions.Default).Lint("proef.v1.json", Definition(TermijnDagen)));
    }
}
