using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Xiaobao.Kernel.Security;

namespace Xiaobao.Host.Auth;

/// <summary>Builds a policy for any "perm:&lt;name&gt;" on demand, so new permissions need no registration here.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(Permissions.ClaimType, policyName[PermissionPolicy.Prefix.Length..])
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}
