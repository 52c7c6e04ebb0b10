using BenchmarkDotNet.Attributes;
using Casework.Domain.Access;
using Casework.Web.Features.Workflows.Guards;
using Casework.Workflows.Definitions;
using Casework.Workflows.Engine;
using Casework.Workflows.Guards;
using Casework.Workflows.Loading;
using Stateless;

namespace Casework.Benchmarks;

/// <summary>
/// (a) In memory: the engine on the 12-state <c>bench-aanvraag</c> definition (loaded and linted by the real
/// <see cref="DefinitionLoader"/>) against a bare Stateless machine with the same states and triggers.
/// The case is in <c>inBehandeling</c>, which has 4 outgoing actions (one guarded by <c>opAgenda</c>, read
/// through in-memory facts); the gemeente fires <c>aanhouden</c> (reason required), the action the persisted
/// benchmark (b) loops on, so (a) and (b) can be compared directly.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InMemoryConfig))]
public class EngineBenchmarks
{
    private const string From = "inBehandeling";
    private const string Trigger = "aanhouden";

    private WorkflowDefinition _definition = null!;
    private WorkflowEngine _engine = null!;
    private CaseSnapshot _case = null!;
    private Actor _aanvrager = null!;
    private ActionInput _input = null!;
    private DictionaryGuardFacts _facts = null!;
    private StateMachine<string, string> _bare = null!;
    private string _bareState = From;

    [GlobalSetup]
    public void Setup()
    {
        _definition = BenchDefinitions.LoadBenchDefinition();
        _engine = new WorkflowEngine(new GuardRegistry([new OpAgendaGuard()]));
        _case = new CaseSnapshot(Guid.NewGuid(), "bench-aanvraag", From, "GM0599") { RoutedTo = "VRO" };
        _aanvrager = Actor.Person("bench-aanvrager", "GM0599", Role.GemeenteAanvrager);
        _input = ActionInput.WithReason("Raadsbesluit over de cofinanciering volgt eerst.");
        _facts = new DictionaryGuardFacts(new Dictionary<string, object?> { [OpAgendaGuard.FactPrefix + "SBSD"] = true });
        _bare = BuildBareMachine(_definition, () => _bareState, s => _bareState = s);

        // Fail fast if the scenario is not what the numbers claim to measure.
        var decision = _engine.DecideAsync(_definition, _case, _aanvrager, Trigger, _input, _facts).GetAwaiter().GetResult();
        if (decision is not Transition { To: "aangehouden" })
        {
            throw new InvalidOperationException($"Expected a transition to 'aangehouden', got {decision}.");
        }
    }

    /// <summary>Bare Stateless: a machine built once, state reset, <c>Fire</c>. No guards, roles, input or effects.</summary>
    [Benchmark(Baseline = true)]
    public string StatelessFire()
    {
        _bareState = From;
        _bare.Fire(Trigger);
        return _bareState;
    }

    /// <summary>Bare Stateless, built per call as the engine must (a Stateless machine is not thread-safe).</summary>
    [Benchmark]
    public string StatelessBuildAndFire()
    {
        var state = From;
        var machine = BuildBareMachine(_definition, () => state, s => state = s);
        machine.Fire(Trigger);
        return state;
    }

    /// <summary>Every action out of the current state with allowed yes/no and reasons (guards evaluated).</summary>
    [Benchmark]
    public Task<IReadOnlyList<AvailableAction>> EngineAvailableActions() =>
        _engine.GetAvailableActionsAsync(_definition, _case, _aanvrager, _facts);

    /// <summary>Role, organisation, input and guard checks, then a Stateless fire, returning the transition and its effects.</summary>
    [Benchmark]
    public Task<Decision> EngineDecide() =>
        _engine.DecideAsync(_definition, _case, _aanvrager, Trigger, _input, _facts);

    /// <summary>What one persisted command asks of the engine: decide, then the actions available afterwards.</summary>
    [Benchmark]
    public async Task<int> EngineAvailableAndDecide()
    {
        var decision = (Transition)await _engine.DecideAsync(_definition, _case, _aanvrager, Trigger, _input, _facts);
        var after = _case with { CurrentState = decision.To };
        var available = await _engine.GetAvailableActionsAsync(_definition, after, _aanvrager, _facts);
        return available.Count;
    }

    private static StateMachine<string, string> BuildBareMachine(WorkflowDefinition definition, Func<string> read, Action<string> write)
    {
        var machine = new StateMachine<string, string>(read, write);
        foreach (var state in definition.States)
        {
            machine.Configure(state.Id);
        }

        foreach (var action in definition.Actions)
        {
            foreach (var from in action.From)
            {
                if (from == action.To)
                {
                    machine.Configure(from).PermitReentry(action.Id);
                }
                else
                {
                    machine.Configure(from).Permit(action.Id, action.To);
                }
            }
        }

        return machine;
    }
}
