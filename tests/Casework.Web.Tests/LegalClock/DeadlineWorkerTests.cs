using Casework.Domain.Time;
using Casework.Web.Features.Deadlines;
using Casework.Web.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Casework.Web.Tests.LegalClock;

/// <summary>
/// A knelpunt triaged on Thursday 14-11-2024 gets the 6-week knelpunt-reactietermijn: raw end Thursday
/// 26-12-2024 (Tweede Kerstdag); Friday 27-12-2024 is equated with a holiday (Atw art. 3 lid 3), then the weekend,
/// so it is due Monday 30-12-2024; warning 5 days earlier, Wednesday 25-12-2024.
/// Expiry is due at the start of Tuesday 31-12 in Amsterdam (30-12 23:00 UTC), the warning at the
/// start of 25-12 (24-12 23:00 UTC). (Corrected from due Friday 27-12-2024, which ignored the besluit gelijkstelling.)
/// </summary>
public sealed class DeadlineWorkerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Triage = new(2024, 11, 14, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ExpiryDue = new(2024, 12, 30, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WarningDue = new(2024, 12, 24, 23, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Triage);
    private LegalClockApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new LegalClockApp(_clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TriageAfronden_WhenFired_StartsReactietermijnDueOnMondayAfterTheEquatedFriday()
    {
        var caseId = await _app.OpenTriagedKnelpuntAsync();

        var deadline = await _app.DeadlineOfAsync(caseId);
        Assert.Equal("knelpunt-reactietermijn", deadline.KindId);
        Assert.Equal(DeadlineStatus.Running, deadline.Status);
        Assert.Equal(new DateOnly(2024, 12, 30), deadline.CurrentDueDate);
        Assert.Equal(new DateOnly(2024, 12, 25), deadline.WarningDate);
        Assert.Equal("reactietermijnVerlopen", await _app.ShadowAsync<string?>(deadline.Id, DeadlineConfiguration.OnExpiryAction));
        Assert.Equal(ExpiryDue, await _app.DueAtAsync(caseId));
    }

    [Fact]
    public async Task RunOnce_WhenClockPassesDueInstant_ExpiresAndFiresSystemActionOnce()
    {
        var caseId = await _app.OpenTriagedKnelpuntAsync();

        _clock.SetUtcNow(ExpiryDue.AddSeconds(-1));
        var early = await _app.Worker.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, early.Expired);
        Assert.Equal(DeadlineStatus.Running, (await _app.DeadlineOfAsync(caseId)).Status);

        _clock.SetUtcNow(ExpiryDue.AddSeconds(1));
        var first = await _app.Worker.RunOnceAsync(CancellationToken.None);
        var second = await _app.Worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, first.Expired);
        Assert.Equal(1, first.ActionsFired);
        Assert.Equal(DeadlineRunResult.None, second);
        var deadline = await _app.DeadlineOfAsync(caseId);
        Assert.Equal(DeadlineStatus.Expired, deadline.Status);
        Assert.NotNull(await _app.ShadowAsync<DateTimeOffset?>(deadline.Id, DeadlineConfiguration.ExpiryHandledAt));
        Assert.Null(await _app.ShadowAsync<Guid?>(deadline.Id, DeadlineConfiguration.ClaimToken));
        Assert.Equal(1, await _app.StatusCountAsync(caseId, "reactietermijnVerlopen"));
        Assert.Equal(1, await _app.AuditCountAsync(caseId, "zaak.reactietermijnVerlopen"));
        Assert.Equal(1, await _app.AuditCountAsync(caseId, "termijn.verlopen"));
    }

    [Fact]
    public async Task History_AfterExpiry_ShowsSystemActionInStatusesAndAudit()
    {
        var caseId = await _app.OpenTriagedKnelpuntAsync();
        _clock.SetUtcNow(ExpiryDue.AddMinutes(1));
        await _app.Worker.RunOnceAsync(CancellationToken.None);

        using var sbsd = _app.As("sbsd-secretaris");
        var history = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(sbsd, $"/api/v1/cases/{caseId}/history");
        var statuses = history.GetProperty("statuses").EnumerateArray().ToList();
        var last = statuses[^1];
        Assert.Equal("reactietermijnVerlopen", last.GetProperty("action").GetString());
        Assert.Equal("system", last.GetProperty("actorUserId").GetString());
        Assert.Contains(history.GetProperty("events").EnumerateArray(), e => e.GetProperty("action").GetString() == "zaak.reactietermijnVerlopen" && e.GetProperty("actorUserId").GetString() == "system");
        var caseDto = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(sbsd, $"/api/v1/cases/{caseId}");
        var deadline = caseDto.GetProperty("deadlines").EnumerateArray().Single();
        Assert.Equal("Expired", deadline.GetProperty("status").GetString());
        Assert.True(deadline.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task RunOnce_WhenWarningDateReached_WritesOneWarningAndDoesNotExpire()
    {
        var caseId = await _app.OpenTriagedKnelpuntAsync();

        _clock.SetUtcNow(WarningDue.AddSeconds(-1));
        Assert.Equal(0, (await _app.Worker.RunOnceAsync(CancellationToken.None)).Warned);

        _clock.SetUtcNow(WarningDue.AddSeconds(1));
        var first = await _app.Worker.RunOnceAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(1));
        var second = await _app.Worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, first.Warned);
        Assert.Equal(0, first.Expired);
        Assert.Equal(DeadlineRunResult.None, second);
        Assert.Equal(1, await _app.OutboxCountAsync(caseId, "termijn-waarschuwing"));
        var deadline = await _app.DeadlineOfAsync(caseId);
        Assert.Equal(DeadlineStatus.Running, deadline.Status);
        Assert.NotNull(await _app.ShadowAsync<DateTimeOffset?>(deadline.Id, DeadlineConfiguration.WarnedAt));
    }

    [Fact]
    public async Task RunOnce_WhenHostWasDownPastDueDate_ExpiresWithoutAlsoWarning()
    {
        var caseId = await _app.OpenTriagedKnelpuntAsync();
        _clock.SetUtcNow(ExpiryDue.AddDays(3));

        var result = await _app.Worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, result.ActionsFired);
        Assert.Equal(0, result.Warned);
        Assert.Equal(0, await _app.OutboxCountAsync(caseId, "termijn-waarschuwing"));
    }

    [Fact]
    public async Task RunOnce_WhenClaimOfCrashedHostLapses_FiresExactlyOnce()
    {
        var caseId = await _app.OpenTriagedKnelpuntAsync();
        var deadline = await _app.DeadlineOfAsync(caseId);
        _clock.SetUtcNow(ExpiryDue.AddMinutes(1));
        var timeout = _app.Services.GetRequiredService<IOptions<DeadlineWorkerOptions>>().Value.ClaimTimeout;

        // The "crashed" host claims the row and dies before firing.
        var crashed = await _app.Worker.TryClaimAsync(deadline.Id, DeadlineWork.Expiry, CancellationToken.None);
        Assert.NotNull(crashed);

        var whileClaimed = await _app.Worker.RunOnceAsync(CancellationToken.None);
        _clock.Advance(timeout - TimeSpan.FromSeconds(1));
        var justBeforeLapse = await _app.Worker.RunOnceAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var afterLapse = await _app.Worker.RunOnceAsync(CancellationToken.None);
        var again = await _app.Worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, whileClaimed.Expired);
        Assert.Equal(0, justBeforeLapse.Expired);
        Assert.Equal(1, afterLapse.ActionsFired);
        Assert.Equal(DeadlineRunResult.None, again);
        Assert.Equal(1, await _app.StatusCountAsync(caseId, "reactietermijnVerlopen"));
    }

    [Fact]
    public async Task HandleClaimed_WhenLeaseLapsedAndAnotherHostFired_DoesNothing()
    {
        var caseId = await _app.OpenTriagedKnelpuntAsync();
        var deadline = await _app.DeadlineOfAsync(caseId);
        _clock.SetUtcNow(ExpiryDue.AddMinutes(1));
        var timeout = _app.Services.GetRequiredService<IOptions<DeadlineWorkerOptions>>().Value.ClaimTimeout;

        // A slow host claims, stalls past its lease; another host takes over and fires; then the slow host wakes up.
        var slow = await _app.Worker.TryClaimAsync(deadline.Id, DeadlineWork.Expiry, CancellationToken.None);
        _clock.Advance(timeout + TimeSpan.FromSeconds(1));
        var takeover = await _app.Worker.RunOnceAsync(CancellationToken.None);
        var late = await _app.Worker.HandleClaimedAsync(deadline.Id, DeadlineWork.Expiry, slow!.Value, CancellationToken.None);

        Assert.Equal(1, takeover.ActionsFired);
        Assert.Equal(0, late.Expired);
        Assert.Equal(1, late.NotClaimed);
        Assert.Equal(1, await _app.StatusCountAsync(caseId, "reactietermijnVerlopen"));
        Assert.Equal(1, await _app.AuditCountAsync(caseId, "termijn.verlopen"));
    }

    [Fact]
    public async Task TryClaim_WhenTwoHostsClaimAtOnce_OnlyOneGetsTheRow()
    {
        var caseId = await _app.OpenTriagedKnelpuntAsync();
        var deadline = await _app.DeadlineOfAsync(caseId);
        _clock.SetUtcNow(ExpiryDue.AddMinutes(1));
        await using var other = new LegalClockApp(_clock, _app.DatabasePath);

        var claims = await Task.WhenAll(
            _app.Worker.TryClaimAsync(deadline.Id, DeadlineWork.Expiry, CancellationToken.None),
            other.Worker.TryClaimAsync(deadline.Id, DeadlineWork.Expiry, CancellationToken.None));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task RunOnce_WhenTwoHostsRaceOnOneDatabase_EachDeadlineFiresExactlyOnce()
    {
        var cases = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            cases.Add(await _app.OpenTriagedKnelpuntAsync(title: $"Knelpunt {i}"));
        }

        _clock.SetUtcNow(ExpiryDue.AddMinutes(1));
        await using var other = new LegalClockApp(_clock, _app.DatabasePath);

        var results = await Task.WhenAll(
            Task.Run(() => _app.Worker.RunOnceAsync(CancellationToken.None)),
            Task.Run(() => other.Worker.RunOnceAsync(CancellationToken.None)),
            Task.Run(() => other.Worker.RunOnceAsync(CancellationToken.None)));

        Assert.Equal(cases.Count, results.Sum(r => r.ActionsFired));
        Assert.All(results, r => Assert.Equal(0, r.Failed));
        foreach (var caseId in cases)
        {
            Assert.Equal(1, await _app.StatusCountAsync(caseId, "reactietermijnVerlopen"));
            Assert.Equal(DeadlineStatus.Expired, (await _app.DeadlineOfAsync(caseId)).Status);
        }

        Assert.Equal(DeadlineRunResult.None, await other.Worker.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunOnce_WhenExpiryActionNoLongerAllowed_ExpiresAndRecordsRefusalOnce()
    {
        var caseId = await _app.OpenTriagedKnelpuntAsync();
        var deadline = await _app.DeadlineOfAsync(caseId);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // Stands in for a case that moved on: the action is not allowed from the case's state, nor for the system.
            await LegalClockApp.Db(scope).Deadlines.Where(d => d.Id == deadline.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => EF.Property<string?>(d, DeadlineConfiguration.OnExpiryAction), "triageAfronden"));
        }

        _clock.SetUtcNow(ExpiryDue.AddMinutes(1));
        var first = await _app.Worker.RunOnceAsync(CancellationToken.None);
        var second = await _app.Worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, first.Expired);
        Assert.Equal(1, first.ActionsRefused);
        Assert.Equal(0, first.ActionsFired);
        Assert.Equal(0, first.Failed);
        Assert.Equal(DeadlineRunResult.None, second);
        Assert.Equal(DeadlineStatus.Expired, (await _app.DeadlineOfAsync(caseId)).Status);
        Assert.Equal(1, await _app.StatusCountAsync(caseId, "triageAfronden"));
        Assert.Equal(1, await _app.OutboxCountAsync(caseId, "termijn-verlopen"));
        await using var check = _app.Services.CreateAsyncScope();
        var stream = Casework.Web.Features.Workflows.AuditTrail.CaseStream(caseId);
        var refusal = await LegalClockApp.Db(check).AuditEvents.SingleAsync(e => e.Stream == stream && e.Action == "termijn.verlopen");
        Assert.Equal("actie-geweigerd", refusal.Result);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Reason));
    }

    [Fact]
    public async Task PollingLoop_WhenEnabledAndClockPassesDue_ExpiresWithinOnePollingInterval()
    {
        var clock = new TimerWatchingClock(Triage);
        await using var polling = new LegalClockApp(clock, workerEnabled: true);
        var interval = polling.Services.GetRequiredService<IOptions<DeadlineWorkerOptions>>().Value.PollInterval;
        var caseId = await polling.OpenTriagedKnelpuntAsync();

        // The loop ran its first pass at start and now waits one poll interval on the fake clock. Jumping past the
        // due instant ends that wait; the pass that follows runs at the new time, and the loop's next wait is the
        // sign that the pass is done. No wall-clock sleeping: the clock moves only when the test moves it.
        await clock.WaitForTimerAsync(interval, TimeSpan.FromSeconds(60));
        clock.SetUtcNow(ExpiryDue.AddSeconds(1));
        await clock.WaitForTimerAsync(interval, TimeSpan.FromSeconds(60));

        var handledAt = await polling.ShadowAsync<DateTimeOffset?>((await polling.DeadlineOfAsync(caseId)).Id, DeadlineConfiguration.ExpiryHandledAt);
        Assert.NotNull(handledAt);
        Assert.InRange(handledAt.Value, ExpiryDue, ExpiryDue + TimeSpan.FromSeconds(30));
        Assert.Equal(DeadlineStatus.Expired, (await polling.DeadlineOfAsync(caseId)).Status);
        Assert.Equal(1, await polling.StatusCountAsync(caseId, "reactietermijnVerlopen"));
    }
}
