using System.Security.Cryptography;
using System.Text;

namespace Casework.Domain.Delivery;

/// <summary>How a delivery reaches its recipient.</summary>
public enum DeliveryChannel
{
    /// <summary>An e-mail over SMTP; the recipient is an e-mail address.</summary>
    Email,

    /// <summary>A signed HTTP POST in the ZGW Notificaties shape; the recipient is the webhook subscription's id.</summary>
    Webhook,
}

/// <summary>Where a delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not delivered yet; tried again from <see cref="OutboxDelivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>The recipient accepted it.</summary>
    Delivered,

    /// <summary>Every attempt failed; waits for a Beheerder to try again.</summary>
    DeadLettered,
}

/// <summary>
/// One outbox message to one recipient over one channel. Written when the dispatcher fans a message out; the
/// dispatcher claims it with a lease (a conditional update on status and lease), delivers it and records the outcome.
/// The <see cref="MessageIdentifier"/> is derived from the message and the recipient only, so every attempt, on any
/// host, carries the same one and a receiver recognises a resend.
/// </summary>
public sealed class OutboxDelivery
{
    private OutboxDelivery()
    {
        Recipient = string.Empty;
        RecipientLabel = string.Empty;
        MessageIdentifier = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The outbox message delivered.</summary>
    public Guid OutboxMessageId { get; private set; }

    /// <summary>The case the message is about, if any (for the case page's timeline).</summary>
    public Guid? CaseId { get; private set; }

    public DeliveryChannel Channel { get; private set; }

    /// <summary>The e-mail address, or the webhook subscription's id.</summary>
    public string Recipient { get; private set; }

    /// <summary>Who the recipient is, in Dutch, for people ("gemeente Rotterdam", "Fatima el Idrissi", "webhook van …").</summary>
    public string RecipientLabel { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>The host's claim token while it delivers; null when nobody holds it.</summary>
    public Guid? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The stable id a receiver sees: the e-mail's Message-ID, the webhook's delivery header.</summary>
    public string MessageIdentifier { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static OutboxDelivery Plan(Guid outboxMessageId, Guid? caseId, DeliveryChannel channel, string recipient, string recipientLabel, string messageIdDomain, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageIdDomain);
        return new OutboxDelivery
        {
            Id = Guid.NewGuid(),
            OutboxMessageId = outboxMessageId,
            CaseId = caseId,
            Channel = channel,
            Recipient = recipient,
            RecipientLabel = string.IsNullOrWhiteSpace(recipientLabel) ? recipient : recipientLabel,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = at,
            MessageIdentifier = StableMessageId(outboxMessageId, channel, recipient, messageIdDomain),
            CreatedAt = at,
        };
    }

    /// <summary>
    /// <c>{hash}@{domain}</c> (RFC 5322 msg-id without the angle brackets), the hash over message id, channel and
    /// recipient: the same for every attempt, different for every recipient.
    /// </summary>
    public static string StableMessageId(Guid outboxMessageId, DeliveryChannel channel, string recipient, string domain)
    {
        var key = $"{outboxMessageId:N}|{channel}|{recipient.Trim().ToLowerInvariant()}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return $"{hash}@{domain}";
    }
}
