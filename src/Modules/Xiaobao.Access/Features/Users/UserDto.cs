namespace Xiaobao.Access.Features.Users;

/// <summary>A member of staff as lists and the API show them.</summary>
public sealed record UserDto(
    Guid Id,
    string UserName,
    string DisplayName,
    Guid OrganisationId,
    string? OrganisationCode,
    string? OrganisationName,
    IReadOnlyList<string> Roles,
    bool IsActive,
    bool IsLockedOut,
    DateTimeOffset? LastSignInAt);

public sealed record UserFilter(string? Search = null, Guid? OrganisationId = null, string? Role = null, bool? Active = null);
