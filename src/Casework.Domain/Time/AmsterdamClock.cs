namespace Casework.Domain.Time;

/// <summary>
/// Converts between UTC instants (how we store time) and Europe/Amsterdam calendar dates (how legal terms
/// are counted). A local day is 23 hours on the last Sunday of March and 25 on the last Sunday of October,
/// so day bounds are always derived from local midnights, never by adding 24 hours.
/// </summary>
public static class AmsterdamClock
{
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The Amsterdam calendar date of an instant.</summary>
    public static DateOnly ToLocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Today's Amsterdam date according to the injected clock.</summary>
    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return ToLocalDate(timeProvider.GetUtcNow());
    }

    /// <summary>The UTC instant of local midnight at the start of the date.</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Amsterdam never skips midnight, but a zone that does would start the day at the first valid minute.
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = TimeZone.IsAmbiguousTime(local)
            ? TimeZone.GetAmbiguousTimeOffsets(local).Max()
            : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>Exclusive end: the UTC instant of the next local midnight. Prefer this for range queries.</summary>
    public static DateTimeOffset StartOfNextDayUtc(DateOnly date) => StartOfDayUtc(date.AddDays(1));

    /// <summary>Inclusive end: the last tick of the local day, in UTC.</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly date) => StartOfNextDayUtc(date).AddTicks(-1);

    /// <summary>Length of the local day: 23, 24 or 25 hours in Amsterdam.</summary>
    public static TimeSpan LengthOfDay(DateOnly date) => StartOfNextDayUtc(date) - StartOfDayUtc(date);
}
