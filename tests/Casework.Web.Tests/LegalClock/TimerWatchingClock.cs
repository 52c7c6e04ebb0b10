using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Casework.Web.Tests.LegalClock;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every one-shot timer created on it. The deadline worker waits
/// its poll interval with <c>Task.Delay(interval, time)</c>, which creates such a timer; so "a timer of the poll
/// interval was created" means "the worker finished a pass and waits for the next one". A test moves the clock
/// and awaits that, instead of sleeping on the wall clock and looking.
/// </summary>
internal sealed class TimerWatchingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _oneShotTimers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (period == Timeout.InfiniteTimeSpan)
        {
            _oneShotTimers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>Waits until a one-shot timer of <paramref name="dueTime"/> has been created (counting each once).</summary>
    /// <param name="timeout">Wall-clock bound, so a worker that never waits again fails the test instead of hanging it.</param>
    public async Task WaitForTimerAsync(TimeSpan dueTime, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await _oneShotTimers.Reader.ReadAsync(cancel.Token) != dueTime)
            {
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Assert.Fail($"No timer of {dueTime} was created within {timeout}.");
        }
    }
}
