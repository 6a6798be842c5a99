using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xiaobao.Access.Domain;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;
using Xiaobao.Persistence;

namespace Xiaobao.Host.Auth;

/// <summary>
/// Authenticates integrating systems by "Authorization: ApiKey &lt;token&gt;" or "X-Api-Key: &lt;token&gt;". The principal
/// carries the key's organisation and permissions, never more than the person who issued it had.
/// </summary>
/// <remarks>
/// A refused use of a key we know (wrong secret, revoked, expired) is a failed sign-in of that key and goes into the
/// audit trail, at most once a minute per key and reason (<see cref="ApiKeyFailureThrottle"/>): a client retrying with
/// an expired key must not fill the trail. A token that names no key is not recorded: it names nothing, and anyone
/// could send millions of them.
/// </remarks>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    XiaobaoDbContext db, DataScope scope, CurrentActor actor, IAuditLog audit, ApiKeyFailureThrottle throttle, TimeProvider clock)
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
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
        }

        var refusal = !key.Verify(secret) ? "wrong-secret" : key.RevokedAt is not null ? "revoked" : !key.IsUsableAt(now) ? "expired" : null;
        actor.Set(new ActorSnapshot(ActorKind.ApiKey, key.Id, $"apikey:{key.Name}", key.OrganisationId, key.OrganisationPath));
        if (refusal is not null)
        {
            if (throttle.ShouldRecord(key.Id, refusal, now))
            {
                await audit.RecordAsync(
                    new AuditEvent(AuditActions.SignInFailed, nameof(ApiKey), key.Id.ToString(), new Dictionary<string, object?>
                    {
                        ["method"] = "apikey",
                        ["outcome"] = refusal,
                    }, key.OrganisationId, key.OrganisationPath),
                    Context.RequestAborted);
            }

            return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
        }

        // Last-used time is kept to the minute; writing it on every call would turn every read into a write. Its audit
        // entry (an update of LastUsedAt by the key) is the trail's record of the key's use.
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

/// <summary>Remembers when each key's refusal was last recorded, so a retrying client adds one entry a minute, not one a call.</summary>
internal sealed class ApiKeyFailureThrottle
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid Key, string Reason), DateTimeOffset> _recorded = new();

    public bool ShouldRecord(Guid key, string reason, DateTimeOffset now)
    {
        var recorded = false;
        _recorded.AddOrUpdate(
            (key, reason),
            _ =>
            {
                recorded = true;
                return now;
            },
            (_, last) =>
            {
                recorded = now - last >= s_interval;
                return recorded ? now : last;
            });
        return recorded;
    }
}
