using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xiaobao.Jobs.Domain;
using Xiaobao.Jobs.Features.Run;
using Xiaobao.Kernel.Jobs;

namespace Xiaobao.Jobs.Features.Enqueue;

/// <summary>Adds job rows to the scope's DbContext, the one the caller saves its change with.</summary>
internal sealed class BackgroundJobs(IJobsDb db, JobRegistry registry, WakeOnCommit wake, TimeProvider clock, IOptions<JobRunnerOptions> options) : IBackgroundJobs
{
    public async Task<bool> EnqueueAsync<TJob>(object? payload, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : IJob =>
        await AddAsync(TJob.Kind, JobPayload.Write(payload), options, scheduleName: null, cancellationToken) is not null;

    public async Task<bool> EnqueueAndSaveAsync<TJob>(object? payload, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : IJob
    {
        if (!await EnqueueAsync<TJob>(payload, options, cancellationToken))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <returns>The added job, or null when its deduplication key is taken.</returns>
    public async Task<Job?> AddAsync(string kind, string? payload, EnqueueOptions? enqueue, string? scheduleName, CancellationToken cancellationToken)
    {
        if (registry.Find(kind) is null)
        {
            // No node of this version could claim it; it would wait in the queue for ever.
            throw new InvalidOperationException($"Job kind '{kind}' is not registered: call services.AddJob<T>() in the module that owns it.");
        }

        enqueue ??= new EnqueueOptions();
        if (enqueue.DeduplicationKey is { } key
            && (db.Jobs.Local.Any(j => j.DeduplicationKey == key) || await db.Jobs.AnyAsync(j => j.DeduplicationKey == key, cancellationToken)))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var job = Job.Create(kind, payload, now, enqueue.RunAfter ?? now, enqueue.MaxAttempts ?? options.Value.DefaultMaxAttempts, enqueue.DeduplicationKey, scheduleName);
        db.Jobs.Add(job);
        wake.Arm();
        return job;
    }
}
