using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Persistence.Configurations;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.HasKey(p => p.Id);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ApplicationId);

        // Whole cents, like the round's ledger the payment is booked on.
        builder.Property(p => p.AwardedPortion).HasConversion(m => decimal.ToInt64(m.Euros * 100m), v => new Money(v / 100m)).HasColumnName("AwardedPortionCents");
        builder.Property(p => p.Paid).HasConversion(m => decimal.ToInt64(m.Euros * 100m), v => new Money(v / 100m)).HasColumnName("PaidCents");
        builder.Property(p => p.BtwCompensatiefondsShare).HasPrecision(5, 4);
        builder.Property(p => p.RecordedBy).HasMaxLength(200).IsRequired();
    }
}

internal sealed class ReclamationConfiguration : IEntityTypeConfiguration<Reclamation>
{
    public void Configure(EntityTypeBuilder<Reclamation> builder)
    {
        builder.ToTable("Reclamations");
        builder.HasKey(r => r.Id);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ApplicationId);
        builder.Property(r => r.Amount).HasConversion(m => decimal.ToInt64(m.Euros * 100m), v => new Money(v / 100m)).HasColumnName("AmountCents");
        builder.Property(r => r.Reason).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.RecordedBy).HasMaxLength(200).IsRequired();
    }
}
