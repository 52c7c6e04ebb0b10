using Casework.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Code);
        builder.Property(o => o.Code).HasMaxLength(64);
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.ParentCode).HasMaxLength(64);
        builder.Property(o => o.Province).HasMaxLength(64);
        builder.Property(o => o.FunctionalMailbox).HasMaxLength(Casework.Domain.Delivery.EmailAddresses.MaxLength);
        builder.HasIndex(o => o.Kind);
        builder.OwnsMany(o => o.Population, p =>
        {
            p.ToTable("PopulationFigures");
            p.WithOwner().HasForeignKey("OrganisationCode");
            p.Property<int>("Id");
            p.HasKey("Id");
            p.HasIndex("OrganisationCode", nameof(PopulationFigure.ReferenceDate)).IsUnique();
        });
        builder.Navigation(o => o.Population).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FocusgebiedConfiguration : IEntityTypeConfiguration<Focusgebied>
{
    public void Configure(EntityTypeBuilder<Focusgebied> builder)
    {
        builder.ToTable("Focusgebieden");
        builder.HasKey(f => f.Code);
        builder.Property(f => f.Code).HasMaxLength(64);
        builder.Property(f => f.Name).HasMaxLength(200).IsRequired();
        builder.Property(f => f.GemeenteCode).HasMaxLength(64).IsRequired();
        builder.Property(f => f.AllianceCode).HasMaxLength(64).IsRequired();
        builder.Property(f => f.RijksvertegenwoordigerDepartment).HasMaxLength(64);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.GemeenteCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.AllianceCode).OnDelete(DeleteBehavior.Restrict);
    }
}
