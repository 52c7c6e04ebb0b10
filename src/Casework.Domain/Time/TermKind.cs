namespace Casework.Domain.Time;

/// <summary>How a term kind finds its end date.</summary>
public enum TermEndRule
{
    /// <summary>Event date plus <see cref="TermKind.Length"/>.</summary>
    Length,

    /// <summary>15 July of the year after the event year (Fvw art. 17a, SiSa accountability).</summary>
    FifteenJulyOfNextYear,
}

/// <summary>
/// A kind of term as data: its length, its legal source and which rules of the Awb and the Algemene
/// termijnenwet apply to it. The id is stable (kebab-case); persisted deadlines refer to it.
/// </summary>
/// <param name="Id">Stable kebab-case id, e.g. <c>bezwaartermijn</c>.</param>
/// <param name="Name">Dutch name for the user.</param>
/// <param name="Length">Default length; null for a fixed-date rule.</param>
/// <param name="LegalSource">Article(s), or "(ontwerpkeuze)" for a design choice without a legal source.</param>
/// <param name="EventDescription">Dutch: which event the term counts from.</param>
/// <param name="AtwApplies">Atw art. 1-2: an end on a Saturday, Sunday or holiday moves to the next working day.</param>
/// <param name="SuspensionApplies">Awb 4:15: suspended while the applicant completes the application.</param>
/// <param name="PostalWeekApplies">Awb 6:9 lid 2: a posted objection is on time if received within a week after the end.</param>
/// <param name="ExtendableByNotice">Awb 4:14 / 7:10 lid 3: the authority may extend by notice within the term.</param>
/// <param name="MaximumExtension">Upper bound of all notice extensions together; null when the law sets none.</param>
/// <param name="ExtensionSource">Article allowing the extension.</param>
/// <param name="WarningLeadDays">Default number of days before the due date at which to warn.</param>
/// <param name="LengthIsConfigurable">The authority sets the length per case (e.g. hersteltermijn).</param>
/// <param name="EndRule">How the end is found.</param>
/// <param name="Note">Why a flag is set the way it is, where a newcomer would ask.</param>
public sealed record TermKind(
    string Id,
    string Name,
    TermLength? Length,
    string LegalSource,
    string EventDescription,
    bool AtwApplies,
    bool SuspensionApplies,
    bool PostalWeekApplies,
    bool ExtendableByNotice,
    TermLength? MaximumExtension,
    string? ExtensionSource,
    int WarningLeadDays,
    bool LengthIsConfigurable = false,
    TermEndRule EndRule = TermEndRule.Length,
    string? Note = null)
{
    public bool IsDesignChoice => LegalSource.Contains("(ontwerpkeuze)", StringComparison.Ordinal);
}
