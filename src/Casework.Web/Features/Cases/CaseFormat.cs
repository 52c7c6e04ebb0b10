using System.Globalization;
using Casework.Domain.Time;

namespace Casework.Web.Features.Cases;

/// <summary>How the case pages write dates, instants, money and scores: Dutch, as the people who read them expect.</summary>
public static class CaseFormat
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"23 november 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    /// <summary>"23 november 2026 om 14:05" in Amsterdam time.</summary>
    public static string Instant(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, AmsterdamClock.TimeZone);
        return local.ToString("d MMMM yyyy 'om' HH:mm", Dutch);
    }

    /// <summary>Machine-readable value for a &lt;time&gt; element.</summary>
    public static string IsoInstant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"€ 1.234.567" (cents only when there are any: "€ 1.234,50").</summary>
    public static string Money(decimal euros) =>
        "€ " + (decimal.Truncate(euros) == euros ? euros.ToString("#,##0", Dutch) : euros.ToString("#,##0.00", Dutch));

    /// <summary>"7,65"; "0,3" for a weight.</summary>
    public static string Number(decimal value) => value.ToString("0.##", Dutch);

    /// <summary>"30%".</summary>
    public static string Percentage(decimal fraction) => (fraction * 100m).ToString("0.##", Dutch) + "%";

    /// <summary>
    /// A money or score amount as a person types it: "5000000", "5.000.000", "5.000.000,50", "7,5" or "7.5".
    /// A comma is the decimal separator; dots are thousands separators unless the dot is the only separator and
    /// is followed by one or two digits (then it is a decimal point).
    /// </summary>
    public static bool TryParseAmount(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Replace("€", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal).Trim();
        if (s.Contains(',', StringComparison.Ordinal))
        {
            s = s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }
        else if (s.Count(c => c == '.') > 1 || (s.LastIndexOf('.') is var dot and >= 0 && s.Length - dot - 1 == 3))
        {
            s = s.Replace(".", string.Empty, StringComparison.Ordinal);
        }

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
