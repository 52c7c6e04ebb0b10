using System.Text.Json;
using Casework.Domain.Access;
using Casework.Workflows.Engine;
using Casework.Workflows.Guards;
using Casework.Workflows.Tests.Support;

namespace Casework.Workflows.Tests.Engine;

public class WorkflowEngineTests
{
    private const string Amsterdam = "GM0363";
    private const string Rotterdam = "GM0599";
    private const string Utrecht = "GM0344";

    private static readonly Actor Aanvrager = Actor.Person("u-ams", Amsterdam, Role.GemeenteAanvrager);
    private static readonly Actor RvoLoket = Actor.Person("u-rvo", "RVO", Role.Loket);
    private static readonly Actor SbsdSecretaris = Actor.Person("u-sbsd", "SBSD", Role.Secretaris);

    private static CaseSnapshot Case(string state, string? routedTo = null) =>
        new(Guid.Parse("6f1c2b7e-0000-4000-8000-000000000001"), "test", state, Amsterdam) { RoutedTo = routedTo, MemberOrganisations = [Rotterdam] };

    private static ActionInput Data(string? reason, params (string Name, object Value)[] fields) =>
        new(reason, fields.ToDictionary(f => f.Name, f => JsonSerializer.SerializeToElement(f.Value)));

    private static async Task<Decision> Decide(string state, Actor actor, string action, ActionInput? input = null, GuardRegistry? guards = null, string? routedTo = "RVO") =>
        await new WorkflowEngine(guards ?? FakeGuard.Registry())
            .DecideAsync(await TestDefinitions.EngineTest(), Case(state, routedTo), actor, action, input ?? ActionInput.Empty, DictionaryGuardFacts.Empty);

    private static IEnumerable<string> Codes(Decision decision) => Assert.IsType<Refusal>(decision).Reasons.Select(r => r.Code);

    [Fact]
    public async Task DecideAsync_WhenApplicantSubmitsDraft_ReturnsTransitionWithTargetAndEffects()
    {
        var transition = Assert.IsType<Transition>(await Decide("concept", Aanvrager, "indienen", routedTo: null));

        Assert.Equal(("concept", "ingediend", "Ingediend", 2, false), (transition.From, transition.To, transition.ToLabel, transition.ToOrder, transition.ToIsFinal));
        Assert.Null(transition.Resultaat);
        Assert.Equal(
            ["Zaak doorzetten naar een organisatie (to: loket)", "Termijn starten (kind: beslistermijn, warnDaysBefore: 10)"],
            transition.Effects.Select(e => e.Description));
        Assert.Equal("beslistermijn", transition.Effects[1].Params["kind"].GetString());
    }

    [Fact]
    public async Task DecideAsync_WhenMemberOfJointApplicationActs_ReturnsTransition()
    {
        var rotterdam = Actor.Person("u-rdam", Rotterdam, Role.GemeenteAanvrager);

        Assert.IsType<Transition>(await Decide("concept", rotterdam, "indienen"));
    }

    [Fact]
    public async Task DecideAsync_WhenActorLacksTheRole_RefusesWithTheRolesThatMay()
    {
        var beoordelaar = Actor.Person("u-ams2", Amsterdam, Role.Beoordelaar);

        var refusal = Assert.IsType<Refusal>(await Decide("concept", beoordelaar, "indienen"));

        var reason = Assert.Single(refusal.Reasons);
        Assert.Equal("wrong-role", reason.Code);
        Assert.Equal("Voor 'Indienen' is een van deze rollen nodig: GemeenteAanvrager.", reason.Message);
    }

    [Fact]
    public async Task DecideAsync_WhenAnotherGemeenteActs_RefusesWithTheOrganisationThatMay()
    {
        var utrecht = Actor.Person("u-utr", Utrecht, Role.GemeenteAanvrager);

        var refusal = Assert.IsType<Refusal>(await Decide("concept", utrecht, "indienen"));

        var reason = Assert.Single(refusal.Reasons);
        Assert.Equal("wrong-organisation", reason.Code);
        Assert.Equal("Alleen de indienende organisatie (GM0363, GM0599) mag 'Indienen' uitvoeren.", reason.Message);
    }

    [Fact]
    public async Task DecideAsync_WhenCaseIsRoutedElsewhere_RefusesTheRightRoleAtTheWrongOrganisation()
    {
        var refusal = Assert.IsType<Refusal>(await Decide("ingediend", RvoLoket, "verzoekHerstel", ActionInput.WithReason("bijlage ontbreekt"), routedTo: "VRO"));

        var reason = Assert.Single(refusal.Reasons);
        Assert.Equal(("wrong-organisation", "Alleen de organisatie waar de zaak ligt (VRO) mag 'Herstelverzoek sturen' uitvoeren."), (reason.Code, reason.Message));
    }

    [Fact]
    public async Task DecideAsync_WhenSecretariatOfAnotherBodyActs_RefusesWrongOrganisation()
    {
        var brsd = Actor.Person("u-brsd", "BRSD", Role.Secretaris);
        var input = Data(null, ("resultaat", "toegekend"), ("verzenddatum", "2024-11-14"));

        var refusal = Assert.IsType<Refusal>(await Decide("beoordeling", brsd, "besluiten", input));

        Assert.Equal("Alleen het secretariaat van SBSD mag 'Besluiten' uitvoeren.", Assert.Single(refusal.Reasons).Message);
    }

    [Fact]
    public async Task DecideAsync_WhenGuardFails_RefusesWithTheRulesOwnCodeMessageAndSource()
    {
        var guards = FakeGuard.Registry(FakeGuard.Failing("toelatingscriteriaVoldaan", "VHF-MIN-HOMES", "Het project telt 49 woningen; minimaal 50.", "Stcrt. 2023-17370 art. 3"));

        var refusal = Assert.IsType<Refusal>(await Decide("ingediend", RvoLoket, "doorzetten", guards: guards));

        var reason = Assert.Single(refusal.Reasons);
        Assert.Equal(
            new RefusalReason("VHF-MIN-HOMES", "Het project telt 49 woningen; minimaal 50.", "Stcrt. 2023-17370 art. 3") { Guard = "toelatingscriteriaVoldaan" },
            reason);
    }

    [Fact]
    public async Task DecideAsync_WhenGuardReadsFacts_GetsTheCallersFactsCaseActorAndParams()
    {
        var guard = new FakeGuard("toelatingscriteriaVoldaan", async invocation =>
            await invocation.Facts.GetAsync<bool>("ronde.criteriaVoldaan", CancellationToken.None)
                ? GuardOutcome.Pass
                : GuardOutcome.Fail("criteria", "Niet voldaan."));
        var facts = new DictionaryGuardFacts(new Dictionary<string, object?> { ["ronde.criteriaVoldaan"] = true });
        var engine = new WorkflowEngine(FakeGuard.Registry(guard));

        var decision = await engine.DecideAsync(await TestDefinitions.EngineTest(), Case("ingediend", "RVO"), RvoLoket, "doorzetten", ActionInput.Empty, facts);

        Assert.IsType<Transition>(decision);
        var invocation = Assert.Single(guard.Invocations);
        Assert.Equal(("doorzetten", "ingediend", "u-rvo"), (invocation.ActionId, invocation.Case.CurrentState, invocation.Actor.UserId));
    }

    [Fact]
    public async Task DecideAsync_WhenPersonFiresSystemAction_RefusesSystemOnly()
    {
        var refusal = Assert.IsType<Refusal>(await Decide("herstel", Aanvrager, "hersteltermijnVerlopen"));

        var reason = Assert.Single(refusal.Reasons);
        Assert.Equal(("system-only", "'Hersteltermijn verlopen' wordt alleen door het systeem uitgevoerd (bijvoorbeeld als een termijn verloopt)."), (reason.Code, reason.Message));
    }

    [Fact]
    public async Task DecideAsync_WhenSystemFiresSystemAction_ReturnsTransition()
    {
        var transition = Assert.IsType<Transition>(await Decide("herstel", Actor.System, "hersteltermijnVerlopen"));

        Assert.Equal("ingediend", transition.To);
    }

    [Fact]
    public async Task DecideAsync_WhenSystemFiresPersonAction_RefusesWrongRole()
    {
        var refusal = Assert.IsType<Refusal>(await Decide("herstel", Actor.System, "aanvullen"));

        Assert.Equal(["wrong-role"], refusal.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task DecideAsync_WhenAuditorActs_Refuses()
    {
        var auditor = Actor.Person("u-aud", Amsterdam, Role.Auditor);

        Assert.Equal(["wrong-role"], Codes(await Decide("concept", auditor, "indienen")));
    }

    [Fact]
    public async Task DecideAsync_WhenPersonClaimsSystemRole_TheRoleIsIgnored()
    {
        var impostor = new Actor("u-x", Amsterdam, new HashSet<Role> { Role.Systeem });

        Assert.Equal(["system-only"], Codes(await Decide("herstel", impostor, "hersteltermijnVerlopen")));
    }

    [Fact]
    public async Task DecideAsync_WhenReasonIsRequiredButBlank_RefusesReasonRequired()
    {
        var refusal = Assert.IsType<Refusal>(await Decide("ingediend", RvoLoket, "verzoekHerstel", ActionInput.WithReason("  ")));

        var reason = Assert.Single(refusal.Reasons);
        Assert.Equal(("reason-required", "Voor 'Herstelverzoek sturen' is een toelichting verplicht."), (reason.Code, reason.Message));
    }

    [Fact]
    public async Task DecideAsync_WhenReasonIsGiven_ReturnsTransitionWithSuspension()
    {
        var transition = Assert.IsType<Transition>(await Decide("ingediend", RvoLoket, "verzoekHerstel", ActionInput.WithReason("Begroting ontbreekt.")));

        Assert.Equal(["suspendDeadline", "startDeadline"], transition.Effects.Select(e => e.Name));
    }

    [Fact]
    public async Task DecideAsync_WhenInputIsMissingOrInvalid_RefusesPerField()
    {
        var input = Data(null, ("resultaat", "misschien"), ("bedrag", "veel"), ("kleur", "rood"));

        var refusal = Assert.IsType<Refusal>(await Decide("beoordeling", SbsdSecretaris, "besluiten", input));

        Assert.Equal(
            [
                ("input-invalid:resultaat", "Het veld 'resultaat' moet een van deze waarden zijn: toegekend, afgewezen."),
                ("input-missing:verzenddatum", "Het veld 'verzenddatum' is verplicht."),
                ("input-invalid:bedrag", "Het veld 'bedrag' moet een getal zijn."),
                ("input-invalid:kleur", "Het veld 'kleur' hoort niet bij 'Besluiten'."),
            ],
            refusal.Reasons.Select(r => (r.Code, r.Message)));
    }

    [Fact]
    public async Task DecideAsync_WhenDateIsNotIso_RefusesInputInvalid()
    {
        var input = Data(null, ("resultaat", "afgewezen"), ("verzenddatum", "14-11-2024"));

        Assert.Equal(["input-invalid:verzenddatum"], Codes(await Decide("beoordeling", SbsdSecretaris, "besluiten", input)));
    }

    [Fact]
    public async Task DecideAsync_WhenResultaatComesFromInput_TransitionCarriesItAsEffect()
    {
        var input = Data(null, ("resultaat", "afgewezen"), ("verzenddatum", "2024-11-14"), ("bedrag", 0));

        var transition = Assert.IsType<Transition>(await Decide("beoordeling", SbsdSecretaris, "besluiten", input));

        Assert.Equal(("gesloten", true, "afgewezen"), (transition.To, transition.ToIsFinal, transition.Resultaat));
        Assert.Equal(["recordDecision", "setResultaat"], transition.Effects.Select(e => e.Name));
        Assert.Equal("afgewezen", transition.Effects[1].Params["code"].GetString());
    }

    [Fact]
    public async Task DecideAsync_WhenResultaatIsFixed_TransitionCarriesIt()
    {
        var transition = Assert.IsType<Transition>(await Decide("herstel", Aanvrager, "intrekken"));

        Assert.Equal("ingetrokken", transition.Resultaat);
    }

    [Fact]
    public async Task DecideAsync_WhenActionDoesNotLeaveCurrentState_RefusesWrongState()
    {
        var refusal = Assert.IsType<Refusal>(await Decide("beoordeling", Aanvrager, "intrekken"));

        var reason = Assert.Single(refusal.Reasons);
        Assert.Equal(("wrong-state", "'Intrekken' kan niet in status 'Beoordeling'; alleen in: Concept, Ingediend, Herstelverzoek uitstaand."), (reason.Code, reason.Message));
    }

    [Fact]
    public async Task DecideAsync_WhenActionIsUnknown_RefusesUnknownAction()
    {
        Assert.Equal(["unknown-action"], Codes(await Decide("concept", Aanvrager, "versnellen")));
    }

    [Fact]
    public async Task DecideAsync_WhenSeveralThingsAreWrong_ReportsAllReasons()
    {
        var guards = FakeGuard.Registry(FakeGuard.Failing("toelatingscriteriaVoldaan", "X", "Criteria niet voldaan."));

        var refusal = Assert.IsType<Refusal>(await Decide("ingediend", Aanvrager, "doorzetten", guards: guards));

        Assert.Equal(["wrong-role", "wrong-organisation", "X"], refusal.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task DecideAsync_WhenOneGuardFindsSeveralBrokenRules_NamesEachWithItsOwnCodeAndSource()
    {
        var several = new FakeGuard("toelatingscriteriaVoldaan", _ => ValueTask.FromResult(GuardOutcome.FailAll(
        [
            new GuardFailure("WBI-MIN-WONINGEN", "Het project telt 150 woningen; minimaal 200.", "Regeling Woningbouwimpuls 2020 art. 2(4)"),
            new GuardFailure("WBI-BETAALBAAR-AANDEEL", "40% betaalbaar; minimaal 50%.", "Regeling Woningbouwimpuls 2020 art. 4"),
        ])));

        var refusal = Assert.IsType<Refusal>(await Decide("ingediend", RvoLoket, "doorzetten", guards: FakeGuard.Registry(several)));

        Assert.Equal(
            [("WBI-MIN-WONINGEN", "Regeling Woningbouwimpuls 2020 art. 2(4)", "toelatingscriteriaVoldaan"), ("WBI-BETAALBAAR-AANDEEL", "Regeling Woningbouwimpuls 2020 art. 4", "toelatingscriteriaVoldaan")],
            refusal.Reasons.Select(r => (r.Code, r.Source, r.Guard)));
        Assert.All(refusal.Reasons, r => Assert.True(r.IsBrokenRule));
    }

    [Fact]
    public async Task DecideAsync_WhenCaseStateIsUnknownToDefinition_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Decide("verdwenen", Aanvrager, "indienen"));
    }

    [Fact]
    public async Task DecideAsync_WhenGuardIsNotRegistered_Throws()
    {
        var empty = new GuardRegistry([]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Decide("ingediend", RvoLoket, "doorzetten", guards: empty));
    }

    [Fact]
    public async Task GetAvailableActionsAsync_WhenApplicantLooksAtSubmittedCase_ListsEachActionWithAllReasons()
    {
        var guards = FakeGuard.Registry(FakeGuard.Failing("toelatingscriteriaVoldaan", "X", "Criteria niet voldaan."));
        var engine = new WorkflowEngine(guards);

        var actions = await engine.GetAvailableActionsAsync(await TestDefinitions.EngineTest(), Case("ingediend", "RVO"), Aanvrager, DictionaryGuardFacts.Empty);

        Assert.Equal(
            [
                ("verzoekHerstel", false, "wrong-role, wrong-organisation"),
                ("doorzetten", false, "wrong-role, wrong-organisation, X"),
                ("intrekken", true, ""),
            ],
            actions.Select(a => (a.ActionId, a.Allowed, string.Join(", ", a.Reasons.Select(r => r.Code)))));
        Assert.True(actions[0].Input.ReasonRequired);
    }

    [Fact]
    public async Task GetAvailableActionsAsync_WhenIncludingAll_ListsActionsOfOtherStatesAsWrongState()
    {
        var engine = new WorkflowEngine(FakeGuard.Registry());

        var actions = await engine.GetAvailableActionsAsync(await TestDefinitions.EngineTest(), Case("concept"), Aanvrager, DictionaryGuardFacts.Empty, includeAll: true);

        Assert.Equal(7, actions.Count);
        Assert.Equal(["indienen", "intrekken"], actions.Where(a => a.Allowed).Select(a => a.ActionId));
        Assert.Equal(["wrong-state"], actions.Single(a => a.ActionId == "aanvullen").Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task DecideAsync_WhenCalledConcurrently_EachDecisionDependsOnlyOnItsOwnSnapshot()
    {
        var definition = await TestDefinitions.EngineTest();
        var engine = new WorkflowEngine(FakeGuard.Registry());

        var decisions = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() => i % 2 == 0
            ? engine.DecideAsync(definition, Case("concept"), Aanvrager, "indienen", ActionInput.Empty, DictionaryGuardFacts.Empty)
            : engine.DecideAsync(definition, Case("herstel"), Actor.System, "hersteltermijnVerlopen", ActionInput.Empty, DictionaryGuardFacts.Empty))));

        Assert.All(decisions, d => Assert.Equal("ingediend", Assert.IsType<Transition>(d).To));
        Assert.Equal(200, decisions.Cast<Transition>().Count(t => t.From == "herstel"));
    }
}
