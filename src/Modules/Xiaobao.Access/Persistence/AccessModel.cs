using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Access.Domain;

namespace Xiaobao.Access.Persistence;

/// <summary>Renames Identity's tables into the module's prefix and maps the module's own entities.</summary>
public static class AccessModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<XiaobaoUser>(b =>
        {
            b.ToTable("acc_users");
            b.Property(u => u.DisplayName).HasMaxLength(XiaobaoUser.DisplayNameMaxLength).IsRequired();
            b.Property(u => u.OrganisationPath).HasMaxLength(400).IsRequired();
            b.Property(u => u.PreferredCulture).HasMaxLength(10).IsRequired();
            b.HasIndex(u => u.OrganisationId);
            b.HasIndex(u => new { u.DisplayName, u.Id });
            b.HasIndex(u => new { u.LastSignInAt, u.Id });
        });
        builder.Entity<XiaobaoRole>().ToTable("acc_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("acc_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("acc_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("acc_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("acc_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("acc_role_claims");

        builder.Entity<ApiKey>(b =>
        {
            b.ToTable("acc_api_keys");
            b.HasKey(k => k.Id);
            b.Property(k => k.Id).ValueGeneratedNever();
            b.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
            b.Property(k => k.Lookup).HasMaxLength(16).IsRequired();
            b.HasIndex(k => k.Lookup).IsUnique();
            b.Property(k => k.SecretHash).HasMaxLength(64).IsRequired();
            b.Property(k => k.OrganisationPath).HasMaxLength(400).IsRequired();
            b.PrimitiveCollection(k => k.Permissions);
        });

        builder.Entity<SignInRecord>(b =>
        {
            b.ToTable("acc_sign_ins");
            b.HasKey(s => s.Id);
            b.Property(s => s.UserName).HasMaxLength(256).IsRequired();
            b.Property(s => s.OrganisationPath).HasMaxLength(400).IsRequired();
            b.Property(s => s.Method).HasMaxLength(16).IsRequired();
            b.HasIndex(s => s.At);
        });
    }
}
