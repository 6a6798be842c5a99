using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Xiaobao.Access.Domain;

namespace Xiaobao.Host.Auth;

/// <summary>Sign-out and the language switch: plain HTTP endpoints because both change cookies.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/logout", async (SignInManager<XiaobaoUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();

        routes.MapGet("/culture", (HttpContext context, string? c, string? redirect) =>
        {
            var culture = XiaobaoApp.Cultures.FirstOrDefault(x => x.Name == c) ?? XiaobaoApp.Cultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            var target = !string.IsNullOrEmpty(redirect) && redirect.StartsWith('/') && !redirect.StartsWith("//", StringComparison.Ordinal) ? redirect : "/";
            return TypedResults.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }
}
