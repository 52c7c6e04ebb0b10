using Casework.Domain.Access;
using Casework.Workflows.Definitions;
using Casework.Workflows.Engine;
using Casework.Workflows.Guards;
using Casework.Workflows.Tests.Support;

namespace Casework.Workflows.Tests.Engine;

/// <summary>An action marked <c>behandelaarOnly</c> is for the case's behandelaar alone; the engine is the gate that says so.</summary>
public class BehandelaarOnlyTests
{
    private static readonly Actor Behandelaar = Actor.Person("u-rvo-1", "RVO", Role.Loket);
    private static readonly Actor Colleague = Actor.Person("u-rvo-2", "RVO", Role.Loket);

    private static async Task<WorkflowDefinition> DefinitionAsync(bool behandelaarOnly)
    {
        var definition = await TestDefinitions.EngineTest();
        return definition with { Actions = [.. definition.Actions.Select(a => a.Id == "verzoekHerstel" ? a with { BehandelaarOnly = behandelaarOnly } : a)] };
    }

    private static CaseSnapshot Case(string? behandelaar) =>
        new(Guid.Parse("6f1c2b7e-0000-4000-8000-000000000002"), "test", "ingediend", "GM0363") { RoutedTo = "RVO", Behandelaar = behandelaar };

    private static async Task<Decision> DecideAsync(bool behandelaarOnly, string? behandelaar, Actor actor) =>
        await new WorkflowEngine(FakeGuard.Registry()).DecideAsync(
            await DefinitionAsync(behandelaarOnly), Case(behandelaar), actor, "verzoekHerstel", ActionInput.WithReason("Bijlage ontbreekt"), DictionaryGuardFacts.Empty);

    [Fact]
    public async Task DecideAsync_WhenTheActionIsForTheBehandelaarAndTheBehandelaarFiresIt_ReturnsTransition()
    {
        Assert.IsType<Transition>(await DecideAsync(behandelaarOnly: true, behandelaar: Behandelaar.UserId, Behandelaar));
    }

    [Fact]
    public async Task DecideAsync_WhenTheActionIsForTheBehandelaarAndAColleagueFiresIt_RefusesWithNotBehandelaar()
    {
        var refusal = Assert.IsType<Refusal>(await DecideAsync(behandelaarOnly: true, behandelaar: Behandelaar.UserId, Colleague));

        var reason = Assert.Single(refusal.Reasons);
        Assert.Equal("not-behandelaar", reason.Code);
        Assert.Equal("Alleen de behandelaar van de zaak mag 'Herstelverzoek sturen' uitvoeren.", reason.Message);
    }

    [Fact]
    public async Task DecideAsync_WhenTheActionIsForTheBehandelaarAndNobodyClaimedTheCase_RefusesAndSaysToClaimFirst()
    {
        var refusal = Assert.IsType<Refusal>(await DecideAsync(behandelaarOnly: true, behandelaar: null, Behandelaar));

        var reason = Assert.Single(refusal.Reasons);
        Assert.Equal("not-behandelaar", reason.Code);
        Assert.Contains("neem de zaak eerst in behandeling", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecideAsync_WhenTheActionIsNotForTheBehandelaarAlone_AColleagueOfTheOrganisationMayFireIt()
    {
        Assert.IsType<Transition>(await DecideAsync(behandelaarOnly: false, behandelaar: Behandelaar.UserId, Colleague));
    }
}
