using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Access.Domain;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Security;

namespace Xiaobao.Access.Features.Roles;

public sealed record RoleDto(Guid Id, string Name, IReadOnlyList<string> Permissions, int UserCount);

public sealed record SetRolePermissionsRequest(IReadOnlyList<string> Permissions);

/// <summary>Lists roles with their grants and replaces a role's grants; permission names must be ones that exist.</summary>
public sealed class RolePermissions(IAccessDb db, RoleManager<XiaobaoRole> roles)
{
    public async Task<IReadOnlyList<RoleDto>> ListAsync(CancellationToken ct)
    {
        var all = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var grants = await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == Permissions.ClaimType).Select(c => new { c.RoleId, c.ClaimValue }).ToListAsync(ct);

        // Counts only the users the caller can see, so a branch manager does not learn head-office head counts.
        var counts = await (from ur in db.UserRoles
                            join u in db.Users on ur.UserId equals u.Id
                            group ur by ur.RoleId into g
                            select new { RoleId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.RoleId, x => x.Count, ct);
        return all.Select(r => new RoleDto(
            r.Id,
            r.Name!,
            grants.Where(g => g.RoleId == r.Id).Select(g => g.ClaimValue!).Order(StringComparer.Ordinal).ToList(),
            counts.GetValueOrDefault(r.Id))).ToList();
    }

    public async Task<bool> SetAsync(ClaimsPrincipal actor, string roleName, SetRolePermissionsRequest request, CancellationToken ct)
    {
        var role = await roles.FindByNameAsync(roleName);
        if (role is null)
        {
            return false;
        }

        var wanted = (request.Permissions ?? []).Distinct(StringComparer.Ordinal).ToList();
        var unknown = wanted.Except(Permissions.All, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw ValidationFailedException.For("permissions", UiText.Format("Error.UnknownPermissions", string.Join(UiText.Get("Error.ListSeparator"), unknown)));
        }

        if (roleName == Domain.Roles.SystemAdmin && !wanted.Contains(Permissions.RolesManage))
        {
            throw new DomainException("roles/lockout", UiText.Get("Error.Role.Lockout"));
        }

        var held = actor.FindAll(Permissions.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).ToList();
        if (wanted.Except(current.Select(c => c.Value)).Any(p => !held.Contains(p)))
        {
            throw ValidationFailedException.For("permissions", UiText.Get("Error.Role.PermissionNotHeld"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var claim in current.Where(c => !wanted.Contains(c.Value)))
        {
            await roles.RemoveClaimAsync(role, claim);
        }

        foreach (var permission in wanted.Except(current.Select(c => c.Value), StringComparer.Ordinal))
        {
            await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, permission));
        }

        await transaction.CommitAsync(ct);
        return true;
    }
}
