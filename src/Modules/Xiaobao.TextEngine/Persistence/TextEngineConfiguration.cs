using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xiaobao.TextEngine.Domain;

namespace Xiaobao.TextEngine.Persistence;

internal sealed class StoredRuleSetConfiguration : IEntityTypeConfiguration<StoredRuleSet>
{
    public void Configure(EntityTypeBuilder<StoredRuleSet> builder)
    {
        builder.ToTable("txt_rule_sets");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RuleSetId).HasMaxLength(StoredRuleSet.IdMaxLength).IsRequired();
        builder.Property(r => r.Version).HasMaxLength(StoredRuleSet.VersionMaxLength).IsRequired();
        builder.Property(r => r.Document).IsRequired();
        builder.Property(r => r.ImportedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(r => new { r.RuleSetId, r.Version }).IsUnique();
        builder.HasIndex(r => new { r.IsActive, r.RuleSetId });
    }
}

internal sealed class UserTermListConfiguration : IEntityTypeConfiguration<UserTermList>
{
    public void Configure(EntityTypeBuilder<UserTermList> builder)
    {
        builder.ToTable("txt_term_lists");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Name).HasMaxLength(UserTermList.NameMaxLength).IsRequired();
        builder.HasIndex(l => l.Name).IsUnique();
        builder.Property(l => l.Terms).IsRequired();
        builder.Ignore(l => l.TermList);
    }
}
