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
/// The ranking of a round: its positively advised, scored, not withdrawn applications by exact total score plus the
/// priority points the round's rule set gives (VHF from round 4), with the person's tie-break order applied, each
/// marked when it belongs to the category the round reserves money for (WBI T6: student housing).
/// Candidates are referenced by application id.
/// </summary>
internal static class RoundRanking
{
    public static async Task<Ranking> LoadAsync(CaseworkDbContext db, Guid trancheId, CancellationToken ct)
    {
        var tranche = await db.Set<Tranche>().AsNoTracking().FirstAsync(t => t.Id == trancheId, ct);
        var ruleSet = tranche.RuleSet;
        var candidates = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.TrancheId == trancheId && a.Advice == CommitteeAdvice.Positief && a.TotalScore != null)
            .Join(db.Cases, a => a.Id, c => c.Id, (a, c) => new { a.Id, a.ApplicantCbsCode, a.RequestedAmount, a.TotalScore, a.Advice, a.StudentHousing, c.Resultaat })
            .Where(x => x.Resultaat == null || x.Resultaat != AdmissionContextLoader.Withdrawn)
            .ToListAsync(ct);
        var history = ruleSet.PriorityPoints is null
            ? []
            : await EarlierRecordAsync(db, tranche, candidates.Select(c => c.ApplicantCbsCode).Distinct().ToList(), ct);
        var reserved = ruleSet.PriorityBudget?.Category;
        var tieBreak = await db.Set<RoundTieBreak>().AsNoTracking().FirstOrDefaultAsync(t => t.TrancheId == trancheId, ct);
        return Ranking.Rank(
            candidates.Select(c =>
            {
                var earlier = history.GetValueOrDefault(c.ApplicantCbsCode);
                var points = PriorityPoints.For(ruleSet, new PriorityPointsFacts(c.Advice, c.TotalScore!.Value, earlier.HasAward, earlier.ScoredSufficient));
                return new RankingCandidate(c.Id.ToString(), c.ApplicantCbsCode, c.RequestedAmount, c.TotalScore!.Value)
                {
                    PriorityPoints = points,
                    QualifiesForPriorityBudget = reserved == PriorityCategory.StudentHousing && c.StudentHousing,
                };
            }),
            tieBreak?.Order.Select(id => id.ToString()).ToList());
    }

    /// <summary>
    /// Per gemeente, its record in the regeling's earlier rounds (those that opened before this one; a round without
    /// an opening counts as earlier than one with): any award, and any application that scored "voldoende" (a
    /// positive advice). Only what this system knows counts.
    /// </summary>
    private static async Task<Dictionary<string, (bool HasAward, bool ScoredSufficient)>> EarlierRecordAsync(
        CaseworkDbContext db, Tranche tranche, List<string> gemeenten, CancellationToken ct)
    {
        var rounds = await db.Set<Tranche>().AsNoTracking().Where(t => t.Regeling == tranche.Regeling && t.Id != tranche.Id)
            .Select(t => new { t.Id, t.OpensAt }).ToListAsync(ct);
        var earlier = rounds
            .Where(t => tranche.OpensAt is { } opens && (t.OpensAt is null || t.OpensAt < opens))
            .Select(t => t.Id).ToList();
        var rows = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => earlier.Contains(a.TrancheId) && gemeenten.Contains(a.ApplicantCbsCode))
            .Select(a => new { a.ApplicantCbsCode, a.Advice, a.AwardedAmount })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ApplicantCbsCode, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (g.Any(r => r.AwardedAmount is not null), g.Any(r => r.Advice == CommitteeAdvice.Positief)),
            StringComparer.Ordinal);
    }
}
