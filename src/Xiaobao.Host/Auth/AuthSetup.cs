using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Xiaobao.Access.Domain;
using Xiaobao.Access.Features.Users;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Persistence;

namespace Xiaobao.Host.Auth;

/// <summary>
/// Identity with three ways in: the UI's cookie, short-lived bearer tokens and API keys. One policy scheme picks the
/// handler from the request, so every endpoint sees one principal shape whichever way the caller came.
/// </summary>
internal static class AuthSetup
{
    public const string SelectorScheme = "Xiaobao";

    public static IServiceCollection AddXiaobaoAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DataScope>();
        services.AddScoped<IDataScope>(sp => sp.GetRequiredService<DataScope>());
        services.AddScoped<CurrentActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddScoped<ScopeResolver>();
        services.AddScoped<IScopedRunner, ScopedRunner>();
        services.AddSingleton<ApiKeyFailureThrottle>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Cookie, bearer token or API key", o => o.ForwardDefaultSelector = SelectScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
                o.BearerTokenExpiration = TimeSpan.FromMinutes(configuration.GetValue("Security:TokenLifetimeMinutes", 30)))
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<XiaobaoUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<XiaobaoRole>()
            .AddErrorDescriber<LocalisedIdentityErrorDescriber>()
            .AddEntityFrameworkStores<XiaobaoDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "xiaobao.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        // Security-stamp checks look the user up before any scope is known; they run as system work.
        services.AddScoped<ISecurityStampValidator, ScopedSecurityStampValidator>();
        services.AddAuthorization();
        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return IdentityConstants.BearerScheme;
        }

        return ApiKeyAuthenticationHandler.ReadToken(context.Request) is not null
            ? ApiKeyAuthenticationHandler.SchemeName
            : IdentityConstants.ApplicationScheme;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

internal sealed class ScopedSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<XiaobaoUser> signInManager, ILoggerFactory logger, IDataScope scope)
    : SecurityStampValidator<XiaobaoUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        using (scope.RunAsSystem())
        {
            await base.ValidateAsync(context);
        }
    }
}
