using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>Identity of a round's ledger.</summary>
public readonly record struct RoundBudgetId(Guid Value)
{
    public static RoundBudgetId New() => new(Guid.NewGuid());
}

/// <summary>
/// The money ledger of one round. Ceiling, committed (awards), paid and reclaimed are kept apart;
/// committed never exceeds the ceiling, and the ceiling never drops below what is committed.
/// The persistence layer enforces the same invariant with a conditional update under concurrency.
/// </summary>
public sealed class RoundBudget
{
    private RoundBudget()
    {
        Round = string.Empty;
    }

    private RoundBudget(RoundBudgetId id, Regeling regeling, string round, Money ceiling)
    {
        Id = id;
        Regeling = regeling;
        Round = round;
        Ceiling = ceiling;
    }

    public RoundBudgetId Id { get; private set; }

    public Regeling Regeling { get; private set; }

    public string Round { get; private set; }

    public Money Ceiling { get; private set; }

    /// <summary>Sum of the awards (full and partial) in the round.</summary>
    public Money Committed { get; private set; }

    /// <summary>Sum of the awarded amounts that have been paid out, before the BTW-compensatiefonds share.</summary>
    public Money AwardedPaidOut { get; private set; }

    /// <summary>Actually paid to gemeenten (the award less the BTW-compensatiefonds share).</summary>
    public Money Paid { get; private set; }

    public Money Reclaimed { get; private set; }

    public Money Remaining => Ceiling - Committed;

    private string CeilingSource => Regeling == Regeling.Wbi
        ? "Besluit Woningbouwimpuls 2020 art. 4(1) (subsidieplafond per tijdvak)"
        : "Stcrt. 2023-17370 (plafond per ronde)";

    public static RoundBudget Open(Regeling regeling, string round, Money ceiling) => Open(RoundBudgetId.New(), regeling, round, ceiling);

    /// <summary>Opens the ledger of a round under a given id (the tranche's own id: one ledger per round).</summary>
    public static RoundBudget Open(RoundBudgetId id, Regeling regeling, string round, Money ceiling)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(round);
        RequireNotNegative(ceiling, nameof(ceiling));
        return new RoundBudget(id, regeling, round, ceiling);
    }

    /// <summary>Commits an award; fails when it would take the commitments above the ceiling.</summary>
    public void Commit(Money amount)
    {
        RequireNotNegative(amount, nameof(amount));
        if (Committed + amount > Ceiling)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "PLAFOND-OVERSCHREDEN",
                $"Een toekenning van {amount} past niet: het plafond is {Ceiling}, al verplicht {Committed}, resterend {Remaining}.",
                CeilingSource));
        }

        Committed += amount;
    }

    /// <summary>Releases (part of) a commitment, e.g. after a withdrawn or lowered award.</summary>
    public void ReleaseCommitment(Money amount)
    {
        RequireNotNegative(amount, nameof(amount));
        if (amount > Committed - AwardedPaidOut)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "VRIJVAL-BOVEN-VERPLICHTING",
                $"Er kan niet {amount} vrijvallen: verplicht {Committed}, waarvan al uitbetaald {AwardedPaidOut}.",
                CeilingSource));
        }

        Committed -= amount;
    }

    /// <summary>Raises or lowers the ceiling during the round; never below what is already committed.</summary>
    public void ChangeCeiling(Money newCeiling)
    {
        RequireNotNegative(newCeiling, nameof(newCeiling));
        if (newCeiling < Committed)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "PLAFOND-ONDER-VERPLICHTINGEN",
                $"Het plafond kan niet naar {newCeiling}: er is al {Committed} verplicht.",
                CeilingSource));
        }

        Ceiling = newCeiling;
    }

    /// <summary>
    /// Records the payment of an award. The paid amount is the award less the share that goes to the
    /// BTW-compensatiefonds (0 when it does not apply). Returns the amount actually paid.
    /// </summary>
    public Money RecordPayment(Money awarded, decimal btwCompensatiefondsShare)
    {
        RequireNotNegative(awarded, nameof(awarded));
        if (btwCompensatiefondsShare is < 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(btwCompensatiefondsShare), btwCompensatiefondsShare, "Must lie in [0, 1).");
        }

        if (AwardedPaidOut + awarded > Committed)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "BETALING-BOVEN-VERPLICHTING",
                $"Een betaling op een toekenning van {awarded} past niet: verplicht {Committed}, al uitbetaald {AwardedPaidOut}.",
                CeilingSource));
        }

        var paid = awarded * (1m - btwCompensatiefondsShare);
        AwardedPaidOut += awarded;
        Paid += paid;
        return paid;
    }

    /// <summary>Records money reclaimed from a gemeente; kept apart from the commitments.</summary>
    public void Reclaim(Money amount)
    {
        RequireNotNegative(amount, nameof(amount));
        if (Reclaimed + amount > Paid)
        {
            throw new BusinessRuleViolationException(new BrokenRule(
                "TERUGVORDERING-BOVEN-BETAALD",
                $"Er kan niet {amount} worden teruggevorderd: betaald {Paid}, al teruggevorderd {Reclaimed}.",
                CeilingSource));
        }

        Reclaimed += amount;
    }

    private static void RequireNotNegative(Money amount, string name)
    {
        if (amount.IsNegative)
        {
            throw new ArgumentOutOfRangeException(name, amount, "An amount cannot be negative.");
        }
    }
}
