using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// A positively advised application with its total score, ready to be ranked. <see cref="PriorityPoints"/> (VHF from
/// round 4) count in the ranking on top of the committee's total; <see cref="QualifiesForPriorityBudget"/> marks an
/// application of the category a round reserves part of its ceiling for (WBI T6: student housing).
/// </summary>
public sealed record RankingCandidate(string ApplicationReference, string GemeenteCbsCode, Money RequestedAmount, decimal TotalScore)
{
    public decimal PriorityPoints { get; init; }

    public bool QualifiesForPriorityBudget { get; init; }

    /// <summary>What the ranking orders by: the committee's total plus any priority points.</summary>
    public decimal RankingScore => TotalScore + PriorityPoints;
}

/// <summary>
/// One place in the ranking. Applications in an unresolved tie share a position and carry
/// <see cref="TieUnresolved"/> until a person orders them.
/// </summary>
public sealed record RankedApplication(int Position, RankingCandidate Candidate, bool TieUnresolved)
{
    public string ApplicationReference => Candidate.ApplicationReference;

    public string GemeenteCbsCode => Candidate.GemeenteCbsCode;

    public Money RequestedAmount => Candidate.RequestedAmount;

    public decimal TotalScore => Candidate.TotalScore;

    public decimal RankingScore => Candidate.RankingScore;
}

/// <summary>
/// Positively advised applications in descending order of their exact total score plus priority points. Equal totals are a tie
/// that a person resolves (design choice, docs/domain.md, case type 2): pass the references in the order decided; a tie whose
/// members are not all in that order stays flagged.
/// </summary>
public sealed class Ranking
{
    private Ranking(IReadOnlyList<RankedApplication> applications)
    {
        Applications = applications;
    }

    public IReadOnlyList<RankedApplication> Applications { get; }

    public bool HasUnresolvedTies => Applications.Any(a => a.TieUnresolved);

    public static Ranking Rank(IEnumerable<RankingCandidate> candidates, IReadOnlyList<string>? tieBreakOrder = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.ToList();
        var duplicate = list.GroupBy(c => c.ApplicationReference, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Application {duplicate.Key} appears more than once.", nameof(candidates));
        }

        var order = (tieBreakOrder ?? [])
            .Select((reference, index) => (reference, index))
            .ToDictionary(x => x.reference, x => x.index, StringComparer.Ordinal);

        var ranked = new List<RankedApplication>();
        foreach (var group in list.GroupBy(c => c.RankingScore).OrderByDescending(g => g.Key))
        {
            var members = group.ToList();
            var resolved = members.Count == 1 || members.All(m => order.ContainsKey(m.ApplicationReference));
            if (resolved)
            {
                foreach (var member in members.OrderBy(m => order.GetValueOrDefault(m.ApplicationReference)))
                {
                    ranked.Add(new RankedApplication(ranked.Count + 1, member, TieUnresolved: false));
                }
            }
            else
            {
                var sharedPosition = ranked.Count + 1;
                foreach (var member in members.OrderBy(m => m.ApplicationReference, StringComparer.Ordinal))
                {
                    ranked.Add(new RankedApplication(sharedPosition, member, TieUnresolved: true));
                }
            }
        }

        return new Ranking(ranked);
    }
}
