namespace Casework.Domain.Cases;

/// <summary>A break in the audit chain, said so an auditor can find it.</summary>
public sealed record AuditChainBreak(string Stream, long Sequence, string Kind, string Message);

/// <summary>A recorded head of one stream, taken by a checkpoint.</summary>
public sealed record StreamHead(string Stream, long Sequence, string Hash);

/// <summary>
/// Checks one stream's events (ordered by sequence): each hash recomputes, each event points at its
/// predecessor's hash, and sequences run 1, 2, 3 ... without gaps or duplicates. Against a checkpoint,
/// a stream must still reach the recorded head with the recorded hash.
/// </summary>
public static class AuditChainVerifier
{
    public static IReadOnlyList<AuditChainBreak> VerifyStream(string stream, IReadOnlyList<AuditEvent> events, StreamHead? checkpointHead = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var breaks = new List<AuditChainBreak>();
        var previousHash = AuditEvent.GenesisHash;
        long expected = 1;
        foreach (var e in events)
        {
            if (e.Sequence != expected)
            {
                breaks.Add(new AuditChainBreak(stream, e.Sequence, "sequence", e.Sequence > expected
                    ? $"Gebeurtenis {expected} tot {e.Sequence - 1} ontbreekt (verwijderd)."
                    : $"Gebeurtenis {e.Sequence} komt dubbel of in de verkeerde volgorde voor (ingevoegd)."));
            }

            if (e.PreviousHash != previousHash)
            {
                breaks.Add(new AuditChainBreak(stream, e.Sequence, "link", $"Gebeurtenis {e.Sequence} verwijst niet naar de hash van haar voorganger (ingevoegd of verwijderd)."));
            }

            if (e.ComputeHash() != e.Hash)
            {
                breaks.Add(new AuditChainBreak(stream, e.Sequence, "content", $"Gebeurtenis {e.Sequence} is gewijzigd: de inhoud past niet meer bij de hash."));
            }

            previousHash = e.Hash;
            expected = e.Sequence + 1;
        }

        if (checkpointHead is not null)
        {
            var atHead = events.FirstOrDefault(e => e.Sequence == checkpointHead.Sequence);
            if (atHead is null)
            {
                breaks.Add(new AuditChainBreak(stream, checkpointHead.Sequence, "checkpoint", $"Het controlepunt kende gebeurtenis {checkpointHead.Sequence}; die ontbreekt nu (verwijderd)."));
            }
            else if (atHead.Hash != checkpointHead.Hash)
            {
                breaks.Add(new AuditChainBreak(stream, checkpointHead.Sequence, "checkpoint", $"Gebeurtenis {checkpointHead.Sequence} heeft een andere hash dan bij het controlepunt (herschreven)."));
            }
        }

        return breaks;
    }
}
