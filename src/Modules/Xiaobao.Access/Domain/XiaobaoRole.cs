using Microsoft.AspNetCore.Identity;

namespace Xiaobao.Access.Domain;

/// <summary>A role; its permissions are stored as role claims of type <see cref="Kernel.Security.Permissions.ClaimType"/>.</summary>
public sealed class XiaobaoRole : IdentityRole<Guid>
{
    public XiaobaoRole()
    {
    }

    public XiaobaoRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
    }
}
