using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Access.Domain;
using Xiaobao.Access.Features.ApiKeys;
using Xiaobao.Access.Features.Me;
using Xiaobao.Access.Features.Roles;
using Xiaobao.Access.Features.SignIn;
using Xiaobao.Kernel.Localization;
using Xiaobao.Access.Features.Users;
using Xiaobao.Kernel.Paging;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;
using Xiaobao.Kernel.Web;

namespace Xiaobao.Access;

/// <summary>Users, roles, permissions, API keys and the token endpoint.</summary>
public static class AccessModule
{
    public const string UserKind = "user";
    public const string ApiKeyKind = "apikey";

    /// <summary>The rate-limiting policy the host defines for anonymous endpoints.</summary>
    public const string AnonymousRateLimit = "anonymous";

    public static IServiceCollection AddAccessModule(this IServiceCollection services) => services
        .AddScoped<PasswordSignIn>()
        .AddScoped<SaveUser>()
        .AddScoped<RolePermissions>()
        .AddScoped<ApiKeys>()
        .AddScoped<IUserClaimsPrincipalFactory<XiaobaoUser>, XiaobaoClaimsPrincipalFactory>();

    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost($"{ApiRoutes.Prefix}/auth/token", IssueTokenAsync)
            .WithTags("Authentication")
            .AllowAnonymous()
            .AddEndpointFilter<ValidationFilter>()
            .RequireRateLimiting(AnonymousRateLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        var me = routes.MapApiGroup("me", "Authentication");
        me.MapGet("/", GetMeAsync);

        var users = routes.MapApiGroup("users", "Users");
        users.MapGet("/", ListUsersAsync).RequirePermission(Permissions.UsersRead);
        users.MapGet("/{id:guid}", GetUserAsync).RequirePermission(Permissions.UsersRead).ForScoped(UserKind);
        users.MapPost("/", CreateUserAsync).RequirePermission(Permissions.UsersManage);
        users.MapPut("/{id:guid}", UpdateUserAsync).RequirePermission(Permissions.UsersManage).ForScoped(UserKind);
        users.MapPost("/{id:guid}/password", SetPasswordAsync).RequirePermission(Permissions.UsersManage).ForScoped(UserKind);

        var roles = routes.MapApiGroup("roles", "Roles");
        roles.MapGet("/", async (RolePermissions handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .RequirePermission(Permissions.UsersRead);
        roles.MapPut("/{name}/permissions", SetRolePermissionsAsync).RequirePermission(Permissions.RolesManage).ForGlobal("Roles are defined for the whole insurer.");

        var keys = routes.MapApiGroup("apikeys", "API keys");
        keys.MapGet("/", async (ApiKeys handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .RequirePermission(Permissions.ApiKeysManage);
        keys.MapPost("/", IssueKeyAsync).RequirePermission(Permissions.ApiKeysManage);
        keys.MapPost("/{id:guid}/revoke", RevokeKeyAsync).RequirePermission(Permissions.ApiKeysManage).ForScoped(ApiKeyKind);
        return routes;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, PasswordSignIn signIn, SignInManager<XiaobaoUser> signInManager, CancellationToken ct)
    {
        var (outcome, user) = await signIn.CheckAsync(request.UserName, request.Password, "token", ct);
        if (outcome != SignInOutcome.Succeeded || user is null)
        {
            return TypedResults.Problem(
                title: UiText.Get("Error.SignInFailed"),
                detail: UiText.Get("Error.SignInFailedDetail"),
                statusCode: StatusCodes.Status401Unauthorized,
                type: "xiaobao:auth/invalid-credentials");
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Ok<CurrentUserDto>> GetMeAsync(ClaimsPrincipal user, IOrganisationDirectory directory, CancellationToken ct)
    {
        var organisationId = Guid.Parse(user.FindFirstValue(XiaobaoClaims.OrganisationId)!);
        var organisation = await directory.FindByIdAsync(organisationId, ct);
        return TypedResults.Ok(new CurrentUserDto(
            user.Identity?.Name ?? string.Empty,
            user.HasClaim(c => c.Type == XiaobaoClaims.ApiKeyId),
            organisationId,
            organisation?.Code,
            organisation?.NameZh,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            user.FindAll(Permissions.ClaimType).Select(c => c.Value).Distinct().Order(StringComparer.Ordinal).ToList()));
    }

    private static async Task<Ok<Page<UserDto>>> ListUsersAsync(
        IAccessDb db, IOrganisationDirectory directory, TimeProvider clock, string? search, Guid? organisationId, string? role, bool? active,
        int? page, int? pageSize, string? sort, bool? desc, CancellationToken ct) =>
        TypedResults.Ok(await ListUsers.HandleAsync(
            db, directory, clock, new UserFilter(search, organisationId, role, active), new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultSize, sort, desc ?? false), ct));

    private static async Task<Results<Ok<UserDto>, NotFound>> GetUserAsync(IAccessDb db, IOrganisationDirectory directory, TimeProvider clock, Guid id, CancellationToken ct) =>
        await ListUsers.FindAsync(db, directory, clock, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Created<UserDto>> CreateUserAsync(
        SaveUser handler, IAccessDb db, IOrganisationDirectory directory, TimeProvider clock, ClaimsPrincipal actor, CreateUserRequest request, CancellationToken ct)
    {
        var id = await handler.CreateAsync(actor, request, ct);
        return TypedResults.Created($"{ApiRoutes.Prefix}/users/{id}", (await ListUsers.FindAsync(db, directory, clock, id, ct))!);
    }

    private static async Task<Results<Ok<UserDto>, NotFound>> UpdateUserAsync(
        SaveUser handler, IAccessDb db, IOrganisationDirectory directory, TimeProvider clock, ClaimsPrincipal actor, Guid id, UpdateUserRequest request, CancellationToken ct) =>
        await handler.UpdateAsync(actor, id, request, ct) ? TypedResults.Ok((await ListUsers.FindAsync(db, directory, clock, id, ct))!) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> SetPasswordAsync(SaveUser handler, Guid id, SetPasswordRequest request, CancellationToken ct) =>
        await handler.SetPasswordAsync(id, request, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> SetRolePermissionsAsync(
        RolePermissions handler, ClaimsPrincipal actor, string name, SetRolePermissionsRequest request, CancellationToken ct) =>
        await handler.SetAsync(actor, name, request, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Created<IssuedApiKey>> IssueKeyAsync(ApiKeys handler, ClaimsPrincipal actor, CreateApiKeyRequest request, CancellationToken ct)
    {
        var issued = await handler.IssueAsync(actor, request, ct);
        return TypedResults.Created($"{ApiRoutes.Prefix}/apikeys/{issued.Key.Id}", issued);
    }

    private static async Task<Results<NoContent, NotFound>> RevokeKeyAsync(ApiKeys handler, Guid id, CancellationToken ct) =>
        await handler.RevokeAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
