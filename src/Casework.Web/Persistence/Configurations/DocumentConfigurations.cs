using Casework.Domain.Cases;
using Casework.Domain.Documents;
using Casework.Domain.Escalation;
using Casework.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Casework.Web.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("Documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Title).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Informatieobjecttype).HasMaxLength(64).IsRequired();
        builder.Property(d => d.AuthorOrganisation).HasMaxLength(64).IsRequired();
        builder.Property(d => d.AuthorUser).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(32).HasDefaultValue(DocumentStatus.InBewerking).HasSentinel((DocumentStatus)(-1));
        builder.Ignore(d => d.IsDefinitief);
        builder.HasOne<CaseFile>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.CaseId);
        builder.HasIndex(d => d.MeetingId);
        builder.HasIndex(d => d.AgendaItemId);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.Latest);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.ToTable("DocumentVersions");
        builder.HasKey(v => new { v.DocumentId, v.Version });
        builder.Property(v => v.FileName).HasMaxLength(255).IsRequired();
        builder.Property(v => v.Format).HasMaxLength(128).IsRequired();
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(v => v.AuthorOrganisation).HasMaxLength(64).IsRequired();
        builder.Property(v => v.AuthorUser).HasMaxLength(200).IsRequired();
        // A version never exists without its content: the content row is written first, in the same transaction.
        builder.HasOne<DocumentContent>().WithMany().HasForeignKey(v => v.Sha256).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.Sha256);
    }
}

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> builder)
    {
        builder.ToTable("DocumentContents");
        builder.HasKey(c => c.Sha256);
        builder.Property(c => c.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class DocumentContentChunkConfiguration : IEntityTypeConfiguration<DocumentContentChunk>
{
    public void Configure(EntityTypeBuilder<DocumentContentChunk> builder)
    {
        builder.ToTable("DocumentContentChunks");
        builder.HasKey(c => new { c.Sha256, c.Sequence });
        builder.Property(c => c.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.Data).IsRequired();
        builder.HasOne<DocumentContent>().WithMany().HasForeignKey(c => c.Sha256).OnDelete(DeleteBehavior.Cascade);
    }
}
