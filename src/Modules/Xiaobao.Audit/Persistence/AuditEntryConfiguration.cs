using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xiaobao.Audit.Domain;

namespace Xiaobao.Audit.Persistence;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("aud_entries");

        // The sequence is the key: unique by construction, assigned by the chain, never by the database.
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorKind).HasMaxLength(16).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(AuditEntry.NameMaxLength).IsRequired();
        builder.Property(e => e.OrganisationPath).HasMaxLength(512).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(AuditEntry.NameMaxLength).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(AuditEntry.NameMaxLength);
        builder.Property(e => e.Action).HasMaxLength(32).IsRequired();

        // Plain text, not jsonb: the hash covers these exact characters, which jsonb would reorder.
        builder.Property(e => e.Changes).IsRequired();
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });

        // The auditor filters by organisation (or a branch's subtree of them) far more often than by anything else.
        builder.HasIndex(e => e.OrganisationId);
    }
}
