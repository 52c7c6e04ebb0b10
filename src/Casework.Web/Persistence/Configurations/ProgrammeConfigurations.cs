using Casework.Domain.Organisations;
using Casework.Web.Features.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Persistence.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("Indicators");
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(64);
        builder.Property(i => i.Name).HasMaxLength(300).IsRequired();
        builder.Property(i => i.Actielijn).HasMaxLength(64).IsRequired();
        builder.Property(i => i.Unit).HasMaxLength(100).IsRequired();
        builder.Property(i => i.UsualSource).HasMaxLength(200).IsRequired();
        builder.Property(i => i.FocusgebiedCode).HasMaxLength(64);
        builder.Property(i => i.CreatedBy).HasMaxLength(200).IsRequired();
        builder.HasOne<Focusgebied>().WithMany().HasForeignKey(i => i.FocusgebiedCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.Ignore(i => i.IsLocal);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.ToTable("IndicatorMeasurements");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.IndicatorCode).HasMaxLength(64).IsRequired();
        builder.Property(m => m.FocusgebiedCode).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Period).HasMaxLength(16).IsRequired();
        builder.Property(m => m.Value).HasPrecision(18, 4);
        builder.Property(m => m.Source).HasMaxLength(300).IsRequired();
        builder.Property(m => m.RecordedBy).HasMaxLength(200).IsRequired();
        builder.Property(m => m.RecordedByName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.ReplacedBy).HasMaxLength(200);
        builder.Property(m => m.ReplaceReason).HasMaxLength(2000);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(m => m.IndicatorCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Focusgebied>().WithMany().HasForeignKey(m => m.FocusgebiedCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.FocusgebiedCode, m.IndicatorCode, m.Period });
    }
}

internal sealed class DoelConfiguration : IEntityTypeConfiguration<Doel>
{
    public void Configure(EntityTypeBuilder<Doel> builder)
    {
        builder.ToTable("Doelen");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FocusgebiedCode).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Actielijn).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Omschrijving).HasMaxLength(2000).IsRequired();
        builder.Property(d => d.IndicatorCode).HasMaxLength(64).IsRequired();
        builder.Property(d => d.BaselineValue).HasPrecision(18, 4);
        builder.Property(d => d.BaselineSource).HasMaxLength(300).IsRequired();
        builder.Property(d => d.CreatedBy).HasMaxLength(200).IsRequired();
        builder.HasOne<Indicator>().WithMany().HasForeignKey(d => d.IndicatorCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Focusgebied>().WithMany().HasForeignKey(d => d.FocusgebiedCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.FocusgebiedCode);
    }
}

internal sealed class StreefwaardeConfiguration : IEntityTypeConfiguration<Streefwaarde>
{
    public void Configure(EntityTypeBuilder<Streefwaarde> builder)
    {
        builder.ToTable("Streefwaarden");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Value).HasPrecision(18, 4);
        builder.Property(s => s.Reason).HasMaxLength(2000);
        builder.Property(s => s.RecordedBy).HasMaxLength(200).IsRequired();
        builder.Property(s => s.RecordedByName).HasMaxLength(200).IsRequired();
        builder.HasOne<Doel>().WithMany().HasForeignKey(s => s.DoelId).OnDelete(DeleteBehavior.Restrict);

        // Two editors changing the same streefwaarde at once: the second version number is refused, never forked.
        builder.HasIndex(s => new { s.DoelId, s.Version }).IsUnique();
    }
}
