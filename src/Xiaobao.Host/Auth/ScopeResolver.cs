using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;
using Xiaobao.Persistence;

namespace Xiaobao.Host.Auth;

/// <summary>
/// Turns the caller's organisation claim into the path prefix every scoped query is filtered by, and the principal into
/// the actor the audit trail records.
/// </summary>
internal sealed class ScopeResolver(DataScope scope, CurrentActor actor, XiaobaoDbContext db)
{
    /// <summary>Restricts the scope to the caller's organisation and returns that organisation's name in the UI language.</summary>
    public async Task<string?> ResolveAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(XiaobaoClaims.OrganisationId), out var organisationId))
        {
            actor.Set(ActorSnapshot.Anonymous);
            return null;
        }

        // The path is read fresh on every request, so a moved or re-scoped user sees the new scope at once.
        var organisation = await db.Organisations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Id == organisationId).Select(o => new { o.Path, o.NameZh, o.NameEn }).FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            actor.Set(ActorSnapshot.Anonymous);
            return null;
        }

        var isKey = user.FindFirstValue(XiaobaoClaims.ApiKeyId) is not null;
        actor.Set(new ActorSnapshot(
            isKey ? ActorKind.ApiKey : ActorKind.User,
            Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var actorId) ? actorId : null,
            user.Identity.Name ?? string.Empty,
            organisationId,
            organisation.Path));

        if (!scope.IsResolved)
        {
            scope.Restrict(organisation.Path);
        }

        return CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) || organisation.NameEn.Length == 0
            ? organisation.NameZh
            : organisation.NameEn;
    }
}

/// <summary>Resolves the scope for every HTTP request once authentication has run.</summary>
internal sealed class ScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ScopeResolver resolver)
    {
        await resolver.ResolveAsync(context.User, context.RequestAborted);
        await next(context);
    }
}

internal sealed class ScopedRunner(IServiceScopeFactory scopes, DataScope current, CurrentActor actor) : IScopedRunner
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (current.IsResolved)
        {
            scope.ServiceProvider.GetRequiredService<DataScope>().Restrict(current.PathPrefix);
        }

        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(actor.Actor);

        return await work(scope.ServiceProvider);
    }
}
