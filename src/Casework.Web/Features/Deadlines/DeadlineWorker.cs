using Casework.Domain.Cases;
using Casework.Domain.Common;
using Casework.Domain.Time;
using Casework.Web.Api;
using Casework.Web.Persistence;
using Casework.Web.Features.Workflows;
using Casework.Workflows.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Casework.Web.Persistence.Configurations.DeadlineConfiguration;

namespace Casework.Web.Features.Deadlines;

/// <summary>What one pass of the worker did.</summary>
/// <param name="Expired">Deadlines marked expired.</param>
/// <param name="ActionsFired">Expiry actions fired (a subset of <paramref name="Expired"/>).</param>
/// <param name="ActionsRefused">Expiry actions the workflow no longer allowed; recorded in the audit trail.</param>
/// <param name="Warned">Warnings written to the outbox.</param>
/// <param name="NotClaimed">Due rows another host held (or had just handled).</param>
/// <param name="Failed">Rows that failed; their claim lapses after the claim timeout and they are retried.</param>
public sealed record DeadlineRunResult(int Expired, int ActionsFired, int ActionsRefused, int Warned, int NotClaimed, int Failed)
{
    public static DeadlineRunResult None { get; } = new(0, 0, 0, 0, 0, 0);

    public DeadlineRunResult Add(DeadlineRunResult other) => new(
        Expired + other.Expired,
        ActionsFired + other.ActionsFired,
        ActionsRefused + other.ActionsRefused,
        Warned + other.Warned,
        NotClaimed + other.NotClaimed,
        Failed + other.Failed);
}

/// <summary>Which piece of work a claim is for.</summary>
internal enum DeadlineWork
{
    Expiry,
    Warning,
}

/// <summary>
/// Finds due warnings and expiries and handles each exactly once, also with several hosts on one database
/// and after a crash (docs/decisions/ADR-005-legal-clock.md):
/// <list type="number">
/// <item>Claim: one conditional update sets a claim token and a lease (<c>ClaimedUntil</c>) where the row is
/// still pending and unclaimed or its lease has lapsed. Of two hosts only one updates the row.</item>
/// <item>Handle, in one transaction: a conditional update writes the "handled" marker (<c>ExpiryHandledAt</c> /
/// <c>WarnedAt</c>) and releases the claim, only for the claim's holder and only while unhandled; then the
/// effect (expiry, workflow action, audit, outbox) is applied and everything commits together.</item>
/// </list>
/// A host that dies after the claim leaves a lease that lapses; one that dies inside the transaction leaves
/// nothing. The marker and the effect are committed together, so the effect happens once.
/// </summary>
public sealed partial class DeadlineWorker(
    IServiceScopeFactory scopes,
    IOptions<DeadlineWorkerOptions> options,
    TimeProvider time,
    ILogger<DeadlineWorker> logger) : BackgroundService
{
    private DeadlineWorkerOptions Options => options.Value;

    /// <summary>
    /// One pass: every due expiry first, then every due warning, each looked up after the expiries are done,
    /// so a host that was down past a due date reports the expiry and does not also warn about it.
    /// </summary>
    public async Task<DeadlineRunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var result = DeadlineRunResult.None;
        foreach (var work in new[] { DeadlineWork.Expiry, DeadlineWork.Warning })
        {
            foreach (var id in await FindDueAsync(work, cancellationToken))
            {
                result = result.Add(await ProcessAsync(id, work, cancellationToken));
            }
        }

        if (result != DeadlineRunResult.None)
        {
            LogPass(result.Expired, result.ActionsFired, result.ActionsRefused, result.Warned, result.NotClaimed, result.Failed);
        }

        return result;
    }

    /// <summary>Handles work this host has claimed with <paramref name="token"/>; a stale token (the lease lapsed and another host took it) does nothing.</summary>
    internal Task<DeadlineRunResult> HandleClaimedAsync(Guid deadlineId, DeadlineWork work, Guid token, CancellationToken cancellationToken) =>
        work == DeadlineWork.Expiry
            ? HandleExpiryAsync(deadlineId, token, cancellationToken)
            : HandleWarningAsync(deadlineId, token, cancellationToken);

    private async Task<List<Guid>> FindDueAsync(DeadlineWork work, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var due = Claimable(db.Deadlines, work, now);
        due = work == DeadlineWork.Expiry
            ? due.OrderBy(d => EF.Property<DateTimeOffset>(d, DueAt))
            : due.OrderBy(d => EF.Property<DateTimeOffset>(d, WarnAt));
        return await due.Select(d => d.Id).Take(Options.BatchSize).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Claims the row for <paramref name="work"/> if it is still pending and nobody holds a live claim;
    /// returns the claim token, or null when another host has it.
    /// </summary>
    internal async Task<Guid?> TryClaimAsync(Guid deadlineId, DeadlineWork work, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = Guid.NewGuid();
        DateTimeOffset? until = now + Options.ClaimTimeout;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var rows = await Claimable(db.Deadlines, work, now)
            .Where(d => d.Id == deadlineId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => EF.Property<Guid?>(d, ClaimToken), token)
                      .SetProperty(d => EF.Property<DateTimeOffset?>(d, ClaimedUntil), until),
                cancellationToken);
        return rows == 1 ? token : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Enabled)
        {
            LogDisabled();
            return;
        }

        LogStarted(Options.PollInterval, Options.ClaimTimeout);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; the next pass tries again, the loop must not die.
                LogPassFailed(ex);
            }

            try
            {
                // The injected clock drives the wait too, so a fake clock in tests can make the next pass come.
                await Task.Delay(Options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static IQueryable<Deadline> Pending(IQueryable<Deadline> deadlines, DeadlineWork work, DateTimeOffset now) => work switch
    {
        DeadlineWork.Expiry => deadlines.Where(d => d.Status == DeadlineStatus.Running
            && EF.Property<DateTimeOffset>(d, DueAt) <= now
            && EF.Property<DateTimeOffset?>(d, ExpiryHandledAt) == null),
        DeadlineWork.Warning => deadlines.Where(d => d.Status == DeadlineStatus.Running
            && EF.Property<DateTimeOffset>(d, WarnAt) <= now
            && EF.Property<DateTimeOffset?>(d, WarnedAt) == null),
        _ => throw new ArgumentOutOfRangeException(nameof(work), work, null),
    };

    private static IQueryable<Deadline> Claimable(IQueryable<Deadline> deadlines, DeadlineWork work, DateTimeOffset now) =>
        Pending(deadlines, work, now).Where(d => EF.Property<Guid?>(d, ClaimToken) == null || EF.Property<DateTimeOffset?>(d, ClaimedUntil) < now);

    private async Task<DeadlineRunResult> ProcessAsync(Guid deadlineId, DeadlineWork work, CancellationToken cancellationToken)
    {
        try
        {
            if (await TryClaimAsync(deadlineId, work, cancellationToken) is not { } token)
            {
                return DeadlineRunResult.None with { NotClaimed = 1 };
            }

            return await HandleClaimedAsync(deadlineId, work, token, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // One bad row must not stop the others. Its claim stays until it lapses: a back-off before the retry.
            LogDeadlineFailed(ex, deadlineId, work);
            return DeadlineRunResult.None with { Failed = 1 };
        }
    }

    private async Task<DeadlineRunResult> HandleExpiryAsync(Guid deadlineId, Guid token, CancellationToken cancellationToken)
    {
        try
        {
            return await ExpireAsync(deadlineId, token, fire: true, refusal: null, cancellationToken);
        }
        catch (Exception ex) when (ex is ApiProblemException or BusinessRuleViolationException)
        {
            // The case has moved on (another state, closed) or a rule stops the action: firing again would fail
            // forever. The transaction rolled back; expire the deadline and record why the action did not run.
            var reason = ex is ApiProblemException api ? api.Problem.Detail ?? api.Message : ex.Message;
            return await ExpireAsync(deadlineId, token, fire: false, reason, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the case between our read and our write; release the claim so the next pass retries.
            await ReleaseAsync(deadlineId, token, cancellationToken);
            return DeadlineRunResult.None with { NotClaimed = 1 };
        }
    }

    /// <summary>One transaction: handled marker + claim release, expiry, audit, and the workflow action (or the refusal).</summary>
    private async Task<DeadlineRunResult> ExpireAsync(Guid deadlineId, Guid token, bool fire, string? refusal, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CaseworkDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
                var now = time.GetUtcNow();
                if (!await MarkHandledAsync(db, deadlineId, token, ExpiryHandledAt, now, ct))
                {
                    LogClaimLost(deadlineId, DeadlineWork.Expiry);
                    return DeadlineRunResult.None with { NotClaimed = 1 };
                }

                var deadline = await db.Deadlines.FirstAsync(d => d.Id == deadlineId, ct);
                var today = AmsterdamClock.ToLocalDate(now);
                if (today <= deadline.CurrentDueDate)
                {
                    // DueAt is stale (the term moved without its instant being updated): repair it and wait.
                    var entry = db.Entry(deadline);
                    entry.Property(DueAt).CurrentValue = AmsterdamClock.StartOfNextDayUtc(deadline.CurrentDueDate);
                    entry.Property(WarnAt).CurrentValue = AmsterdamClock.StartOfDayUtc(deadline.WarningDate);
                    entry.Property(ExpiryHandledAt).CurrentValue = null;
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    LogRescheduled(deadlineId, deadline.CurrentDueDate);
                    return DeadlineRunResult.None;
                }

                var action = db.Entry(deadline).Property<string?>(OnExpiryAction).CurrentValue;
                var caseFile = await db.Cases.IgnoreAutoIncludes().FirstAsync(c => c.Id == deadline.CaseId, ct); // a transition only appends to the history
                deadline.MarkExpired(today);
                var fired = fire && action is not null;
                await services.GetRequiredService<AuditTrail>().AppendAsync(
                    AuditTrail.CaseStream(caseFile.Id),
                    Actor.System,
                    "termijn.verlopen",
                    "termijn",
                    deadline.Id.ToString(),
                    action is not null && !fired ? "actie-geweigerd" : "ok",
                    new { status = DeadlineStatus.Running.ToString() },
                    new { termijn = deadline.KindId, uiterlijkeDatum = deadline.CurrentDueDate, status = deadline.Status.ToString(), actie = action, actieUitgevoerd = fired },
                    refusal,
                    ct);
                if (fired)
                {
                    await services.GetRequiredService<CaseTransitions>().FireAsync(caseFile, Actor.System, action!, ActionInput.Empty, ct);
                }
                else
                {
                    services.GetRequiredService<EffectApplier>().Notify(
                        caseFile,
                        "termijn-verlopen",
                        new { termijn = deadline.KindId, naam = deadline.Kind.Name, uiterlijkeDatum = deadline.CurrentDueDate, actie = action, actieUitgevoerd = false, reden = refusal });
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                if (fired)
                {
                    LogExpiredAndFired(deadlineId, caseFile.Reference, deadline.KindId, action!);
                    return DeadlineRunResult.None with { Expired = 1, ActionsFired = 1 };
                }

                if (action is not null)
                {
                    LogActionRefused(deadlineId, caseFile.Reference, action, refusal ?? string.Empty);
                    return DeadlineRunResult.None with { Expired = 1, ActionsRefused = 1 };
                }

                LogExpired(deadlineId, caseFile.Reference, deadline.KindId);
                return DeadlineRunResult.None with { Expired = 1 };
            },
            cancellationToken);
    }

    private async Task<DeadlineRunResult> HandleWarningAsync(Guid deadlineId, Guid token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CaseworkDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginWriteTransactionAsync(ct);
                if (!await MarkHandledAsync(db, deadlineId, token, WarnedAt, time.GetUtcNow(), ct))
                {
                    LogClaimLost(deadlineId, DeadlineWork.Warning);
                    return DeadlineRunResult.None with { NotClaimed = 1 };
                }

                var deadline = await db.Deadlines.AsNoTracking().FirstAsync(d => d.Id == deadlineId, ct);
                var caseFile = await db.Cases.AsNoTracking().IgnoreAutoIncludes().FirstAsync(c => c.Id == deadline.CaseId, ct);
                services.GetRequiredService<EffectApplier>().Notify(
                    caseFile,
                    "termijn-waarschuwing",
                    new
                    {
                        ontvanger = caseFile.RoutedTo ?? caseFile.OwningOrganisation,
                        termijn = deadline.KindId,
                        naam = deadline.Kind.Name,
                        uiterlijkeDatum = deadline.CurrentDueDate,
                        waarschuwingsdatum = deadline.WarningDate,
                    });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                LogWarned(deadlineId, caseFile.Reference, deadline.KindId, deadline.CurrentDueDate);
                return DeadlineRunResult.None with { Warned = 1 };
            },
            cancellationToken);
    }

    /// <summary>
    /// Writes the handled marker and releases the claim, only for the claim's holder and only while the work is
    /// unhandled. Inside the effect's transaction this is the exactly-once check: a second writer finds no row.
    /// </summary>
    private static async Task<bool> MarkHandledAsync(CaseworkDbContext db, Guid deadlineId, Guid token, string marker, DateTimeOffset now, CancellationToken ct)
    {
        DateTimeOffset? at = now;
        var rows = await db.Deadlines
            .Where(d => d.Id == deadlineId
                && d.Status == DeadlineStatus.Running
                && EF.Property<Guid?>(d, ClaimToken) == token
                && EF.Property<DateTimeOffset?>(d, marker) == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => EF.Property<DateTimeOffset?>(d, marker), at)
                      .SetProperty(d => EF.Property<Guid?>(d, ClaimToken), (Guid?)null)
                      .SetProperty(d => EF.Property<DateTimeOffset?>(d, ClaimedUntil), (DateTimeOffset?)null),
                ct);
        return rows == 1;
    }

    private async Task ReleaseAsync(Guid deadlineId, Guid token, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        await db.Deadlines
            .Where(d => d.Id == deadlineId && EF.Property<Guid?>(d, ClaimToken) == token)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => EF.Property<Guid?>(d, ClaimToken), (Guid?)null)
                      .SetProperty(d => EF.Property<DateTimeOffset?>(d, ClaimedUntil), (DateTimeOffset?)null),
                ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline worker is disabled (Deadlines:Enabled = false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline worker started: polling every {PollInterval}, claims lapse after {ClaimTimeout}")]
    private partial void LogStarted(TimeSpan pollInterval, TimeSpan claimTimeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline pass: {Expired} expired ({Fired} actions fired, {Refused} refused), {Warned} warned, {NotClaimed} held elsewhere, {Failed} failed")]
    private partial void LogPass(int expired, int fired, int refused, int warned, int notClaimed, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline pass failed; retrying after the polling interval")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline {DeadlineId} ({Work}) failed; retried once its claim lapses")]
    private partial void LogDeadlineFailed(Exception exception, Guid deadlineId, DeadlineWork work);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline {DeadlineId} ({Work}) was handled by another host")]
    private partial void LogClaimLost(Guid deadlineId, DeadlineWork work);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline {DeadlineId} was found due but runs until {DueDate}; its due instant was repaired")]
    private partial void LogRescheduled(Guid deadlineId, DateOnly dueDate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline {DeadlineId} of case {Reference} ({Kind}) expired; fired {Action}")]
    private partial void LogExpiredAndFired(Guid deadlineId, string reference, string kind, string action);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline {DeadlineId} of case {Reference} ({Kind}) expired")]
    private partial void LogExpired(Guid deadlineId, string reference, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline {DeadlineId} of case {Reference} expired, but {Action} is no longer allowed: {Reason}")]
    private partial void LogActionRefused(Guid deadlineId, string reference, string action, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline {DeadlineId} of case {Reference} ({Kind}) warned; due {DueDate}")]
    private partial void LogWarned(Guid deadlineId, string reference, string kind, DateOnly dueDate);
}
