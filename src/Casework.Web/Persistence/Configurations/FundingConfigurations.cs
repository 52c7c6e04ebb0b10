using Casework.Domain.Common;
using Casework.Domain.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Persistence.Configurations;

internal sealed class TrancheConfiguration : IEntityTypeConfiguration<Tranche>
{
    public void Configure(EntityTypeBuilder<Tranche> builder)
    {
        builder.ToTable("Tranches");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(32).IsRequired();
        builder.HasIndex(t => new { t.Regeling, t.Name }).IsUnique();
        builder.Property(t => t.Notes).HasMaxLength(2000);
        builder.Property(t => t.RuleSetJson).IsRequired();
        builder.Ignore(t => t.RuleSet);
    }
}

internal sealed class RoundBudgetConfiguration : IEntityTypeConfiguration<RoundBudget>
{
    public void Configure(EntityTypeBuilder<RoundBudget> builder)
    {
        builder.ToTable("RoundBudgets");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasConversion(id => id.Value, v => new RoundBudgetId(v));
        builder.Property(b => b.Round).HasMaxLength(32).IsRequired();
        foreach (var money in new[] { nameof(RoundBudget.Ceiling), nameof(RoundBudget.Committed), nameof(RoundBudget.AwardedPaidOut), nameof(RoundBudget.Paid), nameof(RoundBudget.Reclaimed), nameof(RoundBudget.Vastgesteld) })
        {
            // Whole cents as INTEGER: the award's conditional update (CommittedCents + @a <= CeilingCents) is exact
            // on every provider, where SQLite would compare decimal TEXT as floating point.
            builder.Property<Money>(money).HasConversion(m => decimal.ToInt64(m.Euros * 100m), v => new Money(v / 100m)).HasColumnName(money + "Cents");
        }

        builder.Ignore(b => b.Remaining);

        // The ledger is the tranche's: same id, one row per round. (No FK: EF cannot relate the typed
        // RoundBudgetId to the tranche's Guid key; both rows are written together by whoever opens a round.)
        builder.HasIndex(b => new { b.Regeling, b.Round }).IsUnique();
    }
}
