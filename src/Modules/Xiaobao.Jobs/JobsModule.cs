using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Jobs.Domain;
using Xiaobao.Jobs.Features.Enqueue;
using Xiaobao.Jobs.Features.Manage;
using Xiaobao.Jobs.Features.Run;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Jobs;
using Xiaobao.Kernel.Paging;
using Xiaobao.Kernel.Security;
using Xiaobao.Kernel.Web;

namespace Xiaobao.Jobs;

/// <summary>
/// Durable background jobs in our own database (docs/adr/0009): the queue behind <see cref="IBackgroundJobs"/>, the runner
/// every node hosts, recurring schedules, and the administrators' page and API.
/// </summary>
public static class JobsModule
{
    private const string JobsAreGlobal = "Jobs and schedules belong to the whole installation, not to an organisation.";

    /// <summary>Registers the queue and the runner. The host must also add <see cref="Interceptor"/> to the DbContext's options.</summary>
    public static IServiceCollection AddJobsModule(this IServiceCollection services)
    {
        services.AddOptions<JobRunnerOptions>().BindConfiguration(JobRunnerOptions.Section);
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobRegistry>();
        services.AddSingleton<JobExecutor>();
        services.AddScoped<WakeOnCommit>();
        services.AddScoped<BackgroundJobs>();
        services.AddScoped<IBackgroundJobs>(sp => sp.GetRequiredService<BackgroundJobs>());
        services.AddScoped<JobLedger>();
        services.AddScoped<RecurringScheduler>();
        services.AddScoped(sp => new JobAdministration(
            sp.GetRequiredService<IJobsDb>(), sp.GetRequiredService<BackgroundJobs>(), sp.GetRequiredService<JobRegistry>(),
            sp.GetRequiredService<JobSignal>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<JobRunner>();
        return services;
    }

    /// <summary>The transaction interceptor of the current service scope: it wakes the runner when a new job commits.</summary>
    public static IInterceptor Interceptor(IServiceProvider services) => services.GetRequiredService<WakeOnCommit>();

    public static IEndpointRouteBuilder MapJobsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapApiGroup("jobs", "Jobs").RequirePermission(Permissions.JobsManage);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync).ForGlobal(JobsAreGlobal);
        group.MapPost("/{id:guid}/retry", RetryAsync).ForGlobal(JobsAreGlobal);
        group.MapGet("/schedules", async (JobAdministration admin, CancellationToken ct) => TypedResults.Ok(await admin.ListSchedulesAsync(ct)));
        group.MapPost("/schedules/{name}/run", RunNowAsync).ForGlobal(JobsAreGlobal);
        group.MapPost("/schedules/{name}/pause", (JobAdministration admin, string name, CancellationToken ct) => SetPausedAsync(admin, name, paused: true, ct))
            .ForGlobal(JobsAreGlobal);
        group.MapPost("/schedules/{name}/resume", (JobAdministration admin, string name, CancellationToken ct) => SetPausedAsync(admin, name, paused: false, ct))
            .ForGlobal(JobsAreGlobal);
        return routes;
    }

    private static async Task<Ok<Page<JobDto>>> ListAsync(IJobsDb db, JobState? state, string? kind, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await ListJobs.HandleAsync(db, new JobFilter(state, kind), new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultSize), ct));

    private static async Task<Results<Ok<JobDto>, NotFound>> GetAsync(IJobsDb db, Guid id, CancellationToken ct) =>
        await ListJobs.FindAsync(db, id, ct) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    private static async Task<Results<Ok<JobDto>, NotFound>> RetryAsync(JobAdministration admin, Guid id, CancellationToken ct) =>
        await admin.RetryAsync(id, ct) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    private static async Task<Results<Accepted<JobDto>, NotFound>> RunNowAsync(JobAdministration admin, string name, CancellationToken ct) =>
        await admin.RunNowAsync(name, ct) is { } job ? TypedResults.Accepted($"{ApiRoutes.Prefix}/jobs/{job.Id}", job) : TypedResults.NotFound();

    private static async Task<Results<Ok<ScheduleDto>, NotFound>> SetPausedAsync(JobAdministration admin, string name, bool paused, CancellationToken ct) =>
        await admin.SetPausedAsync(name, paused, ct) is { } schedule ? TypedResults.Ok(schedule) : TypedResults.NotFound();
}
