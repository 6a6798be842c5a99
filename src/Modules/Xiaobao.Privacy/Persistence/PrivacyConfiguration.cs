using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xiaobao.Privacy.Domain;

namespace Xiaobao.Privacy.Persistence;

internal sealed class PersonalDataKeyUseConfiguration : IEntityTypeConfiguration<PersonalDataKeyUse>
{
    public void Configure(EntityTypeBuilder<PersonalDataKeyUse> builder)
    {
        builder.ToTable("prv_keys");
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasMaxLength(PersonalDataKeyUse.KeyIdMaxLength);
    }
}

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> builder)
    {
        builder.ToTable("prv_access_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ActorKind).HasMaxLength(16).IsRequired();
        builder.Property(a => a.ActorName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Kind).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Field).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(32).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(PersonalDataAccess.ReasonMaxLength);
        builder.Property(a => a.Refusal).HasMaxLength(32);
        builder.Property(a => a.OrganisationPath).HasMaxLength(400).IsRequired();
        builder.HasIndex(a => new { a.Kind, a.RecordId, a.At });
    }
}

internal sealed class KeyRotationStateConfiguration : IEntityTypeConfiguration<KeyRotationState>
{
    public void Configure(EntityTypeBuilder<KeyRotationState> builder)
    {
        builder.ToTable("prv_key_rotation");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.TargetKeyId).HasMaxLength(PersonalDataKeyUse.KeyIdMaxLength).IsRequired();
        builder.Property(r => r.Entity).HasMaxLength(128);
    }
}
