using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Access.Domain;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;

namespace Xiaobao.Access.Features.Users;

public sealed record CreateUserRequest(
    [property: Required, StringLength(64, MinimumLength = 2), RegularExpression("^[A-Za-z0-9._-]+$")] string UserName,
    [property: Required, StringLength(XiaobaoUser.DisplayNameMaxLength)] string DisplayName,
    [property: Required, StringLength(32)] string OrganisationCode,
    [property: Required] IReadOnlyList<string> Roles,
    [property: Required, StringLength(128)] string Password);

public sealed record UpdateUserRequest(
    [property: Required, StringLength(XiaobaoUser.DisplayNameMaxLength)] string DisplayName,
    [property: Required, StringLength(32)] string OrganisationCode,
    [property: Required] IReadOnlyList<string> Roles,
    bool IsActive);

public sealed record SetPasswordRequest([property: Required, StringLength(128)] string Password);

/// <summary>
/// Creates and edits users. A user can be placed only in an organisation inside the actor's scope, and can be given
/// only roles whose permissions the actor holds: nobody hands out more than they have.
/// </summary>
public sealed class SaveUser(UserManager<XiaobaoUser> users, IAccessDb db, IOrganisationDirectory directory, TimeProvider clock)
{
    public async Task<Guid> CreateAsync(ClaimsPrincipal actor, CreateUserRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var organisation = await directory.FindByCodeAsync(request.OrganisationCode, ct);
        if (organisation is null)
        {
            errors.Add("organisationCode", UiText.Get("Error.OrganisationNotInScope"));
        }

        await CheckRolesAsync(actor, request.Roles, errors, ct);
        var normalizedName = users.NormalizeName(request.UserName);
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == normalizedName, ct))
        {
            errors.Add("userName", UiText.Get("Error.User.NameTaken"));
        }

        ThrowIfAny(errors);
        var user = new XiaobaoUser
        {
            Id = Guid.CreateVersion7(),
            UserName = request.UserName,
            DisplayName = request.DisplayName.Trim(),
            OrganisationId = organisation!.Id,
            OrganisationPath = organisation.Path,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, request.Password), "password");
        Check(await users.AddToRolesAsync(user, request.Roles), "roles");
        await transaction.CommitAsync(ct);
        return user.Id;
    }

    public async Task<bool> UpdateAsync(ClaimsPrincipal actor, Guid id, UpdateUserRequest request, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return false;
        }

        var errors = new FieldErrors();
        var organisation = await directory.FindByCodeAsync(request.OrganisationCode, ct);
        if (organisation is null)
        {
            errors.Add("organisationCode", UiText.Get("Error.OrganisationNotInScope"));
        }

        await CheckRolesAsync(actor, request.Roles, errors, ct);
        ThrowIfAny(errors);
        user.DisplayName = request.DisplayName.Trim();
        user.OrganisationId = organisation!.Id;
        user.OrganisationPath = organisation.Path;
        user.IsActive = request.IsActive;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Check(await users.UpdateAsync(user), "user");
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(request.Roles, StringComparer.Ordinal)), "roles");
        Check(await users.AddToRolesAsync(user, request.Roles.Except(current, StringComparer.Ordinal)), "roles");
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<bool> SetPasswordAsync(Guid id, SetPasswordRequest request, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return false;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, request.Password), "password");
        await users.SetLockoutEndDateAsync(user, null);
        return true;
    }

    private async Task CheckRolesAsync(ClaimsPrincipal actor, IReadOnlyList<string> roles, FieldErrors errors, CancellationToken ct)
    {
        if (roles.Count == 0)
        {
            errors.Add("roles", UiText.Get("Error.User.NoRoles"));
            return;
        }

        var held = actor.FindAll(Permissions.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var known = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        foreach (var unknown in roles.Except(known.Select(k => k.Name!), StringComparer.Ordinal))
        {
            errors.Add("roles", UiText.Format("Error.User.UnknownRole", unknown));
        }

        var roleIds = known.Select(k => k.Id).ToList();
        var granted = await db.RoleClaims.Where(c => roleIds.Contains(c.RoleId) && c.ClaimType == Permissions.ClaimType).Select(c => c.ClaimValue!).Distinct().ToListAsync(ct);
        if (granted.Any(p => !held.Contains(p)))
        {
            errors.Add("roles", UiText.Get("Error.User.RoleNotHeld"));
        }
    }

    private static void ThrowIfAny(FieldErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new ValidationFailedException(errors);
        }
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            var errors = new FieldErrors();
            foreach (var error in result.Errors)
            {
                errors.Add(field, error.Description);
            }

            throw new ValidationFailedException(errors);
        }
    }
}
