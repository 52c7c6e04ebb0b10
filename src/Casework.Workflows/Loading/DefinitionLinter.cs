using System.Globalization;
using System.Text.Json;
using Casework.Workflows.Definitions;
using Casework.Workflows.Vocabulary;

namespace Casework.Workflows.Loading;

/// <summary>
/// The semantic checks the schema cannot express. Runs on a definition that already passed the schema,
/// and reports every problem (not only the first) with the JSON path where it is.
/// </summary>
public sealed class DefinitionLinter
{
    private const string AuditorRole = nameof(Domain.Access.Role.Auditor);
    private const string SystemRole = nameof(Domain.Access.Role.Systeem);

    private readonly LintOptions _options;

    public DefinitionLinter(LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public IReadOnlyList<LintError> Lint(string file, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<LintError>();
        void Error(string path, string message) => errors.Add(new LintError(file, path, message));

        var expectedFile = string.Create(CultureInfo.InvariantCulture, $"{definition.DefinitionId}.v{definition.Version}.json");
        if (!string.Equals(file, expectedFile, StringComparison.Ordinal))
        {
            Error("$.definitionId", $"the file must be named '{expectedFile}' ({{definitionId}}.v{{version}}.json)");
        }

        var states = LintStates(definition, Error);
        if (!states.ContainsKey(definition.InitialState))
        {
            Error("$.initialState", $"unknown state '{definition.InitialState}'");
        }

        LintActions(definition, states, Error);
        LintGraph(definition, states, Error);
        return errors;
    }

    private static Dictionary<string, StateDefinition> LintStates(WorkflowDefinition definition, Action<string, string> error)
    {
        var states = new Dictionary<string, StateDefinition>(StringComparer.Ordinal);
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.States.Count; i++)
        {
            var state = definition.States[i];
            var path = $"$.states[{i}]";
            if (!firstIndex.TryAdd(state.Id, i))
            {
                error($"{path}.id", $"duplicate state id '{state.Id}' (also at $.states[{firstIndex[state.Id]}])");
                continue;
            }

            states[state.Id] = state;
            if (state.Final && state.Resultaten.Count == 0)
            {
                error($"{path}.resultaten", $"final state '{state.Id}' needs at least one resultaat: a case is never closed without one (ZGW zrc-007)");
            }

            if (!state.Final && state.Resultaten.Count > 0)
            {
                error($"{path}.resultaten", $"state '{state.Id}' is not final; only final states have resultaten");
            }

            if (state.Final != (state.Owner == StateOwner.None))
            {
                error($"{path}.owner", state.Final
                    ? $"final state '{state.Id}' must have owner 'none'"
                    : $"state '{state.Id}' is not final and needs an owner other than 'none'");
            }
        }

        return states;
    }

    private void LintActions(WorkflowDefinition definition, Dictionary<string, StateDefinition> states, Action<string, string> error)
    {
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Actions.Count; i++)
        {
            var action = definition.Actions[i];
            var path = $"$.actions[{i}]";
            if (!firstIndex.TryAdd(action.Id, i))
            {
                error($"{path}.id", $"duplicate action id '{action.Id}' (also at $.actions[{firstIndex[action.Id]}])");
            }

            for (var k = 0; k < action.From.Count; k++)
            {
                var from = action.From[k];
                if (!states.TryGetValue(from, out var fromState))
                {
                    error($"{path}.from[{k}]", $"unknown state '{from}'");
                }
                else if (fromState.Final)
                {
                    error($"{path}.from[{k}]", $"action '{action.Id}' leaves final state '{from}'; a final state has no way out");
                }
            }

            states.TryGetValue(action.To, out var target);
            if (target is null)
            {
                error($"{path}.to", $"unknown state '{action.To}'");
            }

            LintActor(action, path, error);
            LintInput(action, path, error);

            for (var j = 0; j < action.Guards.Count; j++)
            {
                var guard = action.Guards[j];
                if (!_options.KnownGuards.Contains(guard.Name))
                {
                    error($"{path}.guards[{j}].name", $"unknown guard '{guard.Name}'");
                }
            }

            for (var j = 0; j < action.Effects.Count; j++)
            {
                LintEffect(definition, action, target, j, $"{path}.effects[{j}]", error);
            }

            if (target is { Final: true })
            {
                LintResultaatSource(action, target, path, error);
            }
        }
    }

    private void LintActor(ActionDefinition action, string path, Action<string, string> error)
    {
        for (var k = 0; k < action.Roles.Count; k++)
        {
            var role = action.Roles[k];
            if (!_options.KnownRoles.Contains(role))
            {
                error($"{path}.roles[{k}]", $"unknown role '{role}'");
            }
            else if (role == AuditorRole)
            {
                error($"{path}.roles[{k}]", "role 'Auditor' reads only and may not act");
            }
        }

        if (action.Actor == ActorKind.System && (action.Roles.Count != 1 || action.Roles[0] != SystemRole))
        {
            error($"{path}.roles", $"a system action has the single role '{SystemRole}'");
        }

        if (action.Actor == ActorKind.Secretariat && string.IsNullOrEmpty(action.Body))
        {
            error(path, "actor 'secretariat' needs a 'body' (e.g. SBSD)");
        }

        if (action.Actor != ActorKind.Secretariat && action.Body is not null)
        {
            error($"{path}.body", "'body' is only for actor 'secretariat'");
        }

        if (action.BehandelaarOnly && action.Actor != ActorKind.Routed)
        {
            error($"{path}.behandelaarOnly", "'behandelaarOnly' is only for actor 'routed' (a behandelaar belongs to the organisation the case is routed to)");
        }

        if (action.Approval is { } approval)
        {
            if (action.Actor == ActorKind.System)
            {
                error($"{path}.approval", "a system action takes effect at once; 'approval' is for actions people take");
            }

            if (approval.Roles.Count == 0)
            {
                error($"{path}.approval.roles", "'approval' needs the roles that may confirm");
            }

            for (var k = 0; k < approval.Roles.Count; k++)
            {
                var role = approval.Roles[k];
                if (!_options.KnownRoles.Contains(role) || role is AuditorRole or SystemRole)
                {
                    error($"{path}.approval.roles[{k}]", $"'{role}' cannot confirm a proposal (unknown, or a role that does not act in person)");
                }
            }
        }
    }

    private static void LintInput(ActionDefinition action, string path, Action<string, string> error)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < action.Input.Fields.Count; k++)
        {
            var field = action.Input.Fields[k];
            var fieldPath = $"{path}.input.fields[{k}]";
            if (!names.Add(field.Name))
            {
                error($"{fieldPath}.name", $"duplicate field '{field.Name}'");
            }

            if (field.Type == InputFieldType.Choice && field.Choices.Count == 0)
            {
                error(fieldPath, $"choice field '{field.Name}' needs choices");
            }

            if (field.Type != InputFieldType.Choice && field.Choices.Count > 0)
            {
                error($"{fieldPath}.choices", $"only a choice field has choices; '{field.Name}' is not");
            }

            if (field.Type is not (InputFieldType.Number or InputFieldType.WholeNumber) && (field.Minimum is not null || field.Maximum is not null))
            {
                error(fieldPath, $"only a number or integer field has a minimum or maximum; '{field.Name}' is {field.Type.ToString().ToLowerInvariant()}");
            }

            if (field.Minimum > field.Maximum)
            {
                error($"{fieldPath}.minimum", $"minimum {field.Minimum} of '{field.Name}' is above its maximum {field.Maximum}");
            }
        }
    }

    private static void LintEffect(WorkflowDefinition definition, ActionDefinition action, StateDefinition? target, int index, string path, Action<string, string> error)
    {
        var effect = action.Effects[index];
        var spec = EffectCatalog.Find(effect.Name);
        if (spec is null)
        {
            error($"{path}.name", $"unknown effect '{effect.Name}'");
            return;
        }

        if (spec.Name == EffectCatalog.SetResultaat && target is { Final: false })
        {
            error(path, $"setResultaat belongs on an action into a final state; '{target.Id}' is not final");
        }

        foreach (var param in spec.Params.Where(p => p.Required && !effect.Params.ContainsKey(p.Name)))
        {
            error($"{path}.params", $"effect '{spec.Name}' needs parameter '{param.Name}'");
        }

        foreach (var (name, value) in effect.Params.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var paramPath = $"{path}.params.{name}";
            var param = spec.FindParam(name);
            if (param is null)
            {
                error(paramPath, $"effect '{spec.Name}' has no parameter '{name}'");
                continue;
            }

            var problem = CheckParam(definition, action, param, value);
            if (problem is not null)
            {
                error(paramPath, problem);
            }
        }
    }

    private static string? CheckParam(WorkflowDefinition definition, ActionDefinition action, EffectParam param, JsonElement value)
    {
        if (param.Kind == EffectParamKind.Days)
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var days) && days >= 0
                ? null
                : "must be a whole number of days, 0 or more";
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrEmpty(text))
        {
            return "must be a non-empty string";
        }

        switch (param.Kind)
        {
            case EffectParamKind.DeadlineKind when !DeadlineKinds.IsKnown(text):
                return $"unknown deadline kind '{text}' (known: {string.Join(", ", DeadlineKinds.All)})";
            case EffectParamKind.SystemActionId:
                var expiry = definition.FindAction(text);
                return expiry is null ? $"unknown action '{text}'"
                    : expiry.Actor != ActorKind.System ? $"action '{text}' is not a system action (actor 'system')"
                    : null;
            case EffectParamKind.RouteTarget when !RouteTargets.IsValid(text):
                return $"'{text}' is neither an organisation code nor a case role ({string.Join(", ", RouteTargets.CaseRoles)})";
            case EffectParamKind.InputField when !action.Input.Fields.Any(f => f.Name == text && f.Required):
                return $"action '{action.Id}' has no required input field '{text}'";
            case EffectParamKind.DefinitionId when !IsKebab(text):
                return $"'{text}' is not a definition id (kebab-case)";
            default:
                return null;
        }
    }

    private static void LintResultaatSource(ActionDefinition action, StateDefinition target, string path, Action<string, string> error)
    {
        var allowed = string.Join(", ", target.Resultaten);
        var setIndex = action.Effects.ToList().FindIndex(e => e.Name == EffectCatalog.SetResultaat);
        if (setIndex >= 0)
        {
            var effect = action.Effects[setIndex];
            if (effect.Params.TryGetValue("code", out var code) && code.ValueKind == JsonValueKind.String
                && !target.Resultaten.Contains(code.GetString()!, StringComparer.Ordinal))
            {
                error($"{path}.effects[{setIndex}].params.code", $"resultaat '{code.GetString()}' is not one of the resultaten of state '{target.Id}' ({allowed})");
            }

            return;
        }

        var fieldIndex = action.Input.Fields.ToList().FindIndex(f => f.Name == InputField.ResultaatField);
        if (fieldIndex < 0)
        {
            error(path, $"action '{action.Id}' enters final state '{target.Id}' without a resultaat: add a setResultaat effect or a required choice field 'resultaat'");
            return;
        }

        var field = action.Input.Fields[fieldIndex];
        var fieldPath = $"{path}.input.fields[{fieldIndex}]";
        if (field.Type != InputFieldType.Choice || !field.Required)
        {
            error(fieldPath, "field 'resultaat' must be a required choice");
        }

        for (var m = 0; m < field.Choices.Count; m++)
        {
            if (!target.Resultaten.Contains(field.Choices[m], StringComparer.Ordinal))
            {
                error($"{fieldPath}.choices[{m}]", $"resultaat '{field.Choices[m]}' is not one of the resultaten of state '{target.Id}' ({allowed})");
            }
        }
    }

    private static void LintGraph(WorkflowDefinition definition, Dictionary<string, StateDefinition> states, Action<string, string> error)
    {
        var edges = definition.Actions
            .SelectMany(a => a.From.Select(f => (From: f, a.To)))
            .Where(e => states.ContainsKey(e.From) && states.ContainsKey(e.To))
            .ToList();

        var reachable = Closure([definition.InitialState], s => edges.Where(e => e.From == s).Select(e => e.To));
        var reachesFinal = Closure(states.Values.Where(s => s.Final).Select(s => s.Id), s => edges.Where(e => e.To == s).Select(e => e.From));

        for (var i = 0; i < definition.States.Count; i++)
        {
            var state = definition.States[i];
            if (!ReferenceEquals(states.GetValueOrDefault(state.Id), state))
            {
                continue; // a duplicate, already reported
            }

            var path = $"$.states[{i}]";
            if (states.ContainsKey(definition.InitialState) && !reachable.Contains(state.Id))
            {
                error(path, $"state '{state.Id}' is not reachable from the initial state '{definition.InitialState}'");
            }

            if (state.Final)
            {
                continue;
            }

            if (!edges.Any(e => e.From == state.Id))
            {
                error(path, $"state '{state.Id}' is not final and has no way out: no action leaves it");
            }
            else if (!reachesFinal.Contains(state.Id))
            {
                error(path, $"state '{state.Id}' can never reach a final state");
            }
        }
    }

    private static HashSet<string> Closure(IEnumerable<string> start, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var current))
        {
            foreach (var n in next(current))
            {
                if (seen.Add(n))
                {
                    queue.Enqueue(n);
                }
            }
        }

        return seen;
    }

    private static bool IsKebab(string value) =>
        value.Length > 0 && char.IsAsciiLetterLower(value[0]) && !value.EndsWith('-') && !value.Contains("--", StringComparison.Ordinal)
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
