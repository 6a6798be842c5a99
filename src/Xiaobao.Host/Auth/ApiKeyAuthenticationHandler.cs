using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xiaobao.Access.Domain;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;
using Xiaobao.Persistence;

namespace Xiaobao.Host.Auth;

/// <summary>
/// Authenticates integrating systems by "Authorization: ApiKey &lt;token&gt;" or "X-Api-Key: &lt;token&gt;". The principal
/// carries the key's organisation and permissions, never more than the person who issued it had.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    XiaobaoDbContext db, DataScope scope, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    public static string? ReadToken(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase) ? authorization[(SchemeName.Length + 1)..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKey.TryParse(token, out var lookup, out var secret))
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        ApiKey? key;
        using (scope.RunAsSystem())
        {
            key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Lookup == lookup, Context.RequestAborted);
        }

        var now = clock.GetUtcNow();
        if (key is null || !key.Verify(secret) || !key.IsUsableAt(now))
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
        }

        // Last-used time is kept to the minute; writing it on every call would turn every read into a write.
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            key.MarkUsed(now);
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, $"apikey:{key.Name}"));
        identity.AddClaim(new Claim(XiaobaoClaims.ApiKeyId, key.Id.ToString()));
        identity.AddClaim(new Claim(XiaobaoClaims.OrganisationId, key.OrganisationId.ToString()));
        identity.AddClaims(key.Permissions.Select(p => new Claim(Permissions.ClaimType, p)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
