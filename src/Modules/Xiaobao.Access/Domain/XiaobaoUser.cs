using Microsoft.AspNetCore.Identity;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Access.Domain;

/// <summary>A member of staff. Belongs to exactly one organisation, which with its descendants is the user's data scope.</summary>
public sealed class XiaobaoUser : IdentityUser<Guid>, IOrganisationScoped
{
    public const int DisplayNameMaxLength = 64;

    [Personal]
    public string DisplayName { get; set; } = string.Empty;

    public Guid OrganisationId { get; set; }

    public string OrganisationPath { get; set; } = string.Empty;

    public bool IsActive { get; set; } = true;

    /// <summary>"zh-CN" or "en": the language the UI opens in for this user.</summary>
    public string PreferredCulture { get; set; } = "zh-CN";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}
