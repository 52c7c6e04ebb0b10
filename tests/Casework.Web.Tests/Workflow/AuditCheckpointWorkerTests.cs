using Casework.Web.Tests.Infrastructure;
using Casework.Web.Tests.LegalClock;
using Microsoft.EntityFrameworkCore;

namespace Casework.Web.Tests.Workflow;

/// <summary>The hourly audit checkpoint on a clock that jumps: one checkpoint per wait, never one per skipped hour.</summary>
public sealed class AuditCheckpointWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TimerWatchingClock _clock = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));
    private CaseworkWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new CaseworkWebFactory { Clock = _clock };
        _factory.Settings["Audit:CheckpointInterval"] = "01:00:00";
        _factory.Settings["Deadlines:Enabled"] = "false";
        _ = _factory.Services;
        await _clock.WaitForTimerAsync(Interval, Bound);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Worker_WhenClockJumpsAYear_TakesOneCheckpointAndWaitsAnHourFromThen()
    {
        var before = await CountAsync();

        _clock.Advance(TimeSpan.FromDays(365));
        await _clock.WaitForTimerAsync(Interval, Bound);
        var afterJump = await CountAsync();

        _clock.Advance(Interval);
        await _clock.WaitForTimerAsync(Interval, Bound);

        Assert.Equal(before + 1, afterJump);
        Assert.Equal(before + 2, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var scope = _factory.CreateScope();
        return await CaseworkWebFactory.Db(scope).AuditCheckpoints.CountAsync();
    }
}
