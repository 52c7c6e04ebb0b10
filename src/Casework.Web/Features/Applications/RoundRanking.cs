using System.Text.Json;
using Casework.Domain.Funding;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Features.Applications;

/// <summary>A person's order of tied applications in a round (application ids, best first).</summary>
internal sealed class RoundTieBreak
{
    private RoundTieBreak()
    {
        OrderJson = "[]";
        DecidedBy = string.Empty;
    }

    public RoundTieBreak(Guid trancheId, IReadOnlyList<Guid> order, string decidedBy, DateTimeOffset decidedAt)
    {
        TrancheId = trancheId;
        OrderJson = JsonSerializer.Serialize(order);
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
    }

    public Guid TrancheId { get; private set; }

    public string OrderJson { get; private set; }

    public string DecidedBy { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public IReadOnlyList<Guid> Order => JsonSerializer.Deserialize<List<Guid>>(OrderJson) ?? [];

    public void Replace(IReadOnlyList<Guid> order, string decidedBy, DateTimeOffset decidedAt)
    {
        OrderJson = JsonSerializer.Serialize(order);
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
    }
}

/// <summary>
/// The ranking of a round: its positively advised, scored, not withdrawn applications by exact total score,
/// with the person's tie-break order applied. Candidates are referenced by application id.
/// </summary>
internal static class RoundRanking
{
    public static async Task<Ranking> LoadAsync(CaseworkDbContext db, Guid trancheId, CancellationToken ct)
    {
        var candidates = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.TrancheId == trancheId && a.Advice == CommitteeAdvice.Positief && a.TotalScore != null)
            .Join(db.Cases, a => a.Id, c => c.Id, (a, c) => new { a.Id, a.ApplicantCbsCode, a.RequestedAmount, a.TotalScore, c.State })
            .Where(x => x.State != AdmissionContextLoader.Withdrawn)
            .ToListAsync(ct);
        var tieBreak = await db.Set<RoundTieBreak>().AsNoTracking().FirstOrDefaultAsync(t => t.TrancheId == trancheId, ct);
        return Ranking.Rank(
            candidates.Select(c => new RankingCandidate(c.Id.ToString(), c.ApplicantCbsCode, c.RequestedAmount, c.TotalScore!.Value)),
            tieBreak?.Order.Select(id => id.ToString()).ToList());
    }
}
