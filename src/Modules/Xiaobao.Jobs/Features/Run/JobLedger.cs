using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xiaobao.Jobs.Domain;

namespace Xiaobao.Jobs.Features.Run;

/// <summary>
/// The runner's writes to the queue: claims, lease renewals and outcomes. Each is one conditional UPDATE that changes a
/// row only while it is still as the runner saw it, so of two nodes racing for a job exactly one wins. These UPDATEs
/// bypass the change tracker and so the audit trail: they are bookkeeping, not business changes.
/// </summary>
internal sealed class JobLedger(IJobsDb db, TimeProvider clock, IOptions<JobRunnerOptions> options)
{
    private const string PostgresProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private const string LeaseExpiredError = "The node running the last attempt stopped before it finished (its lease expired).";

    private readonly JobRunnerOptions _options = options.Value;

    /// <summary>
    /// Leases up to <paramref name="max"/> due jobs of the given kinds to <paramref name="node"/>: queued or failed ones
    /// whose time has come, and running ones whose node let the lease expire (it crashed: the job runs again).
    /// </summary>
    public async Task<IReadOnlyList<Job>> ClaimAsync(string node, int max, IReadOnlyList<string> kinds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<Guid> claimed;
        if (db.Database.ProviderName == PostgresProviderName)
        {
            // SKIP LOCKED: nodes polling together each take different rows instead of queueing on the same ones.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            string queued = nameof(JobState.Queued), failed = nameof(JobState.Failed), running = nameof(JobState.Running);
            var kindList = kinds.ToArray();
            claimed = await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "job_jobs"
                WHERE "Kind" = ANY({kindList})
                  AND ((("State" = {queued} OR "State" = {failed}) AND "RunAfter" <= {now})
                    OR ("State" = {running} AND "LeaseExpiresAt" <= {now} AND "Attempts" < "MaxAttempts"))
                ORDER BY "RunAfter"
                LIMIT {max}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            if (claimed.Count > 0)
            {
                await LeaseAsync(db.Jobs.Where(j => claimed.Contains(j.Id)), node, now, ct);
            }

            await transaction.CommitAsync(ct);
        }
        else
        {
            // SQLite has one writer at a time; the conditional UPDATE alone decides which node wins each row.
            var candidates = await db.Jobs.AsNoTracking().Where(Due(now)).Where(j => kinds.Contains(j.Kind))
                .OrderBy(j => j.RunAfter).Select(j => j.Id).Take(max).ToListAsync(ct);
            claimed = [];
            foreach (var id in candidates)
            {
                if (await LeaseAsync(db.Jobs.Where(j => j.Id == id).Where(Due(now)), node, now, ct) == 1)
                {
                    claimed.Add(id);
                }
            }
        }

        return claimed.Count == 0 ? [] : await db.Jobs.AsNoTracking().Where(j => claimed.Contains(j.Id) && j.LeaseOwner == node).ToListAsync(ct);
    }

    /// <summary>Marks dead the jobs whose node stopped during their last allowed attempt.</summary>
    public async Task<int> BuryAbandonedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var abandoned = db.Jobs.Where(j => j.State == JobState.Running && j.LeaseExpiresAt <= now && j.Attempts >= j.MaxAttempts);

        // Read first: an UPDATE takes SQLite's write lock even when it matches nothing, and idle polls should not.
        if (!await abandoned.AnyAsync(ct))
        {
            return 0;
        }

        return await abandoned.ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Dead)
                .SetProperty(j => j.LastError, LeaseExpiredError)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.UpdatedAt, now),
            ct);
    }

    /// <summary>Extends the lease of a job this node still holds; false when it lost it.</summary>
    public async Task<bool> RenewAsync(Guid id, string node, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + _options.LeaseDuration;
        return await Held(id, node).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, until).SetProperty(j => j.UpdatedAt, now), ct) == 1;
    }

    public async Task<bool> SucceedAsync(Job job, string node, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var done = await Held(job.Id, node).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Succeeded)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.UpdatedAt, now),
            ct) == 1;
        if (done)
        {
            await RecordOnScheduleAsync(job, JobState.Succeeded, null, now, ct);
        }

        await transaction.CommitAsync(ct);
        return done;
    }

    /// <summary>Records a failed attempt: the job waits out its back-off, or is dead when its attempts are used up.</summary>
    /// <returns>The job's new state, or null when this node no longer held it.</returns>
    public async Task<JobState?> FailAsync(Job job, string node, string error, double jitter, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var state = job.Attempts >= job.MaxAttempts ? JobState.Dead : JobState.Failed;
        var runAfter = state == JobState.Dead ? now : now + Backoff.Delay(job.Attempts, _options.RetryBaseDelay, _options.RetryMaxDelay, jitter);
        DateTimeOffset? finishedAt = state == JobState.Dead ? now : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var done = await Held(job.Id, node).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, state)
                .SetProperty(j => j.RunAfter, runAfter)
                .SetProperty(j => j.LastError, error)
                .SetProperty(j => j.FinishedAt, finishedAt)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.UpdatedAt, now),
            ct) == 1;
        if (done)
        {
            await RecordOnScheduleAsync(job, state, error, now, ct);
        }

        await transaction.CommitAsync(ct);
        return done ? state : null;
    }

    private static Expression<Func<Job, bool>> Due(DateTimeOffset now) => j =>
        ((j.State == JobState.Queued || j.State == JobState.Failed) && j.RunAfter <= now)
        || (j.State == JobState.Running && j.LeaseExpiresAt <= now && j.Attempts < j.MaxAttempts);

    private Task<int> LeaseAsync(IQueryable<Job> jobs, string node, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + _options.LeaseDuration;
        return jobs.ExecuteUpdateAsync(
            s => s.SetProperty(j => j.State, JobState.Running)
                .SetProperty(j => j.LeaseOwner, node)
                .SetProperty(j => j.LeaseExpiresAt, until)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(j => j.UpdatedAt, now),
            ct);
    }

    private IQueryable<Job> Held(Guid id, string node) =>
        db.Jobs.Where(j => j.Id == id && j.State == JobState.Running && j.LeaseOwner == node);

    private async Task RecordOnScheduleAsync(Job job, JobState outcome, string? error, DateTimeOffset now, CancellationToken ct)
    {
        if (job.ScheduleName is not { } name)
        {
            return;
        }

        await db.RecurringSchedules.Where(s => s.Name == name).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.LastRunAt, job.StartedAt)
                .SetProperty(r => r.LastOutcome, outcome)
                .SetProperty(r => r.LastError, error)
                .SetProperty(r => r.LastJobId, job.Id)
                .SetProperty(r => r.UpdatedAt, now),
            ct);
    }
}
