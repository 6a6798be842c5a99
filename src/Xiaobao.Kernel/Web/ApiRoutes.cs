using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;

namespace Xiaobao.Kernel.Web;

/// <summary>The one place that sets the defaults every API route group shares: prefix, authentication, validation, tags.</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v1";

    /// <summary>Authentication schemes the API accepts: bearer tokens and API keys, never the UI's cookie (no CSRF surface).</summary>
    public const string Schemes = "Identity.Bearer,ApiKey";

    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder routes, string path, string tag)
    {
        var group = routes.MapGroup($"{Prefix}/{path}");
        group.WithTags(tag)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Schemes.Split(',')).RequireAuthenticatedUser())
            .AddEndpointFilter<ValidationFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    /// <summary>Requires a named permission (granted through roles or on the API key).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PermissionPolicy.Name(permission));

    /// <summary>Marks an endpoint that addresses one scoped record by id, so the scope matrix test covers it.</summary>
    public static TBuilder ForScoped<TBuilder>(this TBuilder builder, string kind)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ScopedResource(kind));

    /// <summary>Marks an endpoint whose route parameter names something shared by all organisations.</summary>
    public static TBuilder ForGlobal<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new GlobalResource(reason));
}
