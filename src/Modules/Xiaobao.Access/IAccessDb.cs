using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Xiaobao.Access.Domain;

namespace Xiaobao.Access;

/// <summary>The slice of the database the access module sees beyond what Identity's managers expose.</summary>
public interface IAccessDb
{
    DbSet<XiaobaoUser> Users { get; }

    DbSet<XiaobaoRole> Roles { get; }

    DbSet<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>> UserRoles { get; }

    DbSet<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>> RoleClaims { get; }

    DbSet<ApiKey> ApiKeys { get; }

    DbSet<SignInRecord> SignIns { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
