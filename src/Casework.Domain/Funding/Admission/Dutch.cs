using System.Globalization;
using Casework.Domain.Common;

namespace Casework.Domain.Funding;

/// <summary>Dutch notation for rule messages: 918.117; 49,99%; 1-1-2023; 19-5-2021 17:00 (Amsterdam time).</summary>
internal static class Dutch
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static string Prefix(this Regeling regeling) => regeling switch
    {
        Regeling.Vhf => "VHF",
        Regeling.Wbi => "WBI",
        _ => throw new ArgumentOutOfRangeException(nameof(regeling), regeling, null),
    };

    public static string Number(int value) => value.ToString("N0", Culture);

    public static string Number(decimal value) => value.ToString("#,##0.##", Culture);

    public static string Percent(decimal share) => (share * 100m).ToString("0.##", Culture) + "%";

    public static string Euro(Money amount) => amount.ToString();

    public static string Date(DateOnly date) => date.ToString("d-M-yyyy", Culture);

    public static string Instant(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Amsterdam).ToString("d-M-yyyy HH:mm", Culture);

    public static DateOnly AmsterdamDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Amsterdam).DateTime);

    public static string Ordinal(int value) => value.ToString(Culture) + "e";
}
