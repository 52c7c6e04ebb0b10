using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Casework.Domain.Cases;

/// <summary>
/// An append-only audit event (ZGW audittrail: source, user, action, result, old/new values). Events are
/// hash-chained per stream (a case, or a named stream such as <c>auth</c>), not globally: a single global
/// "previous hash" would serialise every write of every host. Changing, inserting or deleting an event
/// breaks the chain; checkpoints of all stream heads catch the deletion of a stream's tail or a whole stream.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        Stream = string.Empty;
        ActorUserId = string.Empty;
        ActorOrganisation = string.Empty;
        Action = string.Empty;
        ObjectType = string.Empty;
        ObjectId = string.Empty;
        Result = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    public long Id { get; private set; }

    public string Stream { get; private set; }

    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorUserId { get; private set; }

    public string ActorOrganisation { get; private set; }

    public string Action { get; private set; }

    public string ObjectType { get; private set; }

    public string ObjectId { get; private set; }

    /// <summary><c>ok</c>, <c>refused</c>, ...</summary>
    public string Result { get; private set; }

    public string? OldValues { get; private set; }

    public string? NewValues { get; private set; }

    public string? Reason { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static AuditEvent Append(
        string stream,
        long sequence,
        string previousHash,
        DateTimeOffset at,
        string actorUserId,
        string actorOrganisation,
        string action,
        string objectType,
        string objectId,
        string result,
        object? oldValues,
        object? newValues,
        string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var e = new AuditEvent
        {
            Stream = stream,
            Sequence = sequence,
            PreviousHash = previousHash,
            At = Truncate(at),
            ActorUserId = actorUserId,
            ActorOrganisation = actorOrganisation,
            Action = action,
            ObjectType = objectType,
            ObjectId = objectId,
            Result = result,
            OldValues = oldValues is null ? null : JsonSerializer.Serialize(oldValues, JsonOptions),
            NewValues = newValues is null ? null : JsonSerializer.Serialize(newValues, JsonOptions),
            Reason = reason,
        };
        e.Hash = e.ComputeHash();
        return e;
    }

    /// <summary>SHA-256 over the previous hash and every recorded field, in a fixed order.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join(
            '\u001f',
            Stream,
            Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PreviousHash,
            At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ActorUserId,
            ActorOrganisation,
            Action,
            ObjectType,
            ObjectId,
            Result,
            OldValues ?? "\u2400",
            NewValues ?? "\u2400",
            Reason ?? "\u2400");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Whole milliseconds in UTC: every store keeps them exactly (SQLite's binary DateTimeOffset keeps only
    /// 0.1 ms), so the hash over the instant recomputes after a round trip.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
