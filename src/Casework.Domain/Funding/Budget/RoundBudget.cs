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

    /// <summary>Sum of the definitive amounts (vaststellingen) of the round's awards; kept apart from awarded, paid and reclaimed.</summary>
    public Money Vastgesteld { get; private set; }

    public Money Remaining => Ceiling - Committed;

    private string CeilingSource => Regeling == Regeling.Wbi
        ? "Besluit Woningbouwimpuls 2020 art. 4(1) (subsidieplafond per tijdvak)"
        : "Stcrt. 2023-17370 (plafond per ronde)";

    private const string ReleaseSource = "Ontwerpkeuze: een verplichting valt nooit vrij onder wat er al op is uitbetaald";

    private string PaymentSource => Regeling == Regeling.Wbi
        ? "Besluit Woningbouwimpuls 2020 art. 4"
        : "Regeling specifieke uitkering herstructurering volkshuisvesting (Stcrt. 2023-17370)";

    public static RoundBudget Open(Regeling regeling, string round, Money ceiling) => Open(RoundBudgetId.New(), regeling, round, ceiling);

    /// <summary>Opens the ledger of a round under a given id (the tranche's own id: one ledger per round).</summary>
    public static RoundBudget Open(RoundBudgetId id, Regeling regeling, string round, Money ceiling)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(round);
        RequireNotNegative(ceiling, nameof(ceiling));
        return new RoundBudget(id, regeling, round, ceiling);
    }

    /// <summary>The rule code of a commitment that does not fit the ceiling.</summary>
    public const string CeilingExceeded = "PLAFOND-OVERSCHREDEN";

    /// <summary>Why <paramref name="amount"/> cannot be committed now (it would exceed the ceiling), or null when it fits.</summary>
    public BrokenRule? WhyNotCommit(Money amount)
    {
        RequireNotNegative(amount, nameof(amount));
        return Committed + amount > Ceiling
            ? new BrokenRule(
                CeilingExceeded,
                $"Een toekenning van {amount} past niet: het plafond is {Ceiling}, al verplicht {Committed}, resterend {Remaining}.",
                CeilingSource)
            : null;
    }

    /// <summary>Commits an award; fails when it would take the commitments above the ceiling.</summary>
    public void Commit(Money amount)
    {
        ThrowIf(WhyNotCommit(amount));
        Committed += amount;
    }

    /// <summary>Why <paramref name="amount"/> cannot be released (committed would drop below what was paid out on awards), or null.</summary>
    public BrokenRule? WhyNotRelease(Money amount)
    {
        RequireNotNegative(amount, nameof(amount));
        return amount > Committed - AwardedPaidOut
            ? new BrokenRule(
                "VRIJVAL-BOVEN-VERPLICHTING",
                $"Er kan niet {amount} vrijvallen: verplicht {Committed}, waarvan al uitbetaald {AwardedPaidOut}.",
                ReleaseSource)
            : null;
    }

    /// <summary>Releases (part of) a commitment, e.g. after a withdrawn or lowered award.</summary>
    public void ReleaseCommitment(Money amount)
    {
        ThrowIf(WhyNotRelease(amount));
        Committed -= amount;
    }

    /// <summary>Why the ceiling cannot become <paramref name="newCeiling"/> (below what is committed), or null.</summary>
    public BrokenRule? WhyNotChangeCeiling(Money newCeiling)
    {
        RequireNotNegative(newCeiling, nameof(newCeiling));
        return newCeiling < Committed
            ? new BrokenRule(
                "PLAFOND-ONDER-VERPLICHTINGEN",
                $"Het plafond kan niet naar {newCeiling}: er is al {Committed} verplicht.",
                CeilingSource)
            : null;
    }

    /// <summary>Raises or lowers the ceiling during the round; never below what is already committed.</summary>
    public void ChangeCeiling(Money newCeiling)
    {
        ThrowIf(WhyNotChangeCeiling(newCeiling));
        Ceiling = newCeiling;
    }

    /// <summary>
    /// What the gemeente receives of an awarded portion: the portion less the share that goes to the
    /// BTW-compensatiefonds (0 when it does not apply), in whole cents.
    /// </summary>
    public static Money PaidFor(Money awarded, decimal btwCompensatiefondsShare)
    {
        RequireNotNegative(awarded, nameof(awarded));
        if (btwCompensatiefondsShare is < 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(btwCompensatiefondsShare), btwCompensatiefondsShare, "Must lie in [0, 1).");
        }

        return new Money(decimal.Round(awarded.Euros * (1m - btwCompensatiefondsShare), 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>Why a payment on <paramref name="awarded"/> of the awards cannot be recorded (more than is committed), or null.</summary>
    public BrokenRule? WhyNotRecordPayment(Money awarded)
    {
        RequireNotNegative(awarded, nameof(awarded));
        return AwardedPaidOut + awarded > Committed
            ? new BrokenRule(
                "BETALING-BOVEN-VERPLICHTING",
                $"Een betaling op een toekenning van {awarded} past niet: verplicht {Committed}, al uitbetaald {AwardedPaidOut}.",
                PaymentSource)
            : null;
    }

    /// <summary>
    /// Records the payment of an award. The paid amount is the award less the share that goes to the
    /// BTW-compensatiefonds (see <see cref="PaidFor"/>). Returns the amount actually paid.
    /// </summary>
    public Money RecordPayment(Money awarded, decimal btwCompensatiefondsShare)
    {
        var paid = PaidFor(awarded, btwCompensatiefondsShare);
        ThrowIf(WhyNotRecordPayment(awarded));
        AwardedPaidOut += awarded;
        Paid += paid;
        return paid;
    }

    /// <summary>Why <paramref name="amount"/> cannot be reclaimed (more than was paid), or null.</summary>
    public BrokenRule? WhyNotReclaim(Money amount)
    {
        RequireNotNegative(amount, nameof(amount));
        return Reclaimed + amount > Paid
            ? new BrokenRule(
                "TERUGVORDERING-BOVEN-BETAALD",
                $"Er kan niet {amount} worden teruggevorderd: betaald {Paid}, al teruggevorderd {Reclaimed}.",
                PaymentSource)
            : null;
    }

    /// <summary>Records money reclaimed from a gemeente; kept apart from the commitments.</summary>
    public void Reclaim(Money amount)
    {
        ThrowIf(WhyNotReclaim(amount));
        Reclaimed += amount;
    }

    /// <summary>Why a vaststelling of <paramref name="amount"/> cannot be booked (more than is committed in the round), or null.</summary>
    public BrokenRule? WhyNotRecordVaststelling(Money amount)
    {
        RequireNotNegative(amount, nameof(amount));
        return Vastgesteld + amount > Committed
            ? new BrokenRule(
                "VASTSTELLING-BOVEN-VERPLICHTING",
                $"Een vaststelling van {amount} past niet: verplicht {Committed}, al vastgesteld {Vastgesteld}.",
                PaymentSource)
            : null;
    }

    /// <summary>Books the definitive amount of an award.</summary>
    public void RecordVaststelling(Money amount)
    {
        ThrowIf(WhyNotRecordVaststelling(amount));
        Vastgesteld += amount;
    }

    private static void ThrowIf(BrokenRule? broken)
    {
        if (broken is not null)
        {
            throw new BusinessRuleViolationException(broken);
        }
    }

    private static void RequireNotNegative(Money amount, string name)
    {
        if (amount.IsNegative)
        {
            throw new ArgumentOutOfRangeException(name, amount, "An amount cannot be negative.");
        }
    }
}
