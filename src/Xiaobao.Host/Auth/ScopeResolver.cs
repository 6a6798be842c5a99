using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;
using Xiaobao.Persistence;

namespace Xiaobao.Host.Auth;

/// <summary>Turns the caller's organisation claim into the path prefix every scoped query is filtered by.</summary>
internal sealed class ScopeResolver(DataScope scope, XiaobaoDbContext db)
{
    /// <summary>Restricts the scope to the caller's organisation and returns that organisation's name in the UI language.</summary>
    public async Task<string?> ResolveAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(XiaobaoClaims.OrganisationId), out var organisationId))
        {
            return null;
        }

        // The path is read fresh on every request, so a moved or re-scoped user sees the new scope at once.
        var organisation = await db.Organisations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Id == organisationId).Select(o => new { o.Path, o.NameZh, o.NameEn }).FirstOrDefaultAsync(ct);
        if (organisation is null)
        {
            return null;
        }

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

internal sealed class ScopedRunner(IServiceScopeFactory scopes, DataScope current) : IScopedRunner
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (current.IsResolved)
        {
            scope.ServiceProvider.GetRequiredService<DataScope>().Restrict(current.PathPrefix);
        }

        return await work(scope.ServiceProvider);
    }
}
