using Casework.Domain.Common;

namespace Casework.Domain.Time;

/// <summary>One band of the Awb 4:17 penalty: days <see cref="FirstDay"/>-<see cref="LastDay"/> of the penalty period.</summary>
public sealed record DwangsomBand(int FirstDay, int LastDay, Money PerDay, DateOnly From, DateOnly To);

/// <summary>
/// The risk of a penalty for not deciding in time (Awb 4:17). A risk, not money owed: whether it applies
/// (for example to a gemeente applying for a specifieke uitkering, or under the exceptions of 4:17 lid 6)
/// is a legal question the system does not answer.
/// </summary>
/// <param name="CanRun">False when the notice cannot start the penalty (received before the term expired).</param>
/// <param name="FirstPenaltyDay">Awb 4:17 lid 3: two weeks after receipt of the notice of default.</param>
/// <param name="LastPenaltyDay">The 42nd penalty day (Awb 4:17 lid 2).</param>
/// <param name="DaysRun">Penalty days up to today (or up to the decision), 0-42.</param>
/// <param name="Bands">EUR 20 for days 1-14, EUR 30 for days 15-28, EUR 40 for days 29-42.</param>
/// <param name="PotentialSoFar">What the days run so far would amount to, if the penalty applies.</param>
/// <param name="PotentialMaximum">EUR 1,260: all 42 days.</param>
/// <param name="Explanation">Dutch, for the user.</param>
public sealed record DwangsomRisk(
    bool CanRun,
    DateOnly? FirstPenaltyDay,
    DateOnly? LastPenaltyDay,
    int DaysRun,
    IReadOnlyList<DwangsomBand> Bands,
    Money PotentialSoFar,
    Money PotentialMaximum,
    string Explanation)
{
    public const int MaximumDays = 42;

    private static readonly (int FirstDay, int LastDay, decimal PerDay)[] BandTable = [(1, 14, 20m), (15, 28, 30m), (29, 42, 40m)];

    /// <summary>
    /// Assesses the penalty risk of a decision term that ended on <paramref name="decisionDueDate"/> after a written
    /// notice of default received on <paramref name="noticeReceivedOn"/>.
    /// </summary>
    /// <remarks>
    /// Awb 4:17 lid 3: the first penalty day is the day on which two weeks have passed after the notice was received
    /// (received day N, first penalty day N + 14), and the notice only counts when received after the decision term
    /// expired. A day counts while no decision has been given; the day of the decision itself does not.
    /// </remarks>
    public static DwangsomRisk Assess(DateOnly decisionDueDate, DateOnly noticeReceivedOn, DateOnly today, DateOnly? decidedOn = null)
    {
        var maximum = Money.Euro(BandTable.Sum(b => (b.LastDay - b.FirstDay + 1) * b.PerDay));
        if (noticeReceivedOn <= decisionDueDate)
        {
            return new DwangsomRisk(
                false, null, null, 0, [], Money.Zero, maximum,
                $"De ingebrekestelling is ontvangen op {DutchDate.Numeric(noticeReceivedOn)}, vóór het verstrijken van de " +
                $"beslistermijn op {DutchDate.Numeric(decisionDueDate)}: zij kan geen dwangsom laten lopen (Awb 4:17 lid 3).");
        }

        var first = noticeReceivedOn.AddDays(14);
        var last = first.AddDays(MaximumDays - 1);
        var bands = BandTable
            .Select(b => new DwangsomBand(b.FirstDay, b.LastDay, Money.Euro(b.PerDay), first.AddDays(b.FirstDay - 1), first.AddDays(b.LastDay - 1)))
            .ToList();

        var countUntil = decidedOn is { } decided && decided.AddDays(-1) < today ? decided.AddDays(-1) : today;
        var daysRun = Math.Clamp(countUntil.DayNumber - first.DayNumber + 1, 0, MaximumDays);
        var soFar = bands.Aggregate(
            Money.Zero,
            (sum, band) => sum + (band.PerDay * Math.Clamp(daysRun - band.FirstDay + 1, 0, band.LastDay - band.FirstDay + 1)));

        var explanation = daysRun == 0
            ? $"Als er op {DutchDate.Numeric(first.AddDays(-1))} nog geen besluit is, loopt vanaf {DutchDate.Numeric(first)} " +
              $"een mogelijke dwangsom (Awb 4:17): € 20, € 30 en daarna € 40 per dag, ten hoogste 42 dagen tot {DutchDate.Numeric(last)}."
            : $"Mogelijke dwangsom (Awb 4:17) sinds {DutchDate.Numeric(first)}: {daysRun} van ten hoogste 42 dagen, " +
              $"samen {soFar}. Dit is een risico, geen vastgestelde schuld.";
        return new DwangsomRisk(true, first, last, daysRun, bands, soFar, maximum, explanation);
    }
}
