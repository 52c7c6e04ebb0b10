using Casework.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Persistence.Configurations;

/// <summary>
/// The besluiten gelijkstelling (Atw art. 3 lid 3) and their days. A date is equated by one besluit at most: the
/// unique index on the day keeps it so even against two Beheerders adding at once.
/// </summary>
internal sealed class EquatedDaysConfiguration : IEntityTypeConfiguration<EquatedDaysDecree>
{
    public void Configure(EntityTypeBuilder<EquatedDaysDecree> builder)
    {
        builder.ToTable("EquatedDaysDecrees");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Title).HasMaxLength(400).IsRequired();
        builder.HasIndex(d => d.Title).IsUnique();
        builder.Property(d => d.RecordedBy).HasMaxLength(200).IsRequired();
        builder.OwnsMany(d => d.Days, day =>
        {
            day.ToTable("EquatedDays");
            day.WithOwner().HasForeignKey("DecreeId");
            day.Property<int>("Id");
            day.HasKey("Id");
            day.HasIndex(nameof(EquatedDay.Date)).IsUnique();
        });
        builder.Navigation(d => d.Days).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
