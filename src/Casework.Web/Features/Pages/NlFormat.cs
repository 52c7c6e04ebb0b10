using System.Globalization;
using Casework.Domain.Time;

namespace Casework.Web.Features.Pages;

/// <summary>How every page writes dates, instants, money and numbers: Dutch, as the people who read them expect.</summary>
public static class NlFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"23 november 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    /// <summary>"23 november 2026 14:05" in Amsterdam time.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, AmsterdamClock.TimeZone).ToString("d MMMM yyyy HH:mm", Culture);

    public static string DateTime(DateTimeOffset? instant) => instant is { } i ? DateTime(i) : "—";

    /// <summary>"23 november 2026, 14:05 uur" in Amsterdam time (a closing moment in running text).</summary>
    public static string DateTimeWithHour(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, AmsterdamClock.TimeZone).ToString("d MMMM yyyy, HH:mm", Culture) + " uur";

    /// <summary>"23 november 2026 om 14:05" in Amsterdam time.</summary>
    public static string Instant(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, AmsterdamClock.TimeZone).ToString("d MMMM yyyy 'om' HH:mm", Culture);

    /// <summary>Machine-readable value for a &lt;time&gt; element.</summary>
    public static string IsoInstant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The space between the euro sign and the amount: a no-break space (U+00A0), so a line never breaks between
    /// "€" and the number, in a table cell, a sentence or a flash message alike.
    /// </summary>
    public const string EuroSign = "€\u00A0";

    /// <summary>"€ 1.234.567" (cents only when there are any: "€ 1.234,50"), with a no-break space after the sign (<see cref="EuroSign"/>).</summary>
    public static string Money(decimal euros) =>
        EuroSign + euros.ToString(decimal.Truncate(euros) == euros ? "N0" : "N2", Culture);

    public static string Money(decimal? euros) => euros is { } e ? Money(e) : "—";

    /// <summary>"7,65"; "0,3" for a weight.</summary>
    public static string Number(decimal value) => value.ToString("0.##", Culture);

    /// <summary>"30%".</summary>
    public static string Percentage(decimal fraction) => (fraction * 100m).ToString("0.##", Culture) + "%";
}
