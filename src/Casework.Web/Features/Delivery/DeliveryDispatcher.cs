using System.Security.Cryptography;
using System.Text.Json;
using Casework.Domain.Cases;
using Casework.Domain.Delivery;
using Casework.Domain.Documents;
using Casework.Domain.Time;
using Casework.Web.Features.Documents;
using Casework.Web.Features.Pages;
using Casework.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Casework.Web.Features.Delivery;

/// <summary>What one pass of the dispatcher did.</summary>
public sealed record DeliveryRunResult(int Reminders, int FannedOut, int Delivered, int Failed, int DeadLettered, int NotClaimed)
{
    public static DeliveryRunResult None { get; } = new(0, 0, 0, 0, 0, 0);

    public DeliveryRunResult Add(DeliveryRunResult o) => new(
        Reminders + o.Reminders, FannedOut + o.FannedOut, Delivered + o.Delivered, Failed + o.Failed, DeadLettered + o.DeadLettered, NotClaimed + o.NotClaimed);
}

/// <summary>
/// Delivers the outbox (docs/decisions/ADR-015-delivery.md), safe with several hosts on one database:
/// <list type="number">
/// <item>Reminders: due reminders are written to the outbox, each once (<see cref="ReminderPlanner"/>).</item>
/// <item>Fan-out: in one transaction, a conditional update marks an outbox message dispatched (only where it was not)
/// and writes one <see cref="OutboxDelivery"/> per recipient and channel (the organisation's functional mailbox, the users
/// who subscribed, the webhook subscriptions). Of two hosts only one updates the message; a unique index backs it.</item>
/// <item>Delivery: a conditional update claims a due delivery with a lease (owner token + until); the host sends it
/// outside any transaction, then records the outcome only while it still holds the lease. A host killed mid-delivery
/// leaves a lease that lapses; the next host sends again with the same Message-ID (at least once, recognisable).</item>
/// </list>
/// A failure is retried with exponential backoff and jitter; after <see cref="DeliveryOptions.MaxAttempts"/> failures the
/// delivery is dead-lettered until a Beheerder tries it again.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IServiceScopeFactory scopes,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    private DeliveryOptions Options => options.Value;

    public async Task<DeliveryRunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var result = DeliveryRunResult.None;
        if (Options.Reminders.Enabled)
        {
            await using var scope = scopes.CreateAsyncScope();
            result = result with { Reminders = await scope.ServiceProvider.GetRequiredService<ReminderPlanner>().RunAsync(cancellationToken) };
        }

        foreach (var id in await UndispatchedAsync(cancellationToken))
        {
            result = result.Add(await GuardAsync(() => FanOutAsync(id, cancellationToken), id, cancellationToken));
        }

        foreach (var id in await DueAsync(cancellationToken))
        {
            result = result.Add(await GuardAsync(() => ProcessAsync(id, cancellationToken), id, cancellationToken));
        }

        if (result != DeliveryRunResult.None)
        {
            LogPass(result.Reminders, result.FannedOut, result.Delivered, result.Failed, result.DeadLettered, result.NotClaimed);
        }

        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Enabled)
        {
            LogDisabled();
            return;
        }

        LogStarted(Options.PollInterval, Options.LeaseDuration, Options.Smtp.Host ?? "(map met .eml-bestanden)");
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
                await Task.Delay(Options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<DeliveryRunResult> GuardAsync(Func<Task<DeliveryRunResult>> work, Guid id, CancellationToken ct)
    {
        try
        {
            return await work();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // One bad row must not stop the others; a claimed delivery's lease lapses and it is tried again.
            LogItemFailed(ex, id);
            return DeliveryRunResult.None with { Failed = 1 };
        }
    }

    private async Task<List<Guid>> UndispatchedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        return await db.Outbox.AsNoTracking().Where(m => m.DispatchedAt == null)
            .OrderBy(m => m.Aanmaakdatum).Select(m => m.Id).Take(Options.BatchSize).ToListAsync(ct);
    }

    private async Task<List<Guid>> DueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        return await Claimable(db.Deliveries, now).OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(Options.BatchSize).ToListAsync(ct);
    }

    private static IQueryable<OutboxDelivery> Claimable(IQueryable<OutboxDelivery> deliveries, DateTimeOffset now) =>
        deliveries.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseOwner == null || d.LeaseUntil < now));

    /// <summary>Fans one message out into its deliveries, once: the conditional update decides which host does it.</summary>
    internal async Task<DeliveryRunResult> FanOutAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        return await db.InWriteTransactionAsync(
            async ct =>
            {
                DateTimeOffset? now = time.GetUtcNow();
                if (await MarkDispatchedAsync(db, messageId, now.Value, ct) != 1)
                {
                    return DeliveryRunResult.None with { NotClaimed = 1 };
                }

                var message = await db.Outbox.AsNoTracking().FirstAsync(m => m.Id == messageId, ct);
                foreach (var delivery in await PlanAsync(db, message, now.Value, ct))
                {
                    db.Deliveries.Add(delivery);
                }

                await db.SaveChangesAsync(ct);
                return DeliveryRunResult.None with { FannedOut = 1 };
            },
            cancellationToken);
    }

    /// <summary>
    /// The fan-out's conditional update: marks the message dispatched only where no host did yet; 1 for the host that
    /// goes on, 0 for the others. One UPDATE on every provider (the SQL Server form is checked by a SQL-generation test).
    /// </summary>
    internal static Task<int> MarkDispatchedAsync(CaseworkDbContext db, Guid messageId, DateTimeOffset now, CancellationToken ct)
    {
        DateTimeOffset? at = now;
        return db.Outbox.Where(m => m.Id == messageId && m.DispatchedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, at).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
    }

    /// <summary>
    /// The claim: sets a fresh lease on the delivery only where it is pending, due and not leased by a live host; 1 when
    /// this host won it. One UPDATE on every provider (the SQL Server form is checked by a SQL-generation test).
    /// </summary>
    internal static Task<int> ClaimAsync(CaseworkDbContext db, Guid deliveryId, DateTimeOffset now, Guid token, DateTimeOffset until, CancellationToken ct)
    {
        Guid? owner = token;
        DateTimeOffset? leaseUntil = until;
        return Claimable(db.Deliveries, now).Where(d => d.Id == deliveryId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, owner).SetProperty(d => d.LeaseUntil, leaseUntil), ct);
    }

    /// <summary>
    /// The recipients of a message: by e-mail the functional mailbox of the organisation in its <c>ontvanger</c> and the
    /// users of that organisation who subscribed (each address once); by webhook every active subscription to its kanaal.
    /// A message without an <c>ontvanger</c> (a status change, a new case) goes to the webhooks only.
    /// </summary>
    private async Task<List<OutboxDelivery>> PlanAsync(CaseworkDbContext db, OutboxMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var caseId = CaseIdOf(message);
        var domain = Options.MessageIdDomain;
        var deliveries = new List<OutboxDelivery>();
        using var kenmerken = JsonDocument.Parse(string.IsNullOrWhiteSpace(message.Kenmerken) ? "{}" : message.Kenmerken);
        if (EmailComposer.StringIn(kenmerken.RootElement, "ontvanger") is { Length: > 0 } ontvanger)
        {
            var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == ontvanger, ct);
            if (organisation?.FunctionalMailbox is { } mailbox && addresses.Add(mailbox))
            {
                deliveries.Add(OutboxDelivery.Plan(message.Id, caseId, DeliveryChannel.Email, mailbox, Labels.Organisation(organisation.Code, organisation.Name), domain, now));
            }

            var subscribers = await db.Set<NotificationSubscription>().AsNoTracking().Where(s => s.Organisation == ontvanger).OrderBy(s => s.UserId).ToListAsync(ct);
            foreach (var subscriber in subscribers.Where(s => addresses.Add(s.Email)))
            {
                deliveries.Add(OutboxDelivery.Plan(message.Id, caseId, DeliveryChannel.Email, subscriber.Email, subscriber.DisplayName, domain, now));
            }
        }

        var webhooks = await db.Set<WebhookSubscription>().AsNoTracking().Where(w => w.Active).OrderBy(w => w.CreatedAt).ToListAsync(ct);
        foreach (var webhook in webhooks.Where(w => w.Wants(message.Kanaal)))
        {
            deliveries.Add(OutboxDelivery.Plan(message.Id, caseId, DeliveryChannel.Webhook, webhook.Id.ToString(), webhook.Description, domain, now));
        }

        return deliveries;
    }

    private static Guid? CaseIdOf(OutboxMessage message)
    {
        const string Prefix = "/api/v1/cases/";
        return message.HoofdObject.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(message.HoofdObject.AsSpan(Prefix.Length), out var id) ? id : null;
    }

    private async Task<DeliveryRunResult> ProcessAsync(Guid deliveryId, CancellationToken ct)
    {
        if (await TryClaimAsync(deliveryId, ct) is not { } token)
        {
            return DeliveryRunResult.None with { NotClaimed = 1 };
        }

        try
        {
            await SendAsync(deliveryId, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return await RecordFailureAsync(deliveryId, token, ex, ct);
        }

        return await RecordSuccessAsync(deliveryId, token, ct);
    }

    /// <summary>Claims a due delivery with a lease; the token, or null when another host holds it or it is not due.</summary>
    internal async Task<Guid?> TryClaimAsync(Guid deliveryId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var token = Guid.NewGuid();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        return await ClaimAsync(db, deliveryId, now, token, now + Options.LeaseDuration, ct) == 1 ? token : null;
    }

    /// <summary>Sends one delivery through its channel; records nothing (the caller does, under its lease).</summary>
    internal async Task SendAsync(Guid deliveryId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CaseworkDbContext>();
        var delivery = await db.Deliveries.AsNoTracking().FirstAsync(d => d.Id == deliveryId, ct);
        var message = await db.Outbox.AsNoTracking().FirstAsync(m => m.Id == delivery.OutboxMessageId, ct);
        switch (delivery.Channel)
        {
            case DeliveryChannel.Email:
                var facts = await FactsAsync(db, services.GetRequiredService<IDocumentContentStore>(), message, delivery.CaseId, ct);
                var mail = EmailComposer.Compose(facts, delivery.Recipient, delivery.RecipientLabel, delivery.MessageIdentifier, message.Aanmaakdatum, Options);
                await services.GetRequiredService<IMailTransport>().SendAsync(mail, ct);
                break;
            case DeliveryChannel.Webhook:
                var subscriptionId = Guid.Parse(delivery.Recipient);
                var subscription = await db.Set<WebhookSubscription>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == subscriptionId, ct)
                    ?? throw new InvalidOperationException("Het webhookabonnement bestaat niet meer.");
                await services.GetRequiredService<WebhookSender>().SendAsync(subscription, message, delivery.MessageIdentifier, ct);
                break;
            default:
                throw new InvalidOperationException($"Unknown delivery channel {delivery.Channel}.");
        }
    }

    /// <summary>The case, the term and the letter an e-mail speaks of.</summary>
    private static async Task<MailFacts> FactsAsync(CaseworkDbContext db, IDocumentContentStore store, OutboxMessage message, Guid? caseId, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(string.IsNullOrWhiteSpace(message.Kenmerken) ? "{}" : message.Kenmerken);
        var kenmerken = json.RootElement;
        var sjabloon = EmailComposer.StringIn(kenmerken, "sjabloon") ?? message.Actie;
        var c = caseId is { } id
            ? await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(x => x.Id == id).Select(x => new { x.Reference, x.Title }).FirstOrDefaultAsync(ct)
            : null;
        var termEnd = EmailComposer.DateIn(kenmerken, "uiterlijkeDatum");
        if (sjabloon == "herstelverzoek" && caseId is { } herstelCase)
        {
            // The hersteltermijn the same transition started (the letter names the same date).
            termEnd = await db.Deadlines.AsNoTracking()
                .Where(d => d.CaseId == herstelCase && d.KindId == TermKinds.Hersteltermijn.Id)
                .OrderByDescending(d => d.StartedOn)
                .Select(d => (DateOnly?)d.CurrentDueDate)
                .FirstOrDefaultAsync(ct) ?? termEnd;
        }

        (string, byte[])? letter = null;
        if (EmailComposer.StringIn(kenmerken, "briefDocumentId") is { } documentText && Guid.TryParse(documentText, out var documentId))
        {
            var version = await db.Set<Document>().AsNoTracking().Where(d => d.Id == documentId)
                .Join(db.Set<DocumentVersion>(), d => new { d.Id, V = d.LatestVersion }, v => new { Id = v.DocumentId, V = v.Version }, (d, v) => v)
                .FirstOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"Brief {documentId} staat niet in het dossier.");
            using var content = new MemoryStream();
            if (!await store.CopyToAsync(db, version.Sha256, content, ct))
            {
                throw new InvalidOperationException($"De inhoud van brief {documentId} ontbreekt.");
            }

            letter = (version.FileName, content.ToArray());
        }

        var proposal = sjabloon == "voorstel"
            ? new ProposalFacts(
                EmailComposer.StringIn(kenmerken, "besluit") ?? EmailComposer.StringIn(kenmerken, "voorstel") ?? "een besluit",
                EmailComposer.StringIn(kenmerken, "voorgesteldDoor") ?? "Een collega",
                EmailComposer.StringIn(kenmerken, "bedrag"))
            : null;
        return new MailFacts(sjabloon, caseId, c?.Reference, c?.Title, termEnd, EmailComposer.StringIn(kenmerken, "naam"), EmailComposer.StringIn(kenmerken, "vergadering"), letter, proposal);
    }

    private async Task<DeliveryRunResult> RecordSuccessAsync(Guid deliveryId, Guid token, CancellationToken ct)
    {
        DateTimeOffset? now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var rows = await db.Deliveries.Where(d => d.Id == deliveryId && d.LeaseOwner == token)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Delivered)
                      .SetProperty(d => d.DeliveredAt, now)
                      .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                      .SetProperty(d => d.LastError, (string?)null)
                      .SetProperty(d => d.LeaseOwner, (Guid?)null)
                      .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null),
                ct);
        if (rows != 1)
        {
            // The lease lapsed and another host took it: it was sent, the other host records its own outcome.
            LogLeaseLost(deliveryId);
            return DeliveryRunResult.None with { NotClaimed = 1 };
        }

        return DeliveryRunResult.None with { Delivered = 1 };
    }

    private async Task<DeliveryRunResult> RecordFailureAsync(Guid deliveryId, Guid token, Exception error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var attempts = await db.Deliveries.AsNoTracking().Where(d => d.Id == deliveryId).Select(d => d.Attempts).FirstAsync(ct) + 1;
        var policy = Options.RetryPolicy;
        var exhausted = policy.IsExhausted(attempts);
        var next = exhausted ? now : now + policy.DelayAfter(attempts, RandomNumberGenerator.GetInt32(1_000_000) / 1_000_000.0);
        var message = Describe(error);
        var rows = await db.Deliveries.Where(d => d.Id == deliveryId && d.LeaseOwner == token)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, exhausted ? DeliveryStatus.DeadLettered : DeliveryStatus.Pending)
                      .SetProperty(d => d.Attempts, attempts)
                      .SetProperty(d => d.NextAttemptAt, next)
                      .SetProperty(d => d.LastError, message)
                      .SetProperty(d => d.LeaseOwner, (Guid?)null)
                      .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null),
                ct);
        if (rows != 1)
        {
            LogLeaseLost(deliveryId);
            return DeliveryRunResult.None with { NotClaimed = 1 };
        }

        if (exhausted)
        {
            LogDeadLettered(error, deliveryId, attempts);
            return DeliveryRunResult.None with { DeadLettered = 1 };
        }

        LogRetryLater(deliveryId, attempts, next, message);
        return DeliveryRunResult.None with { Failed = 1 };
    }

    /// <summary>The error as the Beheerder reads it on "Niet bezorgde berichten": the innermost message, at most 2000 characters.</summary>
    private static string Describe(Exception error)
    {
        var inner = error.GetBaseException();
        var text = inner == error ? error.Message : $"{error.Message} ({inner.Message})";

        return text.Length <= 2000 ? text : text[..2000];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery dispatcher is disabled (Delivery:Enabled = false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery dispatcher started: polling every {PollInterval}, leases lapse after {Lease}, e-mail to {Smtp}")]
    private partial void LogStarted(TimeSpan pollInterval, TimeSpan lease, string smtp);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery pass: {Reminders} reminders, {FannedOut} messages fanned out, {Delivered} delivered, {Failed} failed, {DeadLettered} dead-lettered, {NotClaimed} held elsewhere")]
    private partial void LogPass(int reminders, int fannedOut, int delivered, int failed, int deadLettered, int notClaimed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery pass failed; retrying after the polling interval")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox item {Id} failed; tried again in a later pass")]
    private partial void LogItemFailed(Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was sent after its lease lapsed; the host that took it over records the outcome")]
    private partial void LogLeaseLost(Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed (attempt {Attempts}); next attempt at {Next}: {Error}")]
    private partial void LogRetryLater(Guid deliveryId, int attempts, DateTimeOffset next, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} dead-lettered after {Attempts} attempts")]
    private partial void LogDeadLettered(Exception exception, Guid deliveryId, int attempts);
}
