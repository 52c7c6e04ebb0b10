using System.Text.Json;
using Casework.Domain.Common;
using Casework.Workflows.Definitions;

namespace Casework.Workflows.Engine;

/// <summary>
/// Why an action may not be fired. <see cref="Code"/> is stable: the engine's own (<c>wrong-role</c>,
/// <c>wrong-organisation</c>, <c>wrong-state</c>, <c>system-only</c>, <c>reason-required</c>,
/// <c>input-missing:&lt;field&gt;</c>, <c>input-invalid:&lt;field&gt;</c>, <c>unknown-action</c>, <c>proposal-pending</c>,
/// <c>no-proposal</c>, <c>VIER-OGEN</c>), or, for a broken
/// rule that a guard found, the domain's rule code (e.g. <c>WBI-MIN-WONINGEN</c>) with its legal source and the
/// <see cref="Guard"/> that found it. The message is Dutch.
/// </summary>
public sealed record RefusalReason(string Code, string Message, string? Source = null)
{
    /// <summary>The definition's guard that reported this broken rule; null for the engine's own reasons.</summary>
    public string? Guard { get; init; }

    /// <summary>A broken business rule (from a guard), as opposed to who, when or what input.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsBrokenRule => Guard is not null;

    /// <summary>As the API reports rule failures: <c>{ code, message, source }</c>.</summary>
    public BrokenRule ToBrokenRule() => new(Code, Message, Source ?? string.Empty);
}

/// <summary>An effect for the handler to apply, with the definition's parameters and a Dutch description.</summary>
public sealed record EffectInstruction(string Name, IReadOnlyDictionary<string, JsonElement> Params, string Description);

/// <summary>The engine's answer to "may this actor fire this action now": a <see cref="Transition"/> or a <see cref="Refusal"/>.</summary>
public abstract record Decision(string ActionId);

public sealed record Transition(
    string ActionId,
    string ActionLabel,
    string From,
    string To,
    string ToLabel,
    int ToOrder,
    bool ToIsFinal,
    string? Resultaat,
    IReadOnlyList<EffectInstruction> Effects) : Decision(ActionId);

public sealed record Refusal(string ActionId, IReadOnlyList<RefusalReason> Reasons) : Decision(ActionId);

/// <summary>
/// The action may be taken, but under the vier-ogenprincipe it only becomes a proposal: nothing changes until another
/// person of <see cref="Approval"/>'s roles confirms it (<see cref="WorkflowEngine.ConfirmAsync"/>).
/// </summary>
public sealed record Proposed(string ActionId, string ActionLabel, ApprovalSpec Approval) : Decision(ActionId);

/// <summary>One action as offered to an actor: allowed or not, and every reason when not.</summary>
public sealed record AvailableAction(
    string ActionId,
    string Label,
    string To,
    bool Allowed,
    IReadOnlyList<RefusalReason> Reasons,
    InputSpec Input)
{
    /// <summary>Set when the action is only proposed and takes effect on another person's confirmation (vier-ogenprincipe).</summary>
    public ApprovalSpec? Approval { get; init; }
}
