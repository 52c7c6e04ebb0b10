using System.Text.Json;
using Casework.Domain.Common;
using Casework.Domain.Funding;
using Casework.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Persistence.Configurations;

internal sealed class FundingApplicationConfiguration : IEntityTypeConfiguration<FundingApplication>
{
    public void Configure(EntityTypeBuilder<FundingApplication> builder)
    {
        builder.ToTable("FundingApplications");
        builder.HasKey(a => a.Id);

        // The application is the case's: same id, deleted with it never (cases are not deleted).
        builder.HasOne<Domain.Cases.CaseFile>().WithOne().HasForeignKey<FundingApplication>(a => a.Id);
        builder.HasOne<Tranche>().WithMany().HasForeignKey(a => a.TrancheId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TrancheId, a.ApplicantCbsCode });

        builder.Property(a => a.ApplicantCbsCode).HasMaxLength(6).IsRequired();
        builder.Property(a => a.JointMemberCodes).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.ProjectName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.FocusgebiedCode).HasMaxLength(64);
        builder.Property(a => a.FocusgebiedName).HasMaxLength(200);
        builder.Property(a => a.OtherAreaDescription).HasMaxLength(2000);
        builder.Property(a => a.PreviousApplicationReference).HasMaxLength(64);
        builder.Property(a => a.HerkansingRecordedBy).HasMaxLength(200);
        builder.Property(a => a.ScoresJson).HasMaxLength(4000);
        builder.Property(a => a.TotalScore).HasPrecision(18, 6);

        foreach (var money in new[]
        {
            nameof(FundingApplication.FinancialDeficit), nameof(FundingApplication.RequestedAmount),
            nameof(FundingApplication.OwnContribution), nameof(FundingApplication.GemeenteProjectCosts),
        })
        {
            builder.Property<Money>(money).HasConversion(m => m.Euros, v => new Money(v)).HasPrecision(18, 2);
        }

        foreach (var money in new[]
        {
            nameof(FundingApplication.MaxKoopPrice), nameof(FundingApplication.InvestmentVolume),
            nameof(FundingApplication.PrimaryActivitiesAmount), nameof(FundingApplication.SecondaryActivitiesAmount),
            nameof(FundingApplication.AwardedAmount),
        })
        {
            builder.Property<Money?>(money).HasConversion(m => m!.Value.Euros, v => new Money(v)).HasPrecision(18, 2);
        }

        builder.Property(a => a.ResidentsInterests).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            s => JsonSerializer.Deserialize<ResidentsInterests>(s, JsonSerializerOptions.Web)!).HasMaxLength(8000);

        builder.Ignore(a => a.Homes);
        builder.Ignore(a => a.JointMemberCbsCodes);
    }
}

internal sealed class RoundTieBreakConfiguration : IEntityTypeConfiguration<RoundTieBreak>
{
    public void Configure(EntityTypeBuilder<RoundTieBreak> builder)
    {
        builder.ToTable("RoundTieBreaks");
        builder.HasKey(t => t.TrancheId);
        builder.Property(t => t.OrderJson).IsRequired();
        builder.Property(t => t.DecidedBy).HasMaxLength(200).IsRequired();
    }
}

internal sealed class DesignatedRegionMemberConfiguration : IEntityTypeConfiguration<DesignatedRegionMember>
{
    public void Configure(EntityTypeBuilder<DesignatedRegionMember> builder)
    {
        builder.ToTable("DesignatedRegionMembers");
        builder.HasKey(m => new { m.RegionSet, m.GemeenteCbsCode });
        builder.Property(m => m.RegionSet).HasMaxLength(32);
        builder.Property(m => m.Region).HasMaxLength(200).IsRequired();
        builder.Property(m => m.GemeenteCbsCode).HasMaxLength(6);
    }
}
