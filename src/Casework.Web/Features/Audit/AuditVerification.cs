using Casework.Domain.Access;
using Casework.Domain.Cases;
using Casework.Web.Api;
using Casework.Web.Infrastructure.Auth;
using Casework.Web.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Audit;

public sealed record AuditVerificationDto(bool Intact, int Streams, int Events, DateTimeOffset? CheckpointAt, IReadOnlyList<AuditChainBreak> Breaks);

public sealed record VerifyAuditQuery : IQuery<AuditVerificationDto>;

public sealed record TakeAuditCheckpointCommand : ICommand<AuditCheckpointDto>;

public sealed record AuditCheckpointDto(long Id, DateTimeOffset At, int Streams, string Hash);

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

internal sealed class AuditHandlers(AuditVerifier verifier, ICurrentActor current) :
    IQueryHandler<VerifyAuditQuery, AuditVerificationDto>,
    ICommandHandler<TakeAuditCheckpointCommand, AuditCheckpointDto>
{
    public async ValueTask<AuditVerificationDto> Handle(VerifyAuditQuery query, CancellationToken cancellationToken)
    {
        EnsureAuditor();
        return await verifier.VerifyAsync(cancellationToken);
    }

    public async ValueTask<AuditCheckpointDto> Handle(TakeAuditCheckpointCommand command, CancellationToken cancellationToken)
    {
        EnsureAuditor();
        var checkpoint = await verifier.TakeCheckpointAsync(cancellationToken);
        return new AuditCheckpointDto(checkpoint.Id, checkpoint.At, checkpoint.ReadHeads().Count, checkpoint.Hash);
    }

    private void EnsureAuditor()
    {
        var roles = current.Actor.Roles;
        if (!roles.Contains(Role.Auditor) && !roles.Contains(Role.Beheerder))
        {
            throw ApiProblemException.Of(ProblemTypes.Forbidden, "Alleen een auditor of beheerder controleert de audittrail.");
        }
    }
}

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization();
        group.MapGet("/verification", (IMediator mediator, CancellationToken ct) => mediator.Send(new VerifyAuditQuery(), ct))
            .WithName("verifyAudit")
            .WithSummary("Controleert de hashketens van de audittrail (gewijzigde, ingevoegde en verwijderde gebeurtenissen)")
            .Produces<AuditVerificationDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/checkpoints", (IMediator mediator, CancellationToken ct) => mediator.Send(new TakeAuditCheckpointCommand(), ct))
            .WithName("takeAuditCheckpoint")
            .WithSummary("Legt de koppen van alle auditstromen vast, zodat ook het verwijderen van een hele stroom opvalt")
            .Produces<AuditCheckpointDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }
}
