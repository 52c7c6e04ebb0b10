using Casework.Workflows.Guards;

namespace Casework.Web.Features.Workflows;

/// <summary>
/// Facts for guards, read from the command's own DbContext (so inside its transaction). Features register
/// loaders by key (<see cref="ICaseFactLoader"/>); a key nobody loads yields null, and guards treat a
/// missing fact as "not met" (fail closed).
/// </summary>
internal sealed class CaseFacts(IEnumerable<ICaseFactLoader> loaders) : IGuardFacts
{
    private readonly Dictionary<string, object?> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ICaseFactLoader> _loaders = loaders.SelectMany(l => l.Keys.Select(k => (k, l))).ToDictionary(p => p.k, p => p.l, StringComparer.Ordinal);

    public Guid CaseId { get; private set; }

    /// <summary>
    /// Starts one evaluation for a case: its guards share what they load, but nothing carries over to the next
    /// evaluation, because a command may change the facts in between (an award commits the round's money, then
    /// fires the transition whose guard asks whether it did).
    /// </summary>
    public void Begin(Guid caseId)
    {
        CaseId = caseId;
        _cache.Clear();
    }

    public async ValueTask<T?> GetAsync<T>(string key, CancellationToken ct)
    {
        if (!_cache.TryGetValue(key, out var value))
        {
            value = _loaders.TryGetValue(key, out var loader) ? await loader.LoadAsync(CaseId, key, ct) : null;
            _cache[key] = value;
        }

        return value is T typed ? typed : default;
    }
}

/// <summary>Loads named facts about a case for guards (registered by the feature that owns the data).</summary>
public interface ICaseFactLoader
{
    IReadOnlyCollection<string> Keys { get; }

    ValueTask<object?> LoadAsync(Guid caseId, string key, CancellationToken ct);
}
