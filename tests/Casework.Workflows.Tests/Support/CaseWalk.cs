using System.Text.Json;
using Casework.Workflows.Definitions;
using Casework.Workflows.Engine;
using Casework.Workflows.Guards;
using Casework.Workflows.Vocabulary;

namespace Casework.Workflows.Tests.Support;

/// <summary>
/// Walks a case through a definition the way a command handler would: decide, then apply the
/// state and the route effect (the only effect that changes who may act next). Other effects are recorded.
/// </summary>
internal sealed class CaseWalk
{
    private readonly WorkflowDefinition _definition;
    private readonly WorkflowEngine _engine;
    private readonly Dictionary<string, string> _caseRoles;

    public CaseWalk(WorkflowDefinition definition, string owningOrganisation, GuardRegistry guards, Dictionary<string, string> caseRoles)
    {
        _definition = definition;
        _engine = new WorkflowEngine(guards);
        _caseRoles = new Dictionary<string, string>(caseRoles) { ["initiator"] = owningOrganisation };
        Snapshot = new CaseSnapshot(Guid.NewGuid(), definition.CaseType, definition.InitialState, owningOrganisation);
    }

    public CaseSnapshot Snapshot { get; private set; }

    public List<Transition> History { get; } = [];

    public static ActionInput Input(string? reason, params (string Name, object Value)[] fields) =>
        new(reason, fields.ToDictionary(f => f.Name, f => JsonSerializer.SerializeToElement(f.Value)));

    public async Task<Transition> FireAsync(Actor actor, string action, ActionInput? input = null)
    {
        var decision = await _engine.DecideAsync(_definition, Snapshot, actor, action, input ?? ActionInput.Empty, DictionaryGuardFacts.Empty);
        if (decision is Refusal refusal)
        {
            Assert.Fail($"{action} in {Snapshot.CurrentState} refused: {string.Join("; ", refusal.Reasons.Select(r => $"{r.Code}: {r.Message}"))}");
        }

        return Apply(Assert.IsType<Transition>(decision), input);
    }

    /// <summary>Fires an action under the vier-ogenprincipe: it must become a proposal, which the walk then holds.</summary>
    public async Task<Proposed> ProposeAsync(Actor actor, string action, ActionInput? input = null)
    {
        var decision = await _engine.DecideAsync(_definition, Snapshot, actor, action, input ?? ActionInput.Empty, DictionaryGuardFacts.Empty);
        var proposed = Assert.IsType<Proposed>(decision);
        Snapshot = Snapshot with { Proposal = new PendingProposal(action, actor.UserId, actor.Organisation, input ?? ActionInput.Empty) };
        return proposed;
    }

    /// <summary>Another person confirms the pending proposal; it must take effect.</summary>
    public async Task<Transition> ConfirmAsync(Actor actor)
    {
        var decision = await _engine.ConfirmAsync(_definition, Snapshot, actor, DictionaryGuardFacts.Empty);
        if (decision is Refusal refusal)
        {
            Assert.Fail($"confirming {Snapshot.Proposal?.ActionId} refused: {string.Join("; ", refusal.Reasons.Select(r => $"{r.Code}: {r.Message}"))}");
        }

        var input = Snapshot.Proposal!.Input;
        Snapshot = Snapshot with { Proposal = null };
        return Apply(Assert.IsType<Transition>(decision), input);
    }

    public async Task<Refusal> RefuseConfirmationAsync(Actor actor) =>
        Assert.IsType<Refusal>(await _engine.ConfirmAsync(_definition, Snapshot, actor, DictionaryGuardFacts.Empty));

    private Transition Apply(Transition transition, ActionInput? input)
    {
        foreach (var route in transition.Effects.Where(e => e.Name == EffectCatalog.Route))
        {
            var to = route.Params["to"].GetString()!;
            if (route.Params.TryGetValue("fromInput", out var field))
            {
                _caseRoles[to] = input!.Data[field.GetString()!].GetString()!;
            }

            Snapshot = Snapshot with { RoutedTo = _caseRoles.GetValueOrDefault(to, to) };
        }

        Snapshot = Snapshot with { CurrentState = transition.To };
        History.Add(transition);
        return transition;
    }

    public async Task<Refusal> RefuseAsync(Actor actor, string action, ActionInput? input = null) =>
        Assert.IsType<Refusal>(await _engine.DecideAsync(_definition, Snapshot, actor, action, input ?? ActionInput.Empty, DictionaryGuardFacts.Empty));
}
