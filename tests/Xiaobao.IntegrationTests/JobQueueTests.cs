using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Audit.Features.VerifyChain;
using Xiaobao.IntegrationTests.Infrastructure;
using Xiaobao.Kernel.Jobs;
using Xiaobao.Persistence;
using static Xiaobao.IntegrationTests.Infrastructure.JobsApps;

namespace Xiaobao.IntegrationTests;

/// <summary>One app per provider on the real clock, with the probe job registered.</summary>
public sealed class JobsAppFixture : IDisposable
{
    private readonly Dictionary<string, XiaobaoAppFactory> _apps = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ProbeLog Log { get; } = new();

    public XiaobaoAppFactory For(string provider)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = Start(provider, TimeProvider.System, Log);
                _apps[provider] = app;
            }

            return app;
        }
    }

    public void Dispose()
    {
        foreach (var app in _apps.Values)
        {
            app.Dispose();
        }
    }
}

/// <summary>Enqueueing and the administrators' API.</summary>
public sealed class JobQueueTests(JobsAppFixture apps) : IClassFixture<JobsAppFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EnqueueAsync_CallersTransactionRollsBack_JobNeverExistsNorRuns(string provider)
    {
        var app = apps.For(provider);
        var rolledBack = $"rolled-back-{Guid.NewGuid():N}";
        var committed = $"committed-{Guid.NewGuid():N}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True(await scope.ServiceProvider.GetRequiredService<IBackgroundJobs>().EnqueueAsync<ProbeJob>(
                new ProbePayload(rolledBack), new EnqueueOptions(DeduplicationKey: rolledBack)));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // A job committed afterwards runs promptly; the runner has looked at the queue since the rollback.
        await EnqueueAsync(app, new ProbePayload(committed));
        using var admin = await app.ClientForAsync("admin");
        await EventuallyAsync(async () => State(await JobAsync(admin, committed)) == "Succeeded", "the committed job to run");

        Assert.DoesNotContain(await ListAsync(admin), j => j.GetProperty("deduplicationKey").GetString() == rolledBack);
        Assert.DoesNotContain(apps.Log.Runs, r => r.Marker == rolledBack);
        Assert.Single(apps.Log.Runs, r => r.Marker == committed);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EnqueueAndSaveAsync_DeduplicationKeyTaken_AddsNothing(string provider)
    {
        var app = apps.For(provider);
        var key = $"once-{Guid.NewGuid():N}";
        await using var scope = app.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobs>();

        var first = await jobs.EnqueueAndSaveAsync<ProbeJob>(new ProbePayload(key), new EnqueueOptions(DeduplicationKey: key));
        var second = await jobs.EnqueueAndSaveAsync<ProbeJob>(new ProbePayload(key), new EnqueueOptions(DeduplicationKey: key));
        using var admin = await app.ClientForAsync("admin");

        Assert.Equal((true, false), (first, second));
        Assert.Single(await ListAsync(admin), j => j.GetProperty("deduplicationKey").GetString() == key);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task JobsApi_CallerWithoutJobsPermission_IsForbidden(string provider)
    {
        var app = apps.For(provider);
        using var officer = await app.ClientForAsync("officer");
        using var auditor = await app.ClientForAsync("auditor");

        using var list = await officer.GetAsync("/api/v1/jobs");
        using var schedules = await auditor.GetAsync("/api/v1/jobs/schedules");
        using var run = await officer.PostAsync($"/api/v1/jobs/schedules/{NightlyAuditVerification.ScheduleName}/run", null);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { list.StatusCode, schedules.StatusCode, run.StatusCode });
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Retry_JobThatSucceededOrDoesNotExist_AnswersConflictOrNotFound(string provider)
    {
        var app = apps.For(provider);
        var marker = $"done-{Guid.NewGuid():N}";
        await EnqueueAsync(app, new ProbePayload(marker));
        using var admin = await app.ClientForAsync("admin");
        await EventuallyAsync(async () => State(await JobAsync(admin, marker)) == "Succeeded", "the job to run");
        var id = (await JobAsync(admin, marker)).GetProperty("id").GetString();

        var conflict = await HttpAssertions.AssertProblemAsync(await admin.PostAsync($"/api/v1/jobs/{id}/retry", null), HttpStatusCode.Conflict);
        using var missing = await admin.PostAsync($"/api/v1/jobs/{Guid.NewGuid()}/retry", null);
        using var noSchedule = await admin.PostAsync("/api/v1/jobs/schedules/no-such-schedule/run", null);

        Assert.Equal("xiaobao:job/not-retryable", conflict.GetProperty("type").GetString());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (missing.StatusCode, noSchedule.StatusCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PauseThenResume_Schedule_IsAuditedAndResumingPlansFromNow(string provider)
    {
        var app = apps.For(provider);
        using var admin = await app.ClientForAsync("admin");
        var name = NightlyAuditVerification.ScheduleName;
        await EventuallyAsync(async () => (await ScheduleAsync(admin, name)).GetProperty("nextRunAt").ValueKind == JsonValueKind.String, "the schedule to be written");

        var paused = await HttpAssertions.ReadJsonAsync(await admin.PostAsync($"/api/v1/jobs/schedules/{name}/pause", null));
        var resumed = await HttpAssertions.ReadJsonAsync(await admin.PostAsync($"/api/v1/jobs/schedules/{name}/resume", null));
        var entries = (await HttpAssertions.ReadJsonAsync(await admin.GetAsync($"/api/v1/audit?entityType=RecurringSchedule&entityId={name}"))).GetProperty("items")
            .EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actorName").GetString())).Take(2).ToList();

        Assert.True(paused.GetProperty("isPaused").GetBoolean());
        Assert.False(resumed.GetProperty("isPaused").GetBoolean());
        Assert.InRange(resumed.GetProperty("nextRunAt").GetDateTimeOffset(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal([("schedule-resumed", "admin"), ("schedule-paused", "admin")], entries);
    }
}
