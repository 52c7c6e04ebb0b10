namespace Casework.Domain.Delivery;

/// <summary>
/// Exponential backoff with full jitter: the wait before attempt n+1 is a random share of
/// <c>min(cap, base * 2^(n-1))</c>, at least a tenth of it, so hosts that failed together do not retry together.
/// After <see cref="MaxAttempts"/> failed attempts a delivery is dead-lettered.
/// </summary>
public sealed record RetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    /// <summary>Whether a delivery that has now failed <paramref name="attempts"/> times is given up.</summary>
    public bool IsExhausted(int attempts) => attempts >= MaxAttempts;

    /// <summary>The wait after the <paramref name="attempts"/>-th failure; <paramref name="random"/> in [0, 1).</summary>
    public TimeSpan DelayAfter(int attempts, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(random);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(random, 1.0);
        var exponent = Math.Min(attempts - 1, 30);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var share = 0.1 + (0.9 * random);
        return TimeSpan.FromMilliseconds(ceiling * share);
    }
}
