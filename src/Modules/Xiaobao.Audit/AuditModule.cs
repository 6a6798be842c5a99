using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Audit.Features.Capture;
using Xiaobao.Audit.Features.ExportEntries;
using Xiaobao.Audit.Features.ListEntries;
using Xiaobao.Audit.Features.Shared;
using Xiaobao.Audit.Features.VerifyChain;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Jobs;
using Xiaobao.Kernel.Paging;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;
using Xiaobao.Kernel.Web;

namespace Xiaobao.Audit;

/// <summary>The tamper-evident audit trail: capture of every change, explicit events, the list, the export and the chain check.</summary>
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
        group.MapGet("/export", ExportAsync).RequirePermission(Permissions.AuditRead);
        group.MapGet("/verify", async (IAuditDb db, CancellationToken ct) => TypedResults.Ok(await VerifyAuditChain.HandleAsync(db, ct)))
            .RequirePermission(Permissions.AuditRead);
        return routes;
    }

    /// <summary>
    /// The export download for the auditor page, which a browser fetches with the UI's sign-in cookie (the API group
    /// accepts only bearer tokens and API keys).
    /// </summary>
    public static IEndpointRouteBuilder MapAuditUiEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/audit/export", ExportAsync)
            .RequireAuthorization(PermissionPolicy.Name(Permissions.AuditRead))
            .ExcludeFromDescription();
        return routes;
    }

    private static async Task<Ok<Page<AuditEntryDto>>> ListAsync(
        IAuditDb db, IOrganisationDirectory directory, [AsParameters] AuditFilterQuery query, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await ListAuditEntries.HandleAsync(db, directory, query.ToFilter(), new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultSize), ct));

    private static async Task<PushStreamHttpResult> ExportAsync(
        IAuditDb db, IOrganisationDirectory directory, IAuditLog audit, [AsParameters] AuditFilterQuery query, string? format, CancellationToken ct)
    {
        var export = await ExportAuditEntries.PrepareAsync(db, directory, audit, query.ToFilter(), ExportAuditEntries.ParseFormat(format), ct);
        return TypedResults.Stream(body => ExportAuditEntries.WriteAsync(export, body, ct), export.ContentType, export.FileName);
    }
}
