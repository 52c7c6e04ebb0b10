using System.Text.Json;
using System.Text.Json.Serialization;
using Casework.Domain.Cases;
using Casework.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Persistence.Configurations;

/// <summary>
/// Deadlines are rows written with the transition that starts them. The worker's bookkeeping (which
/// action fires on expiry, the claim, when the warning and the expiry were handled) lives in shadow
/// properties: infrastructure, not part of the legal model.
/// </summary>
internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public const string OnExpiryAction = "OnExpiryAction";
    public const string ClaimToken = "ClaimToken";
    public const string ClaimedUntil = "ClaimedUntil";
    public const string WarnedAt = "WarnedAt";
    public const string ExpiryHandledAt = "ExpiryHandledAt";
    public const string DueAt = "DueAt";
    public const string WarnAt = "WarnAt";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<Deadline> builder)
    {
        builder.ToTable("Deadlines");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.KindId).HasMaxLength(64).IsRequired();
        builder.HasIndex(d => d.CaseId);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(d => d.Kind);
        builder.Ignore(d => d.WarningDate);
        builder.Ignore(d => d.IsClosed);
        builder.Ignore(d => d.Extensions);

        builder.Property<List<DeadlineExtension>>("_extensions")
            .HasColumnName("Extensions")
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<DeadlineExtension>>(v, Json) ?? new List<DeadlineExtension>(),
                new ValueComparer<List<DeadlineExtension>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e.GetHashCode())),
                    v => v.ToList()));

        // Worker bookkeeping. DueAt/WarnAt are the UTC instants (start of the day after the due date /
        // start of the warning date, Europe/Amsterdam) so the worker can find due rows with one index seek.
        builder.Property<string?>(OnExpiryAction).HasMaxLength(64);
        builder.Property<Guid?>(ClaimToken);
        builder.Property<DateTimeOffset?>(ClaimedUntil);
        builder.Property<DateTimeOffset?>(WarnedAt);
        builder.Property<DateTimeOffset?>(ExpiryHandledAt);
        builder.Property<DateTimeOffset>(DueAt);
        builder.Property<DateTimeOffset>(WarnAt);
        builder.HasIndex(nameof(Deadline.Status), DueAt);
        builder.HasIndex(nameof(Deadline.Status), WarnAt);
    }
}
