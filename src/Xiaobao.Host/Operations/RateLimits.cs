using System.Threading.RateLimiting;
using Xiaobao.Access;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Host.Operations;

/// <summary>Anonymous endpoints (sign-in, token, public forms) get a per-address budget; signed-in work is not limited here.</summary>
internal static class RateLimits
{
    public static IServiceCollection AddXiaobaoRateLimits(this IServiceCollection services)
    {
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // The sign-in form is a page, not an endpoint we map, so its posts are limited here.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account/login")
                    ? AnonymousPartition(context)
                    : RateLimitPartition.GetNoLimiter("signed-in"));
            o.AddPolicy(AccessModule.AnonymousRateLimit, AnonymousPartition);
            o.OnRejected = async (context, ct) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Title = UiText.Get("Error.RateLimited"), Status = 429, Type = "xiaobao:rate-limited" },
                });
            };
        });
    }

    private static RateLimitPartition<string> AnonymousPartition(HttpContext context) => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Security:AnonymousRequestsPerMinute", 30),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
