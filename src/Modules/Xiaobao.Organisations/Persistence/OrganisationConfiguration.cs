using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations.Persistence;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("org_organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Code).HasMaxLength(Organisation.CodeMaxLength).IsRequired();
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.NameZh).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.HasIndex(o => new { o.NameZh, o.Id });
        builder.HasIndex(o => new { o.NameEn, o.Id });
        builder.HasIndex(o => new { o.Level, o.Id });
        builder.HasIndex(o => new { o.UpdatedAt, o.Id });
        builder.Property(o => o.NameEn).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.Level).HasConversion<int>();
        builder.Property(o => o.Path).HasMaxLength(400).IsRequired();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
