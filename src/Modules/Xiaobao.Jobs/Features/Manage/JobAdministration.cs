using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Jobs.Domain;
using Xiaobao.Jobs.Features.Enqueue;
using Xiaobao.Jobs.Features.Run;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Jobs;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Jobs.Features.Manage;

/// <summary>An administrator's actions on the queue: retry a job, run a schedule now, pause or resume one. Each is audited.</summary>
public sealed class JobAdministration
{
    public const string JobRetried = "job-retried";
    public const string RunRequested = "job-run-requested";
    public const string SchedulePaused = "schedule-paused";
    public const string ScheduleResumed = "schedule-resumed";

    private readonly IJobsDb _db;
    private readonly BackgroundJobs _jobs;
    private readonly JobRegistry _registry;
    private readonly JobSignal _signal;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _clock;

    internal JobAdministration(IJobsDb db, BackgroundJobs jobs, JobRegistry registry, JobSignal signal, IAuditLog audit, TimeProvider clock)
    {
        _db = db;
        _jobs = jobs;
        _registry = registry;
        _signal = signal;
        _audit = audit;
        _clock = clock;
    }

    /// <summary>Queues a failed or dead job to run at once, with one more attempt if it had used them all.</summary>
    /// <returns>The job, or null when there is none with this id.</returns>
    /// <exception cref="DomainException">The job is not failed or dead (409).</exception>
    public async Task<JobDto?> RetryAsync(Guid id, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        await using (var transaction = await _db.Database.BeginTransactionAsync(ct))
        {
            if (await _db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is not { } job)
            {
                return null;
            }

            var maxAttempts = Math.Max(job.MaxAttempts, job.Attempts + 1);

            // Conditional on the state read above, so a job the runner picked up meanwhile is not reset under it.
            var reset = Job.CanRetry(job.State) && await _db.Jobs
                .Where(j => j.Id == id && j.State == job.State && j.Attempts == job.Attempts)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.State, JobState.Queued)
                        .SetProperty(j => j.RunAfter, now)
                        .SetProperty(j => j.MaxAttempts, maxAttempts)
                        .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                        .SetProperty(j => j.UpdatedAt, now),
                    ct) == 1;
            if (!reset)
            {
                throw new DomainException("job/not-retryable", UiText.Get("Error.Jobs.NotRetryable"), isConflict: true);
            }

            await _audit.RecordAsync(
                new AuditEvent(JobRetried, nameof(Job), id.ToString("D", CultureInfo.InvariantCulture), new Dictionary<string, object?>
                {
                    ["kind"] = job.Kind,
                    ["state"] = job.State.ToString(),
                    ["attempts"] = job.Attempts,
                    ["maxAttempts"] = maxAttempts,
                }),
                ct);
            await transaction.CommitAsync(ct);
        }

        _signal.Notify();
        return await ListJobs.FindAsync(_db, id, ct);
    }

    /// <summary>Enqueues an extra run of a recurring job now; its regular schedule is unchanged.</summary>
    /// <returns>The new job, or null when no such schedule is registered.</returns>
    public async Task<JobDto?> RunNowAsync(string name, CancellationToken ct)
    {
        if (_registry.FindSchedule(name) is not { } registration || !await _db.RecurringSchedules.AnyAsync(s => s.Name == name, ct))
        {
            return null;
        }

        var job = (await _jobs.AddAsync(registration.Kind, null, new EnqueueOptions(MaxAttempts: registration.MaxAttempts), name, ct))!;
        _audit.Add(new AuditEvent(RunRequested, nameof(RecurringSchedule), name, new Dictionary<string, object?> { ["jobId"] = job.Id }));
        await _db.SaveChangesAsync(ct);
        return JobDto.From(job);
    }

    /// <summary>Pauses or resumes a schedule; resuming skips the occurrences that fell while it was paused.</summary>
    /// <returns>The schedule, or null when no such schedule is registered.</returns>
    public async Task<ScheduleDto?> SetPausedAsync(string name, bool paused, CancellationToken ct)
    {
        if (_registry.FindSchedule(name) is null || await _db.RecurringSchedules.FirstOrDefaultAsync(s => s.Name == name, ct) is not { } schedule)
        {
            return null;
        }

        var now = _clock.GetUtcNow();
        if (paused ? schedule.Pause(now) : schedule.Resume(now))
        {
            _audit.Add(new AuditEvent(paused ? SchedulePaused : ScheduleResumed, nameof(RecurringSchedule), name, new Dictionary<string, object?>
            {
                ["nextRunAt"] = schedule.NextRunAt,
            }));
            await _db.SaveChangesAsync(ct);
        }

        return ScheduleDto.From(schedule);
    }

    /// <summary>The registered schedules with their next and last runs.</summary>
    public Task<IReadOnlyList<ScheduleDto>> ListSchedulesAsync(CancellationToken ct) => ListJobs.SchedulesAsync(_db, _registry, ct);

    /// <summary>The job kinds this installation can run, for filters.</summary>
    public IReadOnlyList<string> Kinds => _registry.Kinds;
}
