using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Casework.Domain.Cases;

/// <summary>
/// A periodic record of every audit stream's head (sequence + hash). Deleting a stream's last events, or a
/// whole stream, leaves the chain itself consistent; comparing with the latest checkpoint reveals it.
/// Checkpoints are chained to each other the same way events are.
/// </summary>
public sealed class AuditCheckpoint
{
    private AuditCheckpoint()
    {
        Heads = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>JSON array of <see cref="StreamHead"/>, ordered by stream.</summary>
    public string Heads { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    public IReadOnlyList<StreamHead> ReadHeads() => JsonSerializer.Deserialize<List<StreamHead>>(Heads, JsonSerializerOptions.Web) ?? [];

    public static AuditCheckpoint Take(IEnumerable<StreamHead> heads, string previousHash, DateTimeOffset at)
    {
        var json = JsonSerializer.Serialize(heads.OrderBy(h => h.Stream, StringComparer.Ordinal).ToList(), JsonSerializerOptions.Web);
        var checkpoint = new AuditCheckpoint { At = AuditEvent.Truncate(at), Heads = json, PreviousHash = previousHash };
        checkpoint.Hash = checkpoint.ComputeHash();
        return checkpoint;
    }

    public string ComputeHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{PreviousHash}\u001f{At.UtcTicks}\u001f{Heads}")));
}

/// <summary>A workflow definition version as first registered: a published version is immutable.</summary>
public sealed record PublishedDefinition(string DefinitionId, int Version, string ContentHash, DateTimeOffset RegisteredAt);

/// <summary>Next number for human-readable case references, per prefix and year (e.g. <c>WBI-2026</c>).</summary>
public sealed class CaseReferenceCounter
{
    private CaseReferenceCounter()
    {
        Key = string.Empty;
    }

    public CaseReferenceCounter(string key)
    {
        Key = key;
        Next = 1;
    }

    public string Key { get; private set; }

    public int Next { get; private set; }

    public int Take() => Next++;
}

/// <summary>A link between two cases: a knelpunt that came from a vastloper, a duplicate, a related case.</summary>
public sealed record CaseLink(Guid FromCaseId, Guid ToCaseId, string Kind, DateTimeOffset At, string? Reason)
{
    public const string AfgeleidVan = "afgeleid-van";
    public const string DuplicaatVan = "duplicaat-van";
    public const string Gerelateerd = "gerelateerd";
    public const string HerkansingVan = "herkansing-van";
}
