using Casework.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Persistence.Configurations;

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reference).HasMaxLength(32).IsRequired();
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Property(c => c.CaseType).HasMaxLength(64).IsRequired();
        builder.Property(c => c.DefinitionId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.State).HasMaxLength(64).IsRequired();
        builder.Property(c => c.StateLabel).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Resultaat).HasMaxLength(64);
        builder.Property(c => c.Title).HasMaxLength(300).IsRequired();
        builder.Property(c => c.OwningOrganisation).HasMaxLength(64).IsRequired();
        builder.Property(c => c.RoutedTo).HasMaxLength(64);
        builder.Property(c => c.Behandelaar).HasMaxLength(128);
        builder.Property(c => c.BehandelaarName).HasMaxLength(200);
        builder.HasIndex(c => new { c.RoutedTo, c.Behandelaar });
        builder.Property(c => c.ProposedAction).HasMaxLength(64);
        builder.Property(c => c.ProposalReason).HasMaxLength(4000);
        builder.Property(c => c.ProposedBy).HasMaxLength(128);
        builder.Property(c => c.ProposedByName).HasMaxLength(200);
        builder.Property(c => c.ProposedByOrganisation).HasMaxLength(64);
        builder.Property(c => c.BodyCode).HasMaxLength(64);
        builder.Property(c => c.LeadDepartment).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.OwningOrganisation, c.CaseType });
        builder.HasIndex(c => c.RoutedTo);
        builder.HasIndex(c => new { c.CaseType, c.State });

        // The status history is an entity of its own (not owned), so that a transition can load the case without
        // it (owned collections are always loaded): a transition only appends, numbered from LastStatusSequence.
        // Every other query still gets it automatically (AutoInclude); CaseAccess.LoadVisibleAsync(withHistory: false)
        // opts out with IgnoreAutoIncludes.
        builder.HasMany(c => c.Statuses).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Statuses).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        builder.OwnsMany(c => c.Members, m =>
        {
            m.ToTable("CaseMembers");
            m.WithOwner().HasForeignKey(x => x.CaseId);
            m.HasKey(x => new { x.CaseId, x.OrganisationCode });
            m.Property(x => x.OrganisationCode).HasMaxLength(64);
            m.HasIndex(x => x.OrganisationCode);
        });
        builder.Navigation(c => c.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseStatusConfiguration : IEntityTypeConfiguration<CaseStatus>
{
    public void Configure(EntityTypeBuilder<CaseStatus> builder)
    {
        builder.ToTable("CaseStatuses");
        builder.HasKey(x => new { x.CaseId, x.Sequence });

        // The volgnummer is ours, never generated: a new status with its number set must be an INSERT.
        builder.Property(x => x.Sequence).ValueGeneratedNever();
        builder.Property(x => x.State).HasMaxLength(64);
        builder.Property(x => x.Label).HasMaxLength(200);
        builder.Property(x => x.ActionId).HasMaxLength(64);
        builder.Property(x => x.ActorUserId).HasMaxLength(128);
        builder.Property(x => x.ActorOrganisation).HasMaxLength(64);
        builder.Property(x => x.Reason).HasMaxLength(4000);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Stream).HasMaxLength(64).IsRequired();

        // One event per (stream, sequence): two writers racing for the same place in a chain cannot both win.
        builder.HasIndex(e => new { e.Stream, e.Sequence }).IsUnique();
        builder.Property(e => e.ActorUserId).HasMaxLength(128);
        builder.Property(e => e.ActorOrganisation).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(128);
        builder.Property(e => e.ObjectType).HasMaxLength(64);
        builder.Property(e => e.ObjectId).HasMaxLength(64);
        builder.Property(e => e.Result).HasMaxLength(32);
        builder.Property(e => e.Reason).HasMaxLength(4000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.ToTable("AuditCheckpoints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Heads).IsRequired();
        builder.Property(c => c.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.Hash).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kanaal).HasMaxLength(64);
        builder.Property(m => m.HoofdObject).HasMaxLength(400);
        builder.Property(m => m.Resource).HasMaxLength(64);
        builder.Property(m => m.ResourceUrl).HasMaxLength(400);
        builder.Property(m => m.Actie).HasMaxLength(64);
        builder.HasIndex(m => m.DispatchedAt);
    }
}

internal sealed class CaseDecisionConfiguration : IEntityTypeConfiguration<CaseDecision>
{
    public void Configure(EntityTypeBuilder<CaseDecision> builder)
    {
        builder.ToTable("CaseDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.BesluitType).HasMaxLength(64);
        builder.Property(d => d.ActionId).HasMaxLength(64);
        builder.Property(d => d.DecidedBy).HasMaxLength(128);
        builder.Property(d => d.Toelichting).HasMaxLength(4000);
        builder.HasIndex(d => d.CaseId);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublishedDefinitionConfiguration : IEntityTypeConfiguration<PublishedDefinition>
{
    public void Configure(EntityTypeBuilder<PublishedDefinition> builder)
    {
        builder.ToTable("PublishedDefinitions");
        builder.HasKey(p => new { p.DefinitionId, p.Version });
        builder.Property(p => p.DefinitionId).HasMaxLength(64);
        builder.Property(p => p.ContentHash).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class CaseReferenceCounterConfiguration : IEntityTypeConfiguration<CaseReferenceCounter>
{
    public void Configure(EntityTypeBuilder<CaseReferenceCounter> builder)
    {
        builder.ToTable("CaseReferenceCounters");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(32);
    }
}

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> builder)
    {
        builder.ToTable("CaseLinks");
        builder.HasKey(l => new { l.FromCaseId, l.ToCaseId, l.Kind });
        builder.Property(l => l.Kind).HasMaxLength(32);
        builder.Property(l => l.Reason).HasMaxLength(4000);
        builder.HasIndex(l => l.ToCaseId);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(l => l.FromCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(l => l.ToCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
