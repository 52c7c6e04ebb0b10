using Casework.Domain.Cases;
using Casework.Domain.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Persistence.Configurations;

internal sealed class OutboxDeliveryConfiguration : IEntityTypeConfiguration<OutboxDelivery>
{
    public void Configure(EntityTypeBuilder<OutboxDelivery> builder)
    {
        builder.ToTable("OutboxDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Recipient).HasMaxLength(400);
        builder.Property(d => d.RecipientLabel).HasMaxLength(400);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.Property(d => d.MessageIdentifier).HasMaxLength(200);

        // One delivery per message, channel and recipient, whichever host fans the message out.
        builder.HasIndex(d => new { d.OutboxMessageId, d.Channel, d.Recipient }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => d.CaseId);
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(d => d.OutboxMessageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.CallbackUrl).HasMaxLength(1000);
        builder.Property(w => w.Kanaal).HasMaxLength(64);
        builder.Property(w => w.Description).HasMaxLength(200);
        builder.Property(w => w.Secret).HasMaxLength(200);
        builder.Property(w => w.CreatedBy).HasMaxLength(128);
    }
}

internal sealed class NotificationSubscriptionConfiguration : IEntityTypeConfiguration<NotificationSubscription>
{
    public void Configure(EntityTypeBuilder<NotificationSubscription> builder)
    {
        builder.ToTable("NotificationSubscriptions");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(128);
        builder.Property(s => s.Organisation).HasMaxLength(64);
        builder.Property(s => s.DisplayName).HasMaxLength(200);
        builder.Property(s => s.Email).HasMaxLength(EmailAddresses.MaxLength);
        builder.HasIndex(s => s.Organisation);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.ToTable("SentReminders");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(200);
    }
}
