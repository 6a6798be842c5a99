namespace Xiaobao.Access.Features.Me;

/// <summary>Who the caller is: the user or API key, their organisation and what they may do.</summary>
public sealed record CurrentUserDto(
    string Name, bool IsApiKey, Guid OrganisationId, string? OrganisationCode, string? OrganisationName, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);
