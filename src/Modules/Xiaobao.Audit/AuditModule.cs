using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Audit.Features.Capture;
using Xiaobao.Audit.Features.ListEntries;
using Xiaobao.Audit.Features.VerifyChain;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Jobs;
using Xiaobao.Kernel.Paging;
using Xiaobao.Kernel.Security;
using Xiaobao.Kernel.Web;

namespace Xiaobao.Audit;

/// <summary>The tamper-evident audit trail: capture of every change, explicit events, the list and the chain check.</summary>
public static class AuditModule
{
    /// <summary>Registers the trail. The host must also add <see cref="Interceptor"/> to the DbContext's options.</summary>
    public static IServiceCollection AddAuditModule(this IServiceCollection services) => services
        .AddScoped<AuditQueue>()
        .AddScoped<AuditInterceptor>()
        .AddScoped<IAuditLog, AuditLog>()
        .AddRecurringJob<NightlyAuditVerification>(NightlyAuditVerification.ScheduleName, NightlyAuditVerification.Cron, maxAttempts: 3);

    /// <summary>The SaveChanges interceptor of the current service scope.</summary>
    public static IInterceptor Interceptor(IServiceProvider services) => services.GetRequiredService<AuditInterceptor>();

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapApiGroup("audit", "Audit");
        group.MapGet("/", ListAsync).RequirePermission(Permissions.AuditRead);
        group.MapGet("/verify", async (IAuditDb db, CancellationToken ct) => TypedResults.Ok(await VerifyAuditChain.HandleAsync(db, ct)))
            .RequirePermission(Permissions.AuditRead);
        return routes;
    }

    private static async Task<Ok<Page<AuditEntryDto>>> ListAsync(
        IAuditDb db, DateTimeOffset? from, DateTimeOffset? to, string? actor, Guid? organisationId, string? entityType, string? entityId, string? action,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await ListAuditEntries.HandleAsync(
            db, new AuditFilter(from, to, actor, organisationId, entityType, entityId, action), new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultSize), ct));
}
