using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Access.Domain;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;

namespace Xiaobao.Access.Features.ApiKeys;

public sealed record ApiKeyDto(
    Guid Id, string Name, string Lookup, Guid OrganisationId, IReadOnlyList<string> Permissions,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

public sealed record CreateApiKeyRequest(
    [property: Required, StringLength(ApiKey.NameMaxLength)] string Name,
    [property: Required, StringLength(32)] string OrganisationCode,
    [property: Required] IReadOnlyList<string> Permissions,
    DateTimeOffset? ExpiresAt);

/// <summary>The key and, this once, its secret token.</summary>
public sealed record IssuedApiKey(ApiKeyDto Key, string Token);

/// <summary>Issues, lists and revokes API keys. A key's scope and permissions can never exceed its creator's.</summary>
public sealed class ApiKeys(IAccessDb db, IOrganisationDirectory directory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken ct) =>
        (await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct)).Select(ToDto).ToList();

    public async Task<IssuedApiKey> IssueAsync(ClaimsPrincipal actor, CreateApiKeyRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var organisation = await directory.FindByCodeAsync(request.OrganisationCode, ct);
        if (organisation is null)
        {
            errors.Add("organisationCode", UiText.Get("Error.OrganisationNotInScope"));
        }

        var held = actor.FindAll(Permissions.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var unknown = request.Permissions.Except(Permissions.All, StringComparer.Ordinal).ToList();
        if (request.Permissions.Count == 0)
        {
            errors.Add("permissions", UiText.Get("Error.ApiKey.NoPermissions"));
        }
        else if (unknown.Count > 0)
        {
            errors.Add("permissions", UiText.Format("Error.UnknownPermissions", string.Join(UiText.Get("Error.ListSeparator"), unknown)));
        }
        else if (request.Permissions.Any(p => !held.Contains(p)))
        {
            errors.Add("permissions", UiText.Get("Error.ApiKey.PermissionNotHeld"));
        }

        var now = clock.GetUtcNow();
        if (request.ExpiresAt is { } expiresAt && expiresAt <= now)
        {
            errors.Add("expiresAt", UiText.Get("Error.ApiKey.ExpiryPast"));
        }

        if (!errors.IsEmpty)
        {
            throw new ValidationFailedException(errors);
        }

        var creator = Guid.TryParse(actor.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : Guid.Empty;
        var (key, token) = ApiKey.Issue(request.Name.Trim(), organisation!.Id, organisation.Path, request.Permissions, creator, now, request.ExpiresAt);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new IssuedApiKey(ToDto(key), token);
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return false;
        }

        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static ApiKeyDto ToDto(ApiKey k) =>
        new(k.Id, k.Name, k.Lookup, k.OrganisationId, k.Permissions, k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.LastUsedAt);
}
