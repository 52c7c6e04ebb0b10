using Casework.Domain.Cases;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Features.AfterAward;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Persistence.Configurations;

/// <summary>What follows an award: its versioned conditions, milestones, yearly SiSa verantwoording, vaststelling, terugvordering and wijzigingsverzoeken (ADR-019).</summary>
internal static class AfterAwardMoney
{
    /// <summary>Whole cents, like the round's ledger the amounts are booked on.</summary>
    public static PropertyBuilder<Money> Cents(PropertyBuilder<Money> property, string column) =>
        property.HasConversion(m => decimal.ToInt64(m.Euros * 100m), v => new Money(v / 100m)).HasColumnName(column);
}

internal sealed class AwardConditionsConfiguration : IEntityTypeConfiguration<AwardConditions>
{
    public void Configure(EntityTypeBuilder<AwardConditions> builder)
    {
        builder.ToTable("AwardConditions");
        builder.HasKey(c => c.Id);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ApplicationId, c.Version }).IsUnique();
        AfterAwardMoney.Cents(builder.Property(c => c.Amount), "AmountCents");
        builder.Ignore(c => c.Homes);
        builder.Property(c => c.ProjectArea).HasMaxLength(500);
        builder.Property(c => c.Reason).HasMaxLength(4000).IsRequired();
        builder.Property(c => c.RecordedBy).HasMaxLength(200).IsRequired();
    }
}

internal sealed class AwardMilestoneConfiguration : IEntityTypeConfiguration<AwardMilestone>
{
    public void Configure(EntityTypeBuilder<AwardMilestone> builder)
    {
        builder.ToTable("AwardMilestones");
        builder.HasKey(m => m.Id);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ApplicationId, m.Kind }).IsUnique();
        builder.HasIndex(m => m.Status);
        builder.Property(m => m.Kind).HasMaxLength(32).IsRequired();
        builder.Property(m => m.Source).HasMaxLength(500).IsRequired();
        builder.Property(m => m.TermKindId).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.EvidenceDocumentIds).HasMaxLength(4000).IsRequired();
        builder.Ignore(m => m.Evidence);
        builder.Ignore(m => m.IsSettled);
        builder.Property(m => m.ReportNote).HasMaxLength(4000);
        builder.Property(m => m.ReportedBy).HasMaxLength(200);
        builder.Property(m => m.JudgedBy).HasMaxLength(200);
        builder.Property(m => m.JudgementReason).HasMaxLength(4000);
    }
}

internal sealed class SisaVerantwoordingConfiguration : IEntityTypeConfiguration<SisaVerantwoording>
{
    public void Configure(EntityTypeBuilder<SisaVerantwoording> builder)
    {
        builder.ToTable("SisaVerantwoordingen");
        builder.HasKey(s => s.Id);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ApplicationId, s.BudgetYear }).IsUnique();
        builder.HasIndex(s => s.BudgetYear);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Uitstel).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(s => s.Started);
        builder.Ignore(s => s.Completed);
        AfterAwardMoney.Cents(builder.Property(s => s.Spent), "SpentCents");
        builder.Property(s => s.ReportedBy).HasMaxLength(200);
        builder.Property(s => s.UitstelReason).HasMaxLength(4000);
        builder.Property(s => s.UitstelDecidedBy).HasMaxLength(200);
        builder.Property(s => s.UitstelDecisionReason).HasMaxLength(4000);
        builder.Property(s => s.ClosedReason).HasMaxLength(4000);
    }
}

internal sealed class VaststellingConfiguration : IEntityTypeConfiguration<Vaststelling>
{
    public void Configure(EntityTypeBuilder<Vaststelling> builder)
    {
        builder.ToTable("Vaststellingen");
        builder.HasKey(v => v.Id);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Restrict);

        // One vaststelling per award, also under concurrency.
        builder.HasIndex(v => v.ApplicationId).IsUnique();
        AfterAwardMoney.Cents(builder.Property(v => v.Amount), "AmountCents");
        AfterAwardMoney.Cents(builder.Property(v => v.Awarded), "AwardedCents");
        AfterAwardMoney.Cents(builder.Property(v => v.Paid), "PaidCents");
        builder.Property(v => v.ComputationJson).IsRequired();
        builder.Property(v => v.DecidedBy).HasMaxLength(200).IsRequired();
    }
}

internal sealed class TerugvorderingConfiguration : IEntityTypeConfiguration<Terugvordering>
{
    public void Configure(EntityTypeBuilder<Terugvordering> builder)
    {
        builder.ToTable("Terugvorderingen");
        builder.HasKey(t => t.Id);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Vaststelling>().WithMany().HasForeignKey(t => t.VaststellingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.VaststellingId).IsUnique();
        builder.HasIndex(t => t.ApplicationId);
        AfterAwardMoney.Cents(builder.Property(t => t.Amount), "AmountCents");
    }
}

internal sealed class WijzigingsverzoekConfiguration : IEntityTypeConfiguration<Wijzigingsverzoek>
{
    public void Configure(EntityTypeBuilder<Wijzigingsverzoek> builder)
    {
        builder.ToTable("Wijzigingsverzoeken");
        builder.HasKey(w => w.Id);
        builder.HasOne<CaseFile>().WithOne().HasForeignKey<Wijzigingsverzoek>(w => w.Id).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(w => w.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => w.ApplicationId);
        builder.Property(w => w.Amount).HasConversion(m => decimal.ToInt64(m!.Value.Euros * 100m), v => new Money(v / 100m)).HasColumnName("AmountCents");
        builder.Ignore(w => w.Homes);
        builder.Property(w => w.ProjectArea).HasMaxLength(500);
        builder.Property(w => w.Reason).HasMaxLength(4000).IsRequired();
        builder.Property(w => w.RequestedBy).HasMaxLength(200).IsRequired();
    }
}

internal sealed class BesluitBezwaarConfiguration : IEntityTypeConfiguration<BesluitBezwaar>
{
    public void Configure(EntityTypeBuilder<BesluitBezwaar> builder)
    {
        builder.ToTable("BesluitBezwaren");
        builder.HasKey(b => b.Id);
        builder.HasOne<CaseFile>().WithOne().HasForeignKey<BesluitBezwaar>(b => b.Id).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FundingApplication>().WithMany().HasForeignKey(b => b.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.ApplicationId, b.Besluit });
        builder.Property(b => b.Besluit).HasMaxLength(32).IsRequired();
        builder.Ignore(b => b.OnTime);
        builder.Property(b => b.Reason).HasMaxLength(4000).IsRequired();
        builder.Property(b => b.LodgedBy).HasMaxLength(200).IsRequired();
    }
}
