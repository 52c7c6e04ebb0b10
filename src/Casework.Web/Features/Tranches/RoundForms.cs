using System.Globalization;
using Casework.Domain.Time;
using DutchDate = Casework.Web.Features.Applications.DutchDate;
using DutchAmount = Casework.Web.Features.Applications.DutchAmount;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Casework.Web.Features.Tranches;

/// <summary>
/// Reading a moment as a Beheerder types it on the round forms: a date (dag-maand-jaar, as on the application form)
/// and a time of day on the Amsterdam clock ("9:00", "17.00"), turned into the instant the API takes.
/// </summary>
internal static class RoundForms
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "H"];

    /// <summary>The instant, or null with an error on the date or time field (<paramref name="required"/>: an empty date is an error).</summary>
    public static DateTimeOffset? Moment(ModelStateDictionary state, string dateField, string? date, string timeField, string? time, bool required, string what)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(date))
        {
            if (required)
            {
                state.AddModelError(dateField, $"Vul de datum in waarop {what}, als dag-maand-jaar, bijvoorbeeld 01-03-2027.");
            }

            return null;
        }

        if (!DutchDate.TryParse(date, out var day))
        {
            state.AddModelError(dateField, $"'{date}' is geen datum. Schrijf dag-maand-jaar, bijvoorbeeld 01-03-2027.");
            return null;
        }

        var clock = TimeOnly.MinValue;
        if (!string.IsNullOrWhiteSpace(time) && !TimeOnly.TryParseExact(time.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out clock))
        {
            state.AddModelError(timeField, $"'{time}' is geen tijd. Schrijf uren en minuten, bijvoorbeeld 09:00.");
            return null;
        }

        var local = day.ToDateTime(clock, DateTimeKind.Unspecified);
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, AmsterdamClock.TimeZone);
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }

    /// <summary>An amount in euros as typed ("300.000.000", "€ 1.250.000,50"), or null with an error on the field.</summary>
    public static decimal? Amount(ModelStateDictionary state, string field, string? text)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(text))
        {
            state.AddModelError(field, "Vul een bedrag in euro's in, bijvoorbeeld 300.000.000.");
            return null;
        }

        if (DutchAmount.TryParse(text, out var value))
        {
            return value;
        }

        state.AddModelError(field, $"'{text}' is geen bedrag. Schrijf bijvoorbeeld 300.000.000 of 1250000,50.");
        return null;
    }

    /// <summary>True when the refusal belongs to no field (a conflict such as a name already taken, a round already open).</summary>
    public static bool OnlyGeneralErrors(ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Where(e => e.Value is { Errors.Count: > 0 }).All(e => e.Key.Length == 0);
    }

    public static string Date(DateTimeOffset? instant) => instant is { } i ? DutchDate.Format(AmsterdamClock.ToLocalDate(i)) : string.Empty;

    public static string Time(DateTimeOffset? instant) =>
        instant is { } i ? TimeZoneInfo.ConvertTime(i, AmsterdamClock.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture) : string.Empty;
}
