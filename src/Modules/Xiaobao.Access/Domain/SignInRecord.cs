using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Access.Domain;

/// <summary>One sign-in attempt, kept for the home-page figures and for lockout investigations.</summary>
public sealed class SignInRecord : IOrganisationScoped
{
    private SignInRecord()
    {
        UserName = string.Empty;
        OrganisationPath = string.Empty;
        Method = string.Empty;
    }

    public long Id { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string OrganisationPath { get; private set; }

    public DateTimeOffset At { get; private set; }

    public bool Succeeded { get; private set; }

    /// <summary>"password" for the UI, "token" for the API token endpoint.</summary>
    public string Method { get; private set; }

    public static SignInRecord For(XiaobaoUser user, DateTimeOffset at, bool succeeded, string method) => new()
    {
        UserId = user.Id,
        UserName = user.UserName ?? string.Empty,
        OrganisationId = user.OrganisationId,
        OrganisationPath = user.OrganisationPath,
        At = at,
        Succeeded = succeeded,
        Method = method,
    };
}
