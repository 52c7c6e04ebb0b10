namespace Casework.Web.Features.Demo;

/// <summary>
/// The app's clock while the demo is on: the registered clock, shifted by an offset that only the demo seed's own
/// async flow sees (an <see cref="AsyncLocal{T}"/>). The seed walks a programme through the past by setting the time
/// of each step; every command, guard, deadline and audit event of that step reads its time from here, as it would
/// from the real clock at that moment. Every other flow (requests, the workers) sees the clock as registered
/// (ADR-021).
/// </summary>
internal sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    private readonly AsyncLocal<TimeSpan?> _offset = new();

    public TimeProvider Inner => inner;

    /// <summary>The real time: what the registered clock says, whatever the current flow's shift.</summary>
    public DateTimeOffset RealNow => inner.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => _offset.Value is { } offset ? inner.GetUtcNow() + offset : inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// From here on in the calling flow (until the calling async method returns, or the next call), the clock says
    /// <paramref name="instant"/> and runs on from there. Synchronous on purpose: an async method would restore the
    /// caller's value on return.
    /// </summary>
    public void TravelTo(DateTimeOffset instant) => _offset.Value = instant - inner.GetUtcNow();

    /// <summary>Back to the registered clock in the calling flow.</summary>
    public void Return() => _offset.Value = null;
}
