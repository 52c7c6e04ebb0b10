using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>
/// A WBI tijdvak and its subsidieplafond are made known at least six weeks before the tijdvak opens (Besluit
/// Woningbouwimpuls 2020 art. 3 lid 2 and art. 4 lid 1), so that every gemeente has the same time to prepare.
/// Counted on Amsterdam calendar dates: announced on day D, the window may open on D + 42 at the earliest.
/// </summary>
public sealed class WbiRoundAnnouncedSixWeeksBeforeOpeningRule(DateOnly announcedOn, DateTimeOffset opensAt) : IBusinessRule
{
    public const int MinimumDays = 42;

    public string Code => "WBI-AANKONDIGING-ZES-WEKEN";

    public string Source => "Besluit Woningbouwimpuls 2020 art. 3 lid 2 en art. 4 lid 1";

    public int DaysBetween => Dutch.AmsterdamDate(opensAt).DayNumber - announcedOn.DayNumber;

    public bool IsBroken() => DaysBetween < MinimumDays;

    public string Message =>
        $"De ronde is aangekondigd op {Dutch.Date(announcedOn)} en opent op {Dutch.Instant(opensAt)}: " +
        $"{DaysBetween} dagen later. Een tijdvak met zijn plafond wordt ten minste zes weken ({MinimumDays} dagen) voor de opening bekendgemaakt; " +
        $"de vroegste opening is {Dutch.Date(announcedOn.AddDays(MinimumDays))}.";
}
