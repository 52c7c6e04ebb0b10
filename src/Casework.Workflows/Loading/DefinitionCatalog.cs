using System.Globalization;

namespace Casework.Workflows.Loading;

/// <summary>A version registered earlier (e.g. in the database) with the content hash it was published with.</summary>
public sealed record PublishedVersion(string DefinitionId, int Version, string ContentHash);

/// <summary>The loaded definitions by (definitionId, version). Versions coexist; a case runs on the one it pinned.</summary>
public sealed class DefinitionCatalog
{
    private readonly Dictionary<(string Id, int Version), LoadedDefinition> _byKey = [];

    public DefinitionCatalog(IEnumerable<LoadedDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        foreach (var loaded in definitions)
        {
            var key = (loaded.Definition.DefinitionId, loaded.Definition.Version);
            if (!_byKey.TryAdd(key, loaded))
            {
                throw new ArgumentException($"Definition '{key.DefinitionId}' version {key.Version} is registered twice ({_byKey[key].File}, {loaded.File}).", nameof(definitions));
            }
        }
    }

    public IReadOnlyList<LoadedDefinition> All =>
        [.. _byKey.Values.OrderBy(d => d.Definition.DefinitionId, StringComparer.Ordinal).ThenBy(d => d.Definition.Version)];

    public LoadedDefinition? Find(string definitionId, int version) => _byKey.GetValueOrDefault((definitionId, version));

    public LoadedDefinition? FindLatest(string definitionId) =>
        _byKey.Values.Where(d => d.Definition.DefinitionId == definitionId).MaxBy(d => d.Definition.Version);

    public IReadOnlyList<LoadedDefinition> Versions(string definitionId) =>
        [.. _byKey.Values.Where(d => d.Definition.DefinitionId == definitionId).OrderBy(d => d.Definition.Version)];

    /// <summary>
    /// A published version is immutable: every loaded definition whose (id, version) was published with
    /// another content hash is an error. The host records new versions' hashes and refuses to start on any error.
    /// </summary>
    public IReadOnlyList<LintError> CheckAgainstPublished(IEnumerable<PublishedVersion> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var errors = new List<LintError>();
        foreach (var version in published)
        {
            var loaded = Find(version.DefinitionId, version.Version);
            if (loaded is not null && !string.Equals(loaded.ContentHash, version.ContentHash, StringComparison.Ordinal))
            {
                errors.Add(new LintError(loaded.File, "$.version", string.Create(CultureInfo.InvariantCulture,
                    $"definition '{version.DefinitionId}' version {version.Version} was published with content hash {version.ContentHash}, but this file hashes to {loaded.ContentHash}: a published version is immutable, add a new version instead")));
            }
        }

        return errors;
    }
}
