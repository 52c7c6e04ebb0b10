using System.Text.Json;
using System.Text.Json.Serialization;

namespace Casework.Workflows.Definitions;

/// <summary>
/// One version of a workflow definition as read from <c>workflows/definitions/{definitionId}.v{version}.json</c>.
/// Immutable once published: a case pins (DefinitionId, Version) and always runs on it.
/// </summary>
public sealed record WorkflowDefinition
{
    public required string DefinitionId { get; init; }

    public required int Version { get; init; }

    public required string CaseType { get; init; }

    /// <summary>Dutch title, shown to users.</summary>
    public required string Title { get; init; }

    public required string InitialState { get; init; }

    public IReadOnlyList<StateDefinition> States { get; init; } = [];

    public IReadOnlyList<ActionDefinition> Actions { get; init; } = [];

    public StateDefinition? FindState(string id) => States.FirstOrDefault(s => s.Id == id);

    public ActionDefinition? FindAction(string id) => Actions.FirstOrDefault(a => a.Id == id);

    /// <summary>
    /// The states from which an action matching <paramref name="target"/> can still be fired, directly or after other
    /// actions (a walk backwards over the transitions). Lets code ask "is this case still before that decision?" of
    /// the definition instead of listing state names.
    /// </summary>
    public IReadOnlySet<string> StatesLeadingTo(Func<ActionDefinition, bool> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Actions.Where(target).SelectMany(a => a.From));
        while (pending.TryPop(out var state))
        {
            if (found.Add(state))
            {
                foreach (var from in Actions.Where(a => a.To == state).SelectMany(a => a.From))
                {
                    pending.Push(from);
                }
            }
        }

        return found;
    }
}

/// <summary>Who holds the case while it is in a state.</summary>
public enum StateOwner
{
    /// <summary>The case's own organisation (the applicant gemeente, the alliance that raised it).</summary>
    Initiator,

    /// <summary>The organisation the case is routed to (RVO loket, VRO, the lead department).</summary>
    Routed,

    /// <summary>A body's secretariat (SBSD, BRSD, bestuurlijk overleg).</summary>
    Secretariat,

    /// <summary>Nobody: the case is closed.</summary>
    None,
}

/// <summary>A ZGW status: <see cref="Order"/> is its volgnummer.</summary>
public sealed record StateDefinition
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    public string? Description { get; init; }

    public required int Order { get; init; }

    public bool Final { get; init; }

    public required StateOwner Owner { get; init; }

    /// <summary>The resultaat codes a case may close with in this state; required and non-empty when final.</summary>
    public IReadOnlyList<string> Resultaten { get; init; } = [];

    /// <summary>
    /// What the state's owner is to do, as a short Dutch instruction ("Dien de aanvraag in"); lists show it with the
    /// running deadline. Without it a list falls back to the <see cref="Description"/>.
    /// </summary>
    public string? Task { get; init; }
}

/// <summary>Which organisation may fire an action.</summary>
public enum ActorKind
{
    /// <summary>The case's own organisation, or a member organisation of a joint application.</summary>
    Initiator,

    /// <summary>The organisation the case is routed to.</summary>
    Routed,

    /// <summary>The secretariat of the body named in <see cref="ActionDefinition.Body"/>.</summary>
    Secretariat,

    /// <summary>Only the system actor (deadline expiry).</summary>
    System,
}

public sealed record ActionDefinition
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    public IReadOnlyList<string> From { get; init; } = [];

    public required string To { get; init; }

    /// <summary>Names of <see cref="Casework.Domain.Access.Role"/> values.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public required ActorKind Actor { get; init; }

    /// <summary>The body code (SBSD, BRSD, BO) whose secretariat acts; only with <see cref="ActorKind.Secretariat"/>.</summary>
    public string? Body { get; init; }

    public IReadOnlyList<GuardReference> Guards { get; init; } = [];

    /// <summary>
    /// Only the case's behandelaar (the user of the routed organisation who claimed it) may fire this action; the engine
    /// refuses anyone else, including colleagues of the same organisation. Only with <see cref="ActorKind.Routed"/>.
    /// </summary>
    public bool BehandelaarOnly { get; init; }

    public InputSpec Input { get; init; } = InputSpec.None;

    public IReadOnlyList<EffectReference> Effects { get; init; } = [];

    /// <summary>
    /// The vier-ogenprincipe: firing the action only proposes it; it takes effect when another person of one of
    /// <see cref="ApprovalSpec.Roles"/> confirms it. Null: the action takes effect at once.
    /// </summary>
    public ApprovalSpec? Approval { get; init; }
}

/// <summary>Who confirms a proposed action (vier-ogenprincipe): never the proposer.</summary>
public sealed record ApprovalSpec
{
    /// <summary>Names of <see cref="Casework.Domain.Access.Role"/> values that may confirm.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The confirmer acts for the proposer's organisation (the default); false lets any organisation of the action's actor kind confirm.</summary>
    public bool SameOrganisation { get; init; } = true;

    /// <summary>Where the rule comes from (a mandate rule or "ontwerpkeuze"), cited when the proposer tries to confirm.</summary>
    public string? Source { get; init; }
}

public sealed record GuardReference
{
    public required string Name { get; init; }

    public IReadOnlyDictionary<string, JsonElement> Params { get; init; } = new Dictionary<string, JsonElement>();
}

public sealed record EffectReference
{
    public required string Name { get; init; }

    public IReadOnlyDictionary<string, JsonElement> Params { get; init; } = new Dictionary<string, JsonElement>();
}

public sealed record InputSpec
{
    public static InputSpec None { get; } = new();

    public bool ReasonRequired { get; init; }

    public IReadOnlyList<InputField> Fields { get; init; } = [];
}

/// <summary>Input field types; the JSON names are <c>string</c>, <c>number</c>, <c>integer</c>, <c>date</c> (yyyy-MM-dd), <c>boolean</c>, <c>choice</c>.</summary>
public enum InputFieldType
{
    [JsonStringEnumMemberName("string")]
    Text,

    Number,

    /// <summary>A whole number, such as a term in days.</summary>
    [JsonStringEnumMemberName("integer")]
    WholeNumber,

    Date,

    [JsonStringEnumMemberName("boolean")]
    YesNo,

    Choice,
}

public sealed record InputField
{
    /// <summary>A field named <c>resultaat</c> (required choice) supplies the resultaat of an action into a final state.</summary>
    public const string ResultaatField = "resultaat";

    public required string Name { get; init; }

    public required InputFieldType Type { get; init; }

    public bool Required { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Lowest allowed value of a number or integer field (inclusive).</summary>
    public decimal? Minimum { get; init; }

    /// <summary>Highest allowed value of a number or integer field (inclusive).</summary>
    public decimal? Maximum { get; init; }

    /// <summary>Where a bound comes from (a legal source or "(ontwerpkeuze)"), shown with a value out of bounds.</summary>
    public string? Source { get; init; }
}
