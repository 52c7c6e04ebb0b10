using System.Globalization;
using System.Text.Json;
using Casework.Domain.Access;
using Casework.Workflows.Definitions;
using Casework.Workflows.Guards;
using Casework.Workflows.Vocabulary;
using Stateless;

namespace Casework.Workflows.Engine;

/// <summary>
/// Decides transitions from a pinned definition. Pure and thread-safe: it keeps no state between calls and
/// builds a fresh Stateless machine per call (Stateless machines are not thread-safe). Guards are async and
/// may read facts, so they are evaluated first; their results feed the machine's PermitIf conditions.
/// The guard registry comes in through the constructor so the engine can be one singleton; the case,
/// the actor, the input and the facts come in per call.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly IGuardRegistry _guards;

    public WorkflowEngine(IGuardRegistry guards)
    {
        ArgumentNullException.ThrowIfNull(guards);
        _guards = guards;
    }

    /// <summary>
    /// Every action leaving the case's current state (or, with <paramref name="includeAll"/>, every action of
    /// the definition) with allowed yes/no and all reasons when not. Input is not known yet, so input rules
    /// are not checked here; <see cref="AvailableAction.Input"/> tells the client what to send. Guards run only
    /// for actions that leave the current state: for the others "wrong state" is the answer that matters.
    /// </summary>
    public async Task<IReadOnlyList<AvailableAction>> GetAvailableActionsAsync(
        WorkflowDefinition definition,
        CaseSnapshot snapshot,
        Actor actor,
        IGuardFacts facts,
        bool includeAll = false,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(facts);
        RequireKnownState(definition, snapshot);

        var actions = definition.Actions.Where(a => includeAll || a.From.Contains(snapshot.CurrentState)).ToList();
        var reasons = new Dictionary<string, IReadOnlyList<RefusalReason>>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            reasons[action.Id] = await EvaluateAsync(definition, snapshot, actor, action, input: null, facts, ct);
        }

        var state = snapshot.CurrentState;
        var machine = BuildMachine(definition, () => state, s => state = s, reasons);
        var permitted = (await machine.GetPermittedTriggersAsync()).ToHashSet(StringComparer.Ordinal);

        return [.. actions.Select(a => new AvailableAction(a.Id, a.Label, a.To, permitted.Contains(a.Id), reasons[a.Id], a.Input) { Approval = a.Approval })];
    }

    /// <summary>May <paramref name="actor"/> fire <paramref name="actionId"/> with <paramref name="input"/> now?</summary>
    public async Task<Decision> DecideAsync(
        WorkflowDefinition definition,
        CaseSnapshot snapshot,
        Actor actor,
        string actionId,
        ActionInput input,
        IGuardFacts facts,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentException.ThrowIfNullOrEmpty(actionId);
        RequireKnownState(definition, snapshot);

        var action = definition.FindAction(actionId);
        if (action is null)
        {
            return new Refusal(actionId, [new RefusalReason("unknown-action", $"De actie '{actionId}' bestaat niet in {definition.DefinitionId} versie {definition.Version}.")]);
        }

        var reasons = await EvaluateAsync(definition, snapshot, actor, action, input, facts, ct);
        if (action.Approval is { } approval && reasons.Count == 0 && action.From.Contains(snapshot.CurrentState))
        {
            // Vier-ogenprincipe: every check passed, but the action only becomes a proposal; it is judged again on confirmation.
            return new Proposed(action.Id, action.Label, approval);
        }

        return await CompleteAsync(definition, snapshot, action, input, reasons);
    }

    /// <summary>
    /// Another person confirms the case's pending proposal (vier-ogenprincipe): the proposer never, someone of the
    /// approval's roles (for the proposer's organisation unless the definition says otherwise); state, input and guards
    /// are judged again with the proposal's input, so a proposal that no longer fits (the ceiling reached meanwhile) is refused.
    /// </summary>
    public async Task<Decision> ConfirmAsync(WorkflowDefinition definition, CaseSnapshot snapshot, Actor actor, IGuardFacts facts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(facts);
        RequireKnownState(definition, snapshot);
        if (Pending(definition, snapshot) is not var (proposal, action))
        {
            return new Refusal(snapshot.Proposal?.ActionId ?? string.Empty, [NoProposal()]);
        }

        var confirming = Confirmer(action);
        var reasons = new List<RefusalReason>(ConfirmerChecks(snapshot, actor, action, proposal));
        reasons.AddRange(await EvaluateAsync(definition, snapshot with { Proposal = null }, actor, confirming, proposal.Input, facts, ct));
        return await CompleteAsync(definition, snapshot, action, proposal.Input, reasons);
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may withdraw (the proposer) or decline (someone who may confirm) the case's pending
    /// proposal. Null when so.
    /// </summary>
    public static Refusal? MayWithdrawOrDecline(WorkflowDefinition definition, CaseSnapshot snapshot, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(actor);
        if (Pending(definition, snapshot) is not var (proposal, action))
        {
            return new Refusal(snapshot.Proposal?.ActionId ?? string.Empty, [NoProposal()]);
        }

        if (!actor.IsSystem && actor.UserId == proposal.ProposedBy)
        {
            return null;
        }

        var reasons = ConfirmerChecks(snapshot, actor, action, proposal).Where(r => r.Code != ProposerConfirms).ToList();
        return reasons.Count == 0 ? null : new Refusal(action.Id, reasons);
    }

    /// <summary>
    /// Whether <paramref name="actor"/> is who may confirm the case's pending proposal (not its proposer; the approval's
    /// roles and organisation; the case's state). Guards are judged on confirmation itself. Null when so.
    /// </summary>
    public static Refusal? MayConfirm(WorkflowDefinition definition, CaseSnapshot snapshot, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(actor);
        if (Pending(definition, snapshot) is not var (proposal, action))
        {
            return new Refusal(snapshot.Proposal?.ActionId ?? string.Empty, [NoProposal()]);
        }

        var reasons = ConfirmerChecks(snapshot, actor, action, proposal).ToList();
        if (!action.From.Contains(snapshot.CurrentState))
        {
            reasons.Add(WrongState(definition, snapshot, action));
        }

        return reasons.Count == 0 ? null : new Refusal(action.Id, reasons);
    }

    /// <summary>The code of the refusal when the proposer confirms their own proposal.</summary>
    public const string ProposerConfirms = "VIER-OGEN";

    /// <summary>The case's pending proposal with the action it proposes (an action under approval), or null.</summary>
    private static (PendingProposal Proposal, ActionDefinition Action)? Pending(WorkflowDefinition definition, CaseSnapshot snapshot) =>
        snapshot.Proposal is { } proposal && definition.FindAction(proposal.ActionId) is { Approval: not null } action ? (proposal, action) : null;

    private static RefusalReason NoProposal() =>
        new("no-proposal", "Er ligt geen voorstel ter bevestiging op deze zaak (meer); haal de zaak opnieuw op.");

    /// <summary>The action as the confirmer must be able to take it: the approval's roles, not limited to the behandelaar.</summary>
    private static ActionDefinition Confirmer(ActionDefinition action) =>
        action with { Roles = action.Approval!.Roles, BehandelaarOnly = false, Approval = null };

    private static IEnumerable<RefusalReason> ConfirmerChecks(CaseSnapshot snapshot, Actor actor, ActionDefinition action, PendingProposal proposal)
    {
        var approval = action.Approval!;
        if (!actor.IsSystem && actor.UserId == proposal.ProposedBy)
        {
            yield return new RefusalReason(
                ProposerConfirms,
                $"U heeft '{action.Label}' zelf voorgesteld; een collega moet het besluit bevestigen (vier-ogenprincipe).",
                approval.Source);
        }

        if (approval.SameOrganisation && !actor.IsSystem && actor.Organisation != proposal.ProposedByOrganisation)
        {
            yield return new RefusalReason("wrong-organisation", $"Alleen een collega van dezelfde organisatie als de voorsteller mag '{action.Label}' bevestigen.");
        }

        foreach (var reason in CheckActor(snapshot, actor, Confirmer(action)))
        {
            yield return reason;
        }
    }

    private static async Task<Decision> CompleteAsync(WorkflowDefinition definition, CaseSnapshot snapshot, ActionDefinition action, ActionInput input, IReadOnlyList<RefusalReason> reasons)
    {
        var state = snapshot.CurrentState;
        var machine = BuildMachine(definition, () => state, s => state = s, new Dictionary<string, IReadOnlyList<RefusalReason>> { [action.Id] = reasons });

        if (!machine.CanFire(action.Id))
        {
            return new Refusal(action.Id, reasons.Count > 0 ? reasons : [WrongState(definition, snapshot, action)]);
        }

        await machine.FireAsync(action.Id);
        var target = definition.FindState(state)
            ?? throw new InvalidOperationException($"Action '{action.Id}' led to unknown state '{state}'.");

        var effects = action.Effects.Select(Describe).ToList();
        var resultaat = ResolveResultaat(action, input);
        if (resultaat is not null && !action.Effects.Any(e => e.Name == EffectCatalog.SetResultaat))
        {
            // The resultaat came from the input: make it an effect like any other, so the handler applies it the same way.
            var parameters = new Dictionary<string, JsonElement> { ["code"] = JsonSerializer.SerializeToElement(resultaat) };
            effects.Add(Describe(new EffectReference { Name = EffectCatalog.SetResultaat, Params = parameters }));
        }

        return new Transition(action.Id, action.Label, snapshot.CurrentState, target.Id, target.Label, target.Order, target.Final, resultaat, effects);
    }

    /// <summary>
    /// Whether <paramref name="actor"/> is who may take <paramref name="actionId"/> in the case's current state: the
    /// state, role and organisation checks of <see cref="DecideAsync"/>, without guards or input. Null when so.
    /// </summary>
    public static Refusal? WhoAndWhen(WorkflowDefinition definition, CaseSnapshot snapshot, Actor actor, string actionId)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(actor);
        RequireKnownState(definition, snapshot);
        var action = definition.FindAction(actionId)
            ?? throw new ArgumentException($"{definition.DefinitionId} v{definition.Version} has no action '{actionId}'.", nameof(actionId));
        var reasons = new List<RefusalReason>();
        if (!action.From.Contains(snapshot.CurrentState))
        {
            reasons.Add(WrongState(definition, snapshot, action));
        }

        reasons.AddRange(CheckActor(snapshot, actor, action));
        return reasons.Count == 0 ? null : new Refusal(action.Id, reasons);
    }

    private static StateMachine<string, string> BuildMachine(
        WorkflowDefinition definition,
        Func<string> read,
        Action<string> write,
        Dictionary<string, IReadOnlyList<RefusalReason>> evaluated)
    {
        var machine = new StateMachine<string, string>(read, write);
        foreach (var state in definition.States)
        {
            machine.Configure(state.Id);
        }

        foreach (var action in definition.Actions)
        {
            // Only actions evaluated in this call can be permitted; all are configured so the machine mirrors the definition.
            bool Permitted() => evaluated.TryGetValue(action.Id, out var reasons) && reasons.Count == 0;
            foreach (var from in action.From.Distinct(StringComparer.Ordinal))
            {
                var configuration = machine.Configure(from);
                if (from == action.To)
                {
                    configuration.PermitReentryIf(action.Id, Permitted, action.Label);
                }
                else
                {
                    configuration.PermitIf(action.Id, action.To, Permitted, action.Label);
                }
            }
        }

        return machine;
    }

    private async Task<IReadOnlyList<RefusalReason>> EvaluateAsync(
        WorkflowDefinition definition,
        CaseSnapshot snapshot,
        Actor actor,
        ActionDefinition action,
        ActionInput? input,
        IGuardFacts facts,
        CancellationToken ct)
    {
        var reasons = new List<RefusalReason>();
        var inState = action.From.Contains(snapshot.CurrentState);
        if (!inState)
        {
            reasons.Add(WrongState(definition, snapshot, action));
        }

        reasons.AddRange(CheckActor(snapshot, actor, action));
        if (snapshot.Proposal is { } proposal && !actor.IsSystem)
        {
            var proposed = definition.FindAction(proposal.ActionId)?.Label ?? proposal.ActionId;
            reasons.Add(new RefusalReason(
                "proposal-pending",
                $"Er ligt een voorstel '{proposed}' ter bevestiging; dat wordt eerst bevestigd, afgewezen of ingetrokken."));
        }

        if (input is not null)
        {
            reasons.AddRange(CheckInput(action, input));
        }

        if (inState)
        {
            foreach (var reference in action.Guards)
            {
                var guard = _guards.Find(reference.Name)
                    ?? throw new InvalidOperationException($"Guard '{reference.Name}' used by action '{action.Id}' of {definition.DefinitionId} v{definition.Version} is not registered.");
                var outcome = await guard.EvaluateAsync(
                    new GuardInvocation(action.Id, reference.Params, snapshot, actor, input ?? ActionInput.Empty, facts), ct);
                reasons.AddRange(outcome.Failures.Select(f => new RefusalReason(f.Code, f.Message, f.Source) { Guard = reference.Name }));
            }
        }

        return reasons;
    }

    private static IEnumerable<RefusalReason> CheckActor(CaseSnapshot snapshot, Actor actor, ActionDefinition action)
    {
        if (actor.IsSystem)
        {
            if (action.Actor != ActorKind.System && !action.Roles.Contains(nameof(Role.Systeem)))
            {
                yield return new RefusalReason("wrong-role", $"Het systeem voert alleen systeemacties uit; '{action.Label}' is voor {RoleList(action)}.");
            }

            yield break;
        }

        if (action.Actor == ActorKind.System)
        {
            yield return new RefusalReason("system-only", $"'{action.Label}' wordt alleen door het systeem uitgevoerd (bijvoorbeeld als een termijn verloopt).");
            yield break;
        }

        // Systeem is never held by a person, whatever the token says.
        var roles = actor.Roles.Where(r => r != Role.Systeem).Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        if (!action.Roles.Any(roles.Contains))
        {
            yield return new RefusalReason("wrong-role", $"Voor '{action.Label}' is een van deze rollen nodig: {RoleList(action)}.");
        }

        var organisationReason = action.Actor switch
        {
            ActorKind.Initiator when actor.Organisation != snapshot.OwningOrganisation && !snapshot.MemberOrganisations.Contains(actor.Organisation) =>
                $"Alleen de indienende organisatie ({string.Join(", ", new[] { snapshot.OwningOrganisation }.Concat(snapshot.MemberOrganisations))}) mag '{action.Label}' uitvoeren.",
            ActorKind.Routed when snapshot.RoutedTo is null =>
                $"'{action.Label}' kan alleen door de organisatie waar de zaak ligt, maar de zaak is aan geen organisatie toegewezen.",
            ActorKind.Routed when actor.Organisation != snapshot.RoutedTo =>
                $"Alleen de organisatie waar de zaak ligt ({snapshot.RoutedTo}) mag '{action.Label}' uitvoeren.",
            ActorKind.Secretariat when actor.Organisation != action.Body =>
                $"Alleen het secretariaat van {action.Body} mag '{action.Label}' uitvoeren.",
            _ => null,
        };
        if (organisationReason is not null)
        {
            yield return new RefusalReason("wrong-organisation", organisationReason);
        }
        else if (action.BehandelaarOnly && snapshot.Behandelaar != actor.UserId)
        {
            yield return new RefusalReason(
                "not-behandelaar",
                snapshot.Behandelaar is null
                    ? $"Alleen de behandelaar mag '{action.Label}' uitvoeren; neem de zaak eerst in behandeling."
                    : $"Alleen de behandelaar van de zaak mag '{action.Label}' uitvoeren.");
        }
    }

    private static IEnumerable<RefusalReason> CheckInput(ActionDefinition action, ActionInput input)
    {
        if (action.Input.ReasonRequired && string.IsNullOrWhiteSpace(input.Reason))
        {
            yield return new RefusalReason("reason-required", $"Voor '{action.Label}' is een toelichting verplicht.");
        }

        foreach (var field in action.Input.Fields)
        {
            var present = input.Data.TryGetValue(field.Name, out var value)
                && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                && !(value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));
            if (!present)
            {
                if (field.Required)
                {
                    yield return new RefusalReason($"input-missing:{field.Name}", $"Het veld '{field.Name}' is verplicht.");
                }

                continue;
            }

            var problem = CheckValue(field, value);
            if (problem is not null)
            {
                yield return new RefusalReason($"input-invalid:{field.Name}", $"Het veld '{field.Name}' {problem}.");
            }
        }

        foreach (var name in input.Data.Keys.Where(k => !action.Input.Fields.Any(f => f.Name == k)).Order(StringComparer.Ordinal))
        {
            yield return new RefusalReason($"input-invalid:{name}", $"Het veld '{name}' hoort niet bij '{action.Label}'.");
        }
    }

    private static string? CheckValue(InputField field, JsonElement value) => field.Type switch
    {
        InputFieldType.Text when value.ValueKind != JsonValueKind.String => "moet tekst zijn",
        InputFieldType.Number when value.ValueKind != JsonValueKind.Number => "moet een getal zijn",
        InputFieldType.WholeNumber when value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _) => "moet een geheel getal zijn",
        InputFieldType.Number or InputFieldType.WholeNumber when (field.Minimum is not null || field.Maximum is not null)
            && (!value.TryGetDecimal(out var number) || OutOfBounds(field, number)) => BoundsMessage(field),
        InputFieldType.YesNo when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) => "moet waar of onwaar zijn",
        InputFieldType.Date when value.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "moet een datum zijn (jjjj-mm-dd)",
        InputFieldType.Choice when value.ValueKind != JsonValueKind.String || !field.Choices.Contains(value.GetString()!, StringComparer.Ordinal) =>
            $"moet een van deze waarden zijn: {string.Join(", ", field.Choices)}",
        _ => null,
    };

    private static bool OutOfBounds(InputField field, decimal value) => value < field.Minimum || value > field.Maximum;

    private static string BoundsMessage(InputField field)
    {
        var bounds = (field.Minimum, field.Maximum) switch
        {
            ({ } min, { } max) => $"moet tussen {Dutch(min)} en {Dutch(max)} liggen",
            ({ } min, null) => $"moet ten minste {Dutch(min)} zijn",
            (null, { } max) => $"mag ten hoogste {Dutch(max)} zijn",
            _ => "valt buiten de grenzen",
        };
        return field.Source is null ? bounds : $"{bounds} ({field.Source})";
    }

    private static string Dutch(decimal value) => value.ToString("#,##0.##", CultureInfo.GetCultureInfo("nl-NL"));

    private static string? ResolveResultaat(ActionDefinition action, ActionInput input)
    {
        var set = action.Effects.FirstOrDefault(e => e.Name == EffectCatalog.SetResultaat);
        if (set is not null && set.Params.TryGetValue("code", out var code) && code.ValueKind == JsonValueKind.String)
        {
            return code.GetString();
        }

        return action.Input.Fields.Any(f => f.Name == InputField.ResultaatField)
            && input.Data.TryGetValue(InputField.ResultaatField, out var chosen) && chosen.ValueKind == JsonValueKind.String
            ? chosen.GetString()
            : null;
    }

    private static EffectInstruction Describe(EffectReference effect)
    {
        var spec = EffectCatalog.Find(effect.Name);
        var parameters = string.Join(", ", effect.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Render(p.Value)}"));
        var description = (spec?.DescriptionNl ?? effect.Name) + (parameters.Length > 0 ? $" ({parameters})" : string.Empty);
        return new EffectInstruction(effect.Name, effect.Params, description);
    }

    private static string Render(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static RefusalReason WrongState(WorkflowDefinition definition, CaseSnapshot snapshot, ActionDefinition action)
    {
        var current = definition.FindState(snapshot.CurrentState)?.Label ?? snapshot.CurrentState;
        var from = string.Join(", ", action.From.Select(f => definition.FindState(f)?.Label ?? f));
        return new RefusalReason("wrong-state", $"'{action.Label}' kan niet in status '{current}'; alleen in: {from}.");
    }

    private static string RoleList(ActionDefinition action) => string.Join(", ", action.Roles);

    private static void RequireKnownState(WorkflowDefinition definition, CaseSnapshot snapshot)
    {
        if (definition.FindState(snapshot.CurrentState) is null)
        {
            throw new InvalidOperationException($"Case {snapshot.CaseId} is in state '{snapshot.CurrentState}', which {definition.DefinitionId} v{definition.Version} does not define.");
        }
    }
}
