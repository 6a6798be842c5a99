using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Xiaobao.Access.Domain;
using Xiaobao.Kernel.Security;

namespace Xiaobao.Access.Features.SignIn;

/// <summary>Adds the user's organisation to the principal; roles and their permission claims come from Identity.</summary>
internal sealed class XiaobaoClaimsPrincipalFactory(
    UserManager<XiaobaoUser> userManager, RoleManager<XiaobaoRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<XiaobaoUser, XiaobaoRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(XiaobaoUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(XiaobaoClaims.OrganisationId, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        return identity;
    }
}
