using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// Awards in rank order until the ceiling: full awards while the money lasts, a partial award for the first
/// application that fits only partly, "plafond bereikt" for the rest. Where the rule set says one award per
/// gemeente (VHF 2021), a gemeente's lower-ranked applications are rejected once it has an award. Where the rule
/// set reserves part of the ceiling for a category (WBI T6: student housing), that part goes first to the category's
/// applications in rank order. Pure: the caller commits the awards on the round's ledger.
/// </summary>
public static class Allocator
{
    private const string TieSource = "Ontwerpkeuze: gelijke totaalscores worden door een persoon geordend";

    public static AllocationResult Allocate(
        Ranking ranked,
        Money ceiling,
        Money alreadyCommitted,
        FundingRuleSet ruleSet,
        IReadOnlyCollection<string>? gemeentenAlreadyAwarded = null,
        Money? priorityBudgetAlreadyUsed = null)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (ceiling.IsNegative || alreadyCommitted.IsNegative || alreadyCommitted > ceiling)
        {
            throw new ArgumentOutOfRangeException(
                nameof(alreadyCommitted), $"Committed {alreadyCommitted} must lie between zero and the ceiling {ceiling}.");
        }

        if (ranked.Applications.Any(a => a.RequestedAmount.IsNegative))
        {
            throw new ArgumentException("A requested amount cannot be negative.", nameof(ranked));
        }

        var oneAward = ruleSet.OneAwardPerGemeente?.Value == true;
        var awarded = new HashSet<string>(gemeentenAlreadyAwarded ?? [], StringComparer.OrdinalIgnoreCase);
        var available = ceiling - alreadyCommitted;
        var outcomes = new Dictionary<string, AllocationOutcome>(StringComparer.Ordinal);

        if (ruleSet.PriorityBudget is { } reserved)
        {
            // The reservation first, for its category only and in rank order; it never exceeds what is left of the
            // ceiling. Full awards only: an application it cannot carry whole competes for the rest below.
            var pot = Money.Min(NotBelowZero(reserved.Amount - (priorityBudgetAlreadyUsed ?? Money.Zero)), available);
            foreach (var group in Groups(ranked.Applications.Where(a => a.Candidate.QualifiesForPriorityBudget).ToList()))
            {
                RefuseTieThatDecidesMoney(group, pot, oneAward, awarded);
                foreach (var application in group)
                {
                    if ((oneAward && awarded.Contains(application.GemeenteCbsCode)) || application.RequestedAmount > pot)
                    {
                        continue;
                    }

                    outcomes[application.ApplicationReference] = new FullAward(application.RequestedAmount);
                    pot -= application.RequestedAmount;
                    available -= application.RequestedAmount;
                    awarded.Add(application.GemeenteCbsCode);
                }
            }
        }

        foreach (var group in Groups(ranked.Applications.Where(a => !outcomes.ContainsKey(a.ApplicationReference)).ToList()))
        {
            RefuseTieThatDecidesMoney(group, available, oneAward, awarded);
            foreach (var application in group)
            {
                AllocationOutcome outcome;
                if (oneAward && awarded.Contains(application.GemeenteCbsCode))
                {
                    outcome = new Rejected("EEN-UITKERING-PER-GEMEENTE", Rejected.OneAwardPerGemeente);
                }
                else if (application.RequestedAmount <= available)
                {
                    outcome = new FullAward(application.RequestedAmount);
                }
                else if (available > Money.Zero)
                {
                    outcome = new PartialAward(available, application.RequestedAmount);
                }
                else
                {
                    outcome = new Rejected("PLAFOND-BEREIKT", Rejected.CeilingReached);
                }

                if (outcome is FullAward or PartialAward)
                {
                    available -= outcome.Amount;
                    awarded.Add(application.GemeenteCbsCode);
                }

                outcomes[application.ApplicationReference] = outcome;
            }
        }

        return new AllocationResult(ranked.Applications.Select(a => new Allocation(a, outcomes[a.ApplicationReference])).ToList());
    }

    private static Money NotBelowZero(Money amount) => amount.IsNegative ? Money.Zero : amount;

    private static void RefuseTieThatDecidesMoney(List<RankedApplication> group, Money available, bool oneAward, HashSet<string> awarded)
    {
        if (group.Count > 1 && OutcomeDependsOnOrder(group, available, oneAward, awarded))
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "RANGSCHIKKING-GELIJKE-SCORE",
                $"De aanvragen {string.Join(", ", group.Select(a => a.ApplicationReference))} hebben dezelfde totaalscore " +
                $"({Dutch.Number(group[0].RankingScore)}) en hun volgorde bepaalt wie geld krijgt; een persoon moet ze eerst ordenen.",
                TieSource));
        }
    }

    /// <summary>Consecutive applications sharing an unresolved tie form one group; every other one stands alone.</summary>
    private static IEnumerable<List<RankedApplication>> Groups(List<RankedApplication> applications)
    {
        var i = 0;
        while (i < applications.Count)
        {
            var group = new List<RankedApplication> { applications[i] };
            while (applications[i].TieUnresolved && i + group.Count < applications.Count
                && applications[i + group.Count].TieUnresolved
                && applications[i + group.Count].Position == applications[i].Position)
            {
                group.Add(applications[i + group.Count]);
            }

            yield return group;
            i += group.Count;
        }
    }

    private static bool OutcomeDependsOnOrder(
        List<RankedApplication> tie, Money available, bool oneAward, HashSet<string> awarded)
    {
        var eligible = oneAward ? tie.Where(a => !awarded.Contains(a.GemeenteCbsCode)).ToList() : tie;
        if (oneAward && eligible.GroupBy(a => a.GemeenteCbsCode, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            return true;
        }

        var together = eligible.Aggregate(Money.Zero, (sum, a) => sum + a.RequestedAmount);
        return available > Money.Zero && together > available;
    }
}
