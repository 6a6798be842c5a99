using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Xiaobao.Kernel.Jobs;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Kernel.Security;
using Xiaobao.Kernel.Web;
using Xiaobao.Privacy.Features.Keys;
using Xiaobao.Privacy.Features.Redaction;
using Xiaobao.Privacy.Features.Reveal;
using Xiaobao.Privacy.Features.Rotation;

namespace Xiaobao.Privacy;

/// <summary>
/// Personal-data protection for every module: the key ring and AES-256-GCM protector, blind indexes, reveal with the
/// access log, key rotation, and redaction of every log line (docs/adr/0008).
/// </summary>
public static class PrivacyModule
{
    /// <summary>
    /// Registers the protector and its key ring (read on first use: from configuration, or the demo key file resolved
    /// against <paramref name="contentRoot"/>), reveal, rotation, and the redacting logger factory.
    /// </summary>
    public static IServiceCollection AddPrivacyModule(this IServiceCollection services, string contentRoot)
    {
        services.AddSingleton(sp => KeyRingLoader.Load(sp.GetRequiredService<IConfiguration>(), contentRoot, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Xiaobao.Privacy.Keys")));
        services.AddSingleton<IPersonalDataProtector, AesGcmPersonalDataProtector>();
        services.AddScoped<IPersonalDataAccess, PersonalDataAccessService>();
        services.AddScoped<RotatePersonalDataKeys>();
        services.AddRecurringJob<PersonalDataKeyRotationJob>(PersonalDataKeyRotationJob.ScheduleName, PersonalDataKeyRotationJob.Cron);
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory, RedactingLoggerFactory>());
        return services;
    }

    /// <summary>
    /// Start-up check, after migrations and before anything is encrypted: stops start-up (InvalidOperationException
    /// naming the key) when data is under a key the ring lacks, and records the active key.
    /// </summary>
    public static async Task CheckKeysAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await KeyCheck.RunAsync(provider.GetRequiredService<IPrivacyDb>(), provider.GetRequiredService<PersonalDataKeyRing>(), provider.GetRequiredService<TimeProvider>(), cancellationToken);
    }

    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapApiGroup("privacy", "Privacy");

        // No permission on the route: a refused reveal must reach the handler to be audited.
        group.MapPost("/reveal", RevealAsync);
        group.MapGet("/key-rotation", async (RotatePersonalDataKeys rotation, CancellationToken ct) => TypedResults.Ok(await rotation.GetProgressAsync(ct)))
            .RequirePermission(Permissions.PersonalDataKeys);
        group.MapPost("/key-rotation", StartRotationAsync).RequirePermission(Permissions.PersonalDataKeys)
            .ForGlobal("The key ring is the installation's, not an organisation's.");
        return routes;
    }

    // Starts a rotation run now rather than at the next hourly run; repeated clicks within a minute start one run.
    private static async Task<Accepted<KeyRotationProgress>> StartRotationAsync(
        IBackgroundJobs jobs, RotatePersonalDataKeys rotation, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var minute = clock.GetUtcNow().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        await jobs.EnqueueAndSaveAsync<PersonalDataKeyRotationJob>(
            null, new EnqueueOptions(DeduplicationKey: $"{PersonalDataKeyRotationJob.Kind}:{protector.ActiveKeyId}:{minute}"), ct);
        return TypedResults.Accepted("/api/v1/privacy/key-rotation", await rotation.GetProgressAsync(ct));
    }

    private static async Task<Results<Ok<RevealedValue>, NotFound, ProblemHttpResult>> RevealAsync(
        IPersonalDataAccess access, ClaimsPrincipal user, PrivacyRevealRequest request, CancellationToken ct) =>
        PersonalDataHttp.ToHttp(await access.RevealAsync(user, request.Kind ?? string.Empty, request.Id ?? Guid.Empty, new RevealRequest(request.Field, request.Reason), ct));
}

/// <summary>Reveal one field of one record of any registered kind (e.g. kind "customer", field "mobile").</summary>
public sealed record PrivacyRevealRequest(string? Kind, Guid? Id, string? Field, string? Reason);
