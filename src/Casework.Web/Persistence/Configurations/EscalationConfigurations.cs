using Casework.Domain.Cases;
using Casework.Domain.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Casework.Web.Persistence.Configurations;

internal sealed class KnelpuntConfiguration : IEntityTypeConfiguration<Knelpunt>
{
    public const string LegacyZorgValue = "Zorg";

    public void Configure(EntityTypeBuilder<Knelpunt> builder)
    {
        builder.ToTable("Knelpunten");
        builder.HasKey(k => k.CaseId);
        builder.HasOne<CaseFile>().WithOne().HasForeignKey<Knelpunt>(k => k.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(k => k.Omschrijving).HasMaxLength(8000).IsRequired();
        builder.Property(k => k.IndienerOrganisatie).HasMaxLength(64).IsRequired();
        builder.Property(k => k.VoorgesteldeOplossing).HasMaxLength(8000);

        // Rows written before the programme's domain names were used say "Zorg"; they read as Gezondheid.
        builder.Property(k => k.Domein)
            .HasConversion(new ValueConverter<KnelpuntDomein, string>(d => d.ToString(), s => s == LegacyZorgValue ? KnelpuntDomein.Gezondheid : Enum.Parse<KnelpuntDomein>(s)))
            .HasMaxLength(64);
        builder.OwnsOne(k => k.Wet, w =>
        {
            w.Property(x => x.Naam).HasColumnName("WetNaam").HasMaxLength(300).IsRequired();
            w.Property(x => x.BwbId).HasColumnName("WetBwbId").HasMaxLength(16);
            w.Property(x => x.Artikel).HasColumnName("WetArtikel").HasMaxLength(100);
        });
        builder.Navigation(k => k.Wet).IsRequired();
        builder.Ignore(k => k.Focusgebieden);
        builder.PrimitiveCollection<List<string>>("_focusgebieden").HasColumnName("Focusgebieden");
    }
}

internal sealed class VastloperConfiguration : IEntityTypeConfiguration<Vastloper>
{
    public void Configure(EntityTypeBuilder<Vastloper> builder)
    {
        builder.ToTable("Vastlopers");
        builder.HasKey(v => v.CaseId);
        builder.HasOne<CaseFile>().WithOne().HasForeignKey<Vastloper>(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Omschrijving).HasMaxLength(8000).IsRequired();
        builder.Property(v => v.FocusgebiedCode).HasMaxLength(64).IsRequired();
        builder.Property(v => v.Department).HasMaxLength(64).IsRequired();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.BodyCode).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Title).HasMaxLength(300).IsRequired();
        builder.HasIndex(m => new { m.BodyCode, m.Date });
        builder.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("AgendaItems");
        builder.HasKey(i => i.Id);

        // Items are added through the meeting's collection with ids the domain chose: never treat them as existing rows.
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.CaseReference).HasMaxLength(32).IsRequired();
        builder.Property(i => i.AddedBy).HasMaxLength(128).IsRequired();
        builder.Property(i => i.LateReason).HasMaxLength(4000);
        builder.Property(i => i.DecisionActionId).HasMaxLength(64);
        builder.Property(i => i.Besluit).HasMaxLength(8000);
        builder.Property(i => i.DecidedBy).HasMaxLength(128);
        builder.HasIndex(i => i.CaseId);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.ActionItems).WithOne().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.ActionItems).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("MeetingActionItems");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Description).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.Owner).HasMaxLength(128).IsRequired();
    }
}
