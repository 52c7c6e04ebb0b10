using System.Text.Json;
using Casework.Workflows.Engine;

namespace Casework.Workflows.Guards;

/// <summary>
/// A named condition a definition may put on an action. Implementations live in the host (they read
/// facts through <see cref="GuardInvocation.Facts"/>); the definition refers to them by <see cref="Name"/>.
/// </summary>
public interface IWorkflowGuard
{
    string Name { get; }

    ValueTask<GuardOutcome> EvaluateAsync(GuardInvocation invocation, CancellationToken ct);
}

/// <summary>Everything a guard may look at. <see cref="Params"/> are the definition's parameters for this use.</summary>
public sealed record GuardInvocation(
    string ActionId,
    IReadOnlyDictionary<string, JsonElement> Params,
    CaseSnapshot Case,
    Actor Actor,
    ActionInput Input,
    IGuardFacts Facts)
{
    public string? GetStringParam(string name) =>
        Params.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>
/// Facts about the case and its surroundings (round rules, scores, agenda, herstel history) that guards
/// need. The caller supplies it, so the engine does no I/O: the host implements it over the command's
/// DbContext (loading a fact on first request, inside the transaction), tests over a dictionary.
/// Keys are the contract between a guard and the host, e.g. <c>herstel.geboden</c>; a missing fact is null.
/// Async because the host's implementation reads the database lazily; an in-memory one completes synchronously.
/// </summary>
public interface IGuardFacts
{
    ValueTask<T?> GetAsync<T>(string key, CancellationToken ct);
}

/// <summary>Facts held in memory: for tests, and for hosts that load all facts up front.</summary>
public sealed class DictionaryGuardFacts : IGuardFacts
{
    private readonly IReadOnlyDictionary<string, object?> _facts;

    public DictionaryGuardFacts(IReadOnlyDictionary<string, object?> facts)
    {
        _facts = facts;
    }

    public static DictionaryGuardFacts Empty { get; } = new(new Dictionary<string, object?>());

    public ValueTask<T?> GetAsync<T>(string key, CancellationToken ct)
    {
        if (!_facts.TryGetValue(key, out var value) || value is null)
        {
            return ValueTask.FromResult(default(T));
        }

        return value is T typed
            ? ValueTask.FromResult<T?>(typed)
            : throw new InvalidCastException($"Fact '{key}' is a {value.GetType().Name}, not a {typeof(T).Name}.");
    }
}

/// <summary>One rule a guard found broken: the domain's stable code (e.g. <c>WBI-MIN-WONINGEN</c>), a Dutch message and the legal source.</summary>
public sealed record GuardFailure(string Code, string Message, string? Source = null);

/// <summary>
/// A guard's verdict: passed, or failed with every rule it found broken, each with its own code and source, so
/// that a refusal names all of them at once.
/// </summary>
public sealed record GuardOutcome
{
    private GuardOutcome(IReadOnlyList<GuardFailure> failures)
    {
        Failures = failures;
    }

    public static GuardOutcome Pass { get; } = new([]);

    public bool Passed => Failures.Count == 0;

    public IReadOnlyList<GuardFailure> Failures { get; }

    public static GuardOutcome Fail(string code, string message, string? source = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new GuardOutcome([new GuardFailure(code, message, source)]);
    }

    /// <summary>Fails with each of <paramref name="failures"/>; passes when there are none.</summary>
    public static GuardOutcome FailAll(IEnumerable<GuardFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var list = failures.ToList();
        foreach (var failure in list)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(failure.Code);
            ArgumentException.ThrowIfNullOrWhiteSpace(failure.Message);
        }

        return list.Count == 0 ? Pass : new GuardOutcome(list);
    }
}

/// <summary>The guards the host has registered, by name.</summary>
public interface IGuardRegistry
{
    IReadOnlyCollection<string> Names { get; }

    IWorkflowGuard? Find(string name);
}

/// <summary>Registry over the guards the host provides (e.g. all <see cref="IWorkflowGuard"/> services from DI).</summary>
public sealed class GuardRegistry : IGuardRegistry
{
    private readonly Dictionary<string, IWorkflowGuard> _guards = new(StringComparer.Ordinal);

    public GuardRegistry(IEnumerable<IWorkflowGuard> guards)
    {
        ArgumentNullException.ThrowIfNull(guards);
        foreach (var guard in guards)
        {
            if (!_guards.TryAdd(guard.Name, guard))
            {
                throw new ArgumentException($"Two guards are registered under the name '{guard.Name}'.", nameof(guards));
            }
        }
    }

    public IReadOnlyCollection<string> Names => _guards.Keys;

    public IWorkflowGuard? Find(string name) => _guards.GetValueOrDefault(name);
}
