using Casework.Domain.Cases;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Audit;

public sealed record AuditVerificationDto(bool Intact, int Streams, int Events, DateTimeOffset? CheckpointAt, IReadOnlyList<AuditChainBreak> Breaks);

/// <summary>
/// Verifies every audit stream: recomputed hashes, links and sequences, and against the latest checkpoint
/// (a stream whose tail or whole self was deleted is found there). Also used by the CLI command.
/// </summary>
internal sealed class AuditVerifier(CaseworkDbContext db, TimeProvider time)
{
    public async Task<AuditVerificationDto> VerifyAsync(CancellationToken ct)
    {
        var events = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Stream).ThenBy(e => e.Sequence).ToListAsync(ct);
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var breaks = new List<AuditChainBreak>();

        var previous = AuditEvent.GenesisHash;
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.PreviousHash != previous || checkpoint.ComputeHash() != checkpoint.Hash)
            {
                breaks.Add(new AuditChainBreak("checkpoints", checkpoint.Id, "checkpoint", $"Controlepunt {checkpoint.Id} is gewijzigd of de keten van controlepunten is onderbroken."));
            }

            previous = checkpoint.Hash;
        }

        var latest = checkpoints.LastOrDefault();
        var heads = latest?.ReadHeads().ToDictionary(h => h.Stream, StringComparer.Ordinal) ?? [];
        var byStream = events.GroupBy(e => e.Stream).ToDictionary(g => g.Key, g => (IReadOnlyList<AuditEvent>)g.ToList(), StringComparer.Ordinal);
        foreach (var (stream, streamEvents) in byStream)
        {
            breaks.AddRange(AuditChainVerifier.VerifyStream(stream, streamEvents, heads.GetValueOrDefault(stream)));
        }

        foreach (var head in heads.Values.Where(h => !byStream.ContainsKey(h.Stream)))
        {
            breaks.Add(new AuditChainBreak(head.Stream, head.Sequence, "checkpoint", $"De stroom {head.Stream} stond in het controlepunt met {head.Sequence} gebeurtenissen maar is verdwenen (verwijderd)."));
        }

        return new AuditVerificationDto(breaks.Count == 0, byStream.Count, events.Count, latest?.At, breaks);
    }

    public async Task<AuditCheckpoint> TakeCheckpointAsync(CancellationToken ct)
    {
        var heads = await db.AuditEvents.AsNoTracking()
            .GroupBy(e => e.Stream)
            .Select(g => g.OrderByDescending(e => e.Sequence).Select(e => new { e.Stream, e.Sequence, e.Hash }).First())
            .ToListAsync(ct);
        var previous = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Id).Select(c => c.Hash).FirstOrDefaultAsync(ct) ?? AuditEvent.GenesisHash;
        var checkpoint = AuditCheckpoint.Take(heads.Select(h => new StreamHead(h.Stream, h.Sequence, h.Hash)), previous, time.GetUtcNow());
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(ct);
        return checkpoint;
    }
}
