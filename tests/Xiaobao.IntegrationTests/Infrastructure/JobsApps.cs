using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Kernel.Jobs;

namespace Xiaobao.IntegrationTests.Infrastructure;

/// <summary>Apps with the test's probe job and clock, and the jobs API as tests read it.</summary>
public static class JobsApps
{
    /// <summary>Starts an app whose runner polls every fake second and retries after one fake minute, doubling.</summary>
    public static XiaobaoAppFactory Start(
        string provider, TimeProvider clock, ProbeLog log, string? database = null, string node = "a", Action<IServiceCollection>? more = null)
    {
        var app = new XiaobaoAppFactory(provider, database)
        {
            TestServices = services =>
            {
                services.AddSingleton(clock);
                services.AddSingleton(log);
                services.AddSingleton(new ProbeNode(node));
                services.AddJob<ProbeJob>();
                more?.Invoke(services);
            },
        };
        app.Settings["Jobs:PollInterval"] = "00:00:01";
        app.Settings["Jobs:RetryBaseDelay"] = "00:01:00";
        app.Settings["Jobs:RetryMaxDelay"] = "00:10:00";
        app.Settings["Jobs:LeaseDuration"] = "00:05:00";
        _ = app.Server;
        return app;
    }

    /// <summary>Enqueues a probe job keyed by its marker, committed at once.</summary>
    public static async Task EnqueueAsync(XiaobaoAppFactory app, ProbePayload payload, EnqueueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(payload);
        await using var scope = app.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobs>();
        Assert.True(await jobs.EnqueueAndSaveAsync<ProbeJob>(payload, (options ?? new EnqueueOptions()) with { DeduplicationKey = options?.DeduplicationKey ?? payload.Marker }));
    }

    public static async Task<List<JsonElement>> ListAsync(HttpClient admin, string query = "kind=test.probe") =>
        (await HttpAssertions.ReadJsonAsync(await admin.GetAsync($"/api/v1/jobs?pageSize=200&{query}"))).GetProperty("items").EnumerateArray().ToList();

    /// <summary>The probe job enqueued with this marker.</summary>
    public static async Task<JsonElement> JobAsync(HttpClient admin, string marker) =>
        (await ListAsync(admin)).Single(j => j.GetProperty("deduplicationKey").GetString() == marker);

    public static async Task<JsonElement> ScheduleAsync(HttpClient admin, string name) =>
        (await HttpAssertions.ReadJsonAsync(await admin.GetAsync("/api/v1/jobs/schedules"))).EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    public static string State(JsonElement job) => job.GetProperty("state").GetString()!;

    /// <summary>
    /// Waits (in real time, at most a minute) until <paramref name="condition"/> holds. <paramref name="tick"/> runs
    /// between looks: with a fake clock it moves time on by a poll interval, so a runner that was mid-poll when the test
    /// advanced the clock still gets its next poll.
    /// </summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, Action? tick = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            tick?.Invoke();
            await Task.Delay(50);
        }
    }
}
