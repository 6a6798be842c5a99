using Microsoft.AspNetCore.Localization;

namespace Xiaobao.Host.Operations;

/// <summary>
/// Lets API callers choose the language of error messages with <c>Accept-Language</c>. Only under <c>/api</c>: the UI
/// stays in Simplified Chinese unless the user picks English, whatever language the browser announces.
/// </summary>
internal sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? base.DetermineProviderCultureResult(httpContext)
            : NullProviderCultureResult;
    }
}
