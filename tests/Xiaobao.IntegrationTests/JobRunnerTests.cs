using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xiaobao.Audit.Features.VerifyChain;
using Xiaobao.IntegrationTests.Infrastructure;
using Xiaobao.Jobs.Domain;
using Xiaobao.Kernel.Jobs;
using Xiaobao.Persistence;
using static Xiaobao.IntegrationTests.Infrastructure.JobsApps;

namespace Xiaobao.IntegrationTests;

/// <summary>
/// The runner against a real database, its time driven by a fake clock shared by every app of a test: retries, leases
/// and schedules happen when the test moves the clock on, not after real waiting.
/// </summary>
public sealed class JobRunnerTests
{
    private static readonly TimeSpan s_china = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset s_start = new(2026, 6, 1, 10, 0, 30, s_china);

    // A clock answers UTC; a FakeTimeProvider started at +08:00 would answer +08:00, which PostgreSQL refuses to store.
    private static FakeTimeProvider ClockAt(DateTimeOffset start) => new(start.ToUniversalTime());

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FailingJob_EveryAttemptFails_RetriesWithGrowingDelaysThenIsDeadWithItsErrorInTheApi(string provider)
    {
        var clock = ClockAt(s_start);
        var log = new ProbeLog();
        using var app = Start(provider, clock, log);
        using var admin = await app.ClientForAsync("admin");
        await EnqueueAsync(app, new ProbePayload("always-fails", Fail: true), new EnqueueOptions(MaxAttempts: 4));

        var delays = new List<TimeSpan>();
        JsonElement job = default;
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await EventuallyAsync(
                async () => (job = await JobAsync(admin, "always-fails")).GetProperty("attempts").GetInt32() == attempt && State(job) is "Failed" or "Dead",
                $"attempt {attempt} to fail",
                () => clock.Advance(TimeSpan.FromSeconds(1)));
            if (attempt < 4)
            {
                Assert.Equal("Failed", State(job));
                var runAfter = job.GetProperty("runAfter").GetDateTimeOffset();
                delays.Add(runAfter - job.GetProperty("startedAt").GetDateTimeOffset());
                clock.Advance(runAfter > clock.GetUtcNow() ? runAfter - clock.GetUtcNow() : TimeSpan.Zero);
            }
        }

        // One fake minute doubling, each within ±20 % (plus the odd poll tick while the attempt ran).
        Assert.InRange(delays[0], TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(75));
        Assert.True(delays[1] > delays[0] && delays[2] > delays[1], string.Join(", ", delays));
        Assert.InRange(delays[2], TimeSpan.FromSeconds(192), TimeSpan.FromSeconds(291));
        Assert.Equal("Dead", State(job));
        Assert.Equal("System.InvalidOperationException: probe failure on attempt 4", job.GetProperty("lastError").GetString());
        Assert.Equal([1, 2, 3, 4], log.Runs.Select(r => r.Attempt));

        // An administrator's retry gives it one more attempt, and is audited.
        var retried = await HttpAssertions.ReadJsonAsync(await admin.PostAsync($"/api/v1/jobs/{job.GetProperty("id").GetString()}/retry", null));
        Assert.Equal((5, true), (retried.GetProperty("maxAttempts").GetInt32(), State(retried) is "Queued" or "Running" or "Failed" or "Dead"));
        await EventuallyAsync(
            async () => (job = await JobAsync(admin, "always-fails")).GetProperty("attempts").GetInt32() == 5 && State(job) == "Dead",
            "the retried attempt to fail",
            () => clock.Advance(TimeSpan.FromSeconds(1)));
        var audit = (await HttpAssertions.ReadJsonAsync(await admin.GetAsync("/api/v1/audit?action=job-retried"))).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("admin", job.GetProperty("id").GetString()), (audit.GetProperty("actorName").GetString(), audit.GetProperty("entityId").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ExpiredLease_NodeStoppedMidRun_AnotherPollTakesTheJobOverOnlyAfterTheLeaseExpires(string provider)
    {
        var clock = ClockAt(s_start);
        var log = new ProbeLog();
        using var app = Start(provider, clock, log);
        using var admin = await app.ClientForAsync("admin");
        await EnqueueAsync(app, new ProbePayload("orphan"), new EnqueueOptions(RunAfter: s_start.AddHours(1)));

        // A node claimed it and died: running under its five-minute lease, one attempt spent.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            var until = now.AddMinutes(5);
            await scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().Jobs.Where(j => j.DeduplicationKey == "orphan").ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Running).SetProperty(j => j.LeaseOwner, "crashed-node").SetProperty(j => j.LeaseExpiresAt, until)
                .SetProperty(j => j.Attempts, 1).SetProperty(j => j.RunAfter, now));
        }

        // Four minutes on, a poll that runs a new job leaves the orphan alone: its lease still holds.
        clock.Advance(TimeSpan.FromMinutes(4));
        await EnqueueAsync(app, new ProbePayload("marker"));
        await EventuallyAsync(async () => State(await JobAsync(admin, "marker")) == "Succeeded", "the marker job to run");
        var held = await JobAsync(admin, "orphan");

        clock.Advance(TimeSpan.FromMinutes(2));
        await EventuallyAsync(async () => State(await JobAsync(admin, "orphan")) == "Succeeded", "the orphan to be taken over", () => clock.Advance(TimeSpan.FromSeconds(1)));
        var recovered = await JobAsync(admin, "orphan");

        Assert.Equal(("Running", "crashed-node"), (State(held), held.GetProperty("leaseOwner").GetString()));
        Assert.Equal(2, recovered.GetProperty("attempts").GetInt32());
        Assert.Equal([("orphan", 2)], log.Runs.Where(r => r.Marker == "orphan").Select(r => (r.Marker, r.Attempt)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task QueuedJob_AppStoppedBeforeItsTime_RunsOnTheNextStartOnTheSameDatabase(string provider)
    {
        var database = TestDatabases.CreateEmpty(provider);
        try
        {
            var clock = ClockAt(s_start);
            var log = new ProbeLog();
            using (var first = Start(provider, clock, log, database, node: "first"))
            {
                await EnqueueAsync(first, new ProbePayload("survivor"), new EnqueueOptions(RunAfter: s_start.AddMinutes(1)));
            }

            var beforeRestart = log.Runs.Count;
            clock.Advance(TimeSpan.FromMinutes(2));
            using var second = Start(provider, clock, log, database, node: "second");
            using var admin = await second.ClientForAsync("admin");
            await EventuallyAsync(async () => State(await JobAsync(admin, "survivor")) == "Succeeded", "the job to run after the restart", () => clock.Advance(TimeSpan.FromSeconds(1)));

            Assert.Equal(0, beforeRestart);
            Assert.Equal([("survivor", "second")], log.Runs.Select(r => (r.Marker, r.Node)));
        }
        finally
        {
            TestDatabases.Drop(provider, database);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwoNodes_OneDatabase_RunEachRecurringOccurrenceOnceAndNoJobTwiceAtOnce(string provider)
    {
        var database = TestDatabases.CreateEmpty(provider);
        try
        {
            var clock = ClockAt(s_start);
            var log = new ProbeLog();
            using var first = Start(provider, clock, log, database, node: "first", everyMinute: true);
            using var admin = await first.ClientForAsync("admin");
            await EventuallyAsync(async () => (await ScheduleAsync(admin, EveryMinute)).GetProperty("nextRunAt").ValueKind == JsonValueKind.String, "the schedule to be written");
            using var second = Start(provider, clock, log, database, node: "second", everyMinute: true);

            // Twenty one-off jobs, half committed on each node (which wakes it), each holding its lease long enough that
            // two nodes of two slots each are both busy and racing for the rest.
            foreach (var (app, half) in new[] { (first, 0), (second, 1) })
            {
                await using var scope = app.Services.CreateAsyncScope();
                var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobs>();
                foreach (var i in Enumerable.Range(half * 10, 10))
                {
                    Assert.True(await jobs.EnqueueAsync<ProbeJob>(new ProbePayload($"race-{i}", HoldMilliseconds: 200), new EnqueueOptions(DeduplicationKey: $"race-{i}")));
                }

                await scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().SaveChangesAsync();
            }

            await EventuallyAsync(
                async () => (await ListAsync(admin, "kind=test.probe&state=Succeeded")).Count(j => j.GetProperty("scheduleName").ValueKind == JsonValueKind.Null) == 20,
                "the one-off jobs to run",
                () => clock.Advance(TimeSpan.FromSeconds(1)));

            // Then on past four whole minutes from the start, a poll interval at a time, and let the last occurrence finish.
            var end = new DateTimeOffset(2026, 6, 1, 10, 4, 10, s_china);
            while (clock.GetUtcNow() < end)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(20);
            }

            // Every whole minute the clock passed since 10:00 is one occurrence (the start, 10:00:30, was not one).
            var passed = (int)(clock.GetUtcNow() - s_start.AddSeconds(-30)).TotalMinutes;
            var expected = Enumerable.Range(1, passed)
                .Select(m => $"schedule:{EveryMinute}:{s_start.AddSeconds(-30).AddMinutes(m).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}").ToList();
            await EventuallyAsync(
                async () => (await ListAsync(admin)).Where(j => j.GetProperty("scheduleName").GetString() == EveryMinute).All(j => State(j) == "Succeeded")
                    && log.Runs.Count(r => r.Marker == EveryMinute) >= passed,
                "the recurring occurrences to run");
            var recurring = (await ListAsync(admin)).Where(j => j.GetProperty("scheduleName").GetString() == EveryMinute).ToList();
            var runsPerJob = log.Runs.GroupBy(r => r.JobId).ToDictionary(g => g.Key, g => g.Count());

            Assert.True(passed >= 4, $"only {passed} minutes passed");
            Assert.Equal(expected, recurring.Select(j => j.GetProperty("deduplicationKey").GetString()).Order(StringComparer.Ordinal));
            Assert.All(runsPerJob, r => Assert.Equal(1, r.Value));
            Assert.Equal(20 + passed, runsPerJob.Count);
            Assert.Equal(0, log.Overlaps);
            Assert.Equal(["first", "second"], log.Runs.Select(r => r.Node).Distinct().Order(StringComparer.Ordinal));
        }
        finally
        {
            TestDatabases.Drop(provider, database);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task NightlyAuditVerification_RowTampered_FailsAt0230WithTheFirstBrokenLinkOnTheJobsPage(string provider)
    {
        var clock = ClockAt(new DateTimeOffset(2026, 6, 1, 2, 25, 0, s_china));
        using var app = Start(provider, clock, new ProbeLog());
        using var admin = await app.ClientForAsync("admin");
        var name = NightlyAuditVerification.ScheduleName;
        await EventuallyAsync(async () => (await ScheduleAsync(admin, name)).GetProperty("nextRunAt").ValueKind == JsonValueKind.String, "the nightly schedule to be written");
        var scheduled = (await ScheduleAsync(admin, name)).GetProperty("nextRunAt").GetDateTimeOffset();

        // Run by hand while the chain is intact: it passes.
        using (var accepted = await admin.PostAsync($"/api/v1/jobs/schedules/{name}/run", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        await EventuallyAsync(async () => (await ScheduleAsync(admin, name)).GetProperty("lastOutcome").GetString() == "Succeeded", "the manual run to pass");

        await using (var scope = app.Services.CreateAsyncScope())
        {
#pragma warning disable EF1002 // Test-only SQL built from constants; the value goes as a parameter.
            await scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().Database.ExecuteSqlRawAsync(
                "UPDATE \"aud_entries\" SET \"Changes\" = {0} WHERE \"Sequence\" = 7", "{\"NameZh\":{\"after\":\"伪造\"}}");
#pragma warning restore EF1002
        }

        clock.Advance(new DateTimeOffset(2026, 6, 1, 2, 31, 0, s_china) - clock.GetUtcNow());
        await EventuallyAsync(async () => (await ScheduleAsync(admin, name)).GetProperty("lastOutcome").GetString() == "Failed", "the nightly run to fail", () => clock.Advance(TimeSpan.FromSeconds(1)));
        var schedule = await ScheduleAsync(admin, name);
        var nightly = (await ListAsync(admin, $"kind={name}")).Single(j => j.GetProperty("deduplicationKey").GetString() is { } key && key.StartsWith("schedule:", StringComparison.Ordinal));
        var requested = (await HttpAssertions.ReadJsonAsync(await admin.GetAsync("/api/v1/audit?action=job-run-requested"))).GetProperty("items").EnumerateArray().Single();

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 2, 30, 0, s_china), scheduled);
        Assert.Equal("schedule:audit.verify-chain:20260531T183000Z", nightly.GetProperty("deduplicationKey").GetString());
        Assert.Equal("Failed", State(nightly));
        Assert.StartsWith("System.InvalidOperationException: Audit chain broken at sequence 7: hash-mismatch", nightly.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(nightly.GetProperty("lastError").GetString(), schedule.GetProperty("lastError").GetString());
        Assert.Equal(("admin", name), (requested.GetProperty("actorName").GetString(), requested.GetProperty("entityId").GetString()));
    }

    private const string EveryMinute = "test.every-minute";

    private static XiaobaoAppFactory Start(string provider, FakeTimeProvider clock, ProbeLog log, string? database = null, string node = "a", bool everyMinute = false)
    {
        if (!everyMinute)
        {
            return JobsApps.Start(provider, clock, log, database, node);
        }

        return JobsApps.Start(provider, clock, log, database, node, services => services.AddRecurringJob<ProbeJob>(EveryMinute, "* * * * *"));
    }
}
