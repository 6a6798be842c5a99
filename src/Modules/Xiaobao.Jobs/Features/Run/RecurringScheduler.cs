using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Xiaobao.Jobs.Domain;
using Xiaobao.Jobs.Features.Enqueue;
using Xiaobao.Kernel.Jobs;

namespace Xiaobao.Jobs.Features.Run;

/// <summary>
/// Turns due occurrences of recurring schedules into jobs, once per occurrence however many nodes poll: a node enqueues
/// an occurrence only if its conditional UPDATE moved the schedule's next run on, and the job's deduplication key
/// (schedule and occurrence) would refuse a second job for it in any case.
/// </summary>
internal sealed partial class RecurringScheduler(IJobsDb db, BackgroundJobs jobs, JobRegistry registry, TimeProvider clock, ILogger<RecurringScheduler> logger)
{
    /// <summary>Writes the registered schedules to the database: new ones with their first occurrence, changed ones recomputed.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var names = registry.ScheduleNames.ToList();
        var stored = await db.RecurringSchedules.Where(s => names.Contains(s.Name)).ToDictionaryAsync(s => s.Name, StringComparer.Ordinal, ct);
        foreach (var registration in registry.Schedules)
        {
            if (stored.TryGetValue(registration.Name, out var schedule))
            {
                schedule.Redefine(registration, now);
            }
            else
            {
                db.RecurringSchedules.Add(RecurringSchedule.Create(registration, now));
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node started at the same moment and wrote the same schedules first; theirs are as good as ours.
            LogSyncRaced(logger);
        }
    }

    /// <returns>How many occurrences this node enqueued.</returns>
    public async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var names = registry.ScheduleNames.ToList();
        var due = await db.RecurringSchedules.AsNoTracking()
            .Where(s => names.Contains(s.Name) && !s.IsPaused && s.NextRunAt <= now)
            .ToListAsync(ct);
        var enqueued = 0;
        foreach (var schedule in due)
        {
            if (await EnqueueOccurrenceAsync(schedule, now, ct))
            {
                enqueued++;
            }
        }

        return enqueued;
    }

    /// <summary>The deduplication key of one occurrence.</summary>
    public static string OccurrenceKey(string scheduleName, DateTimeOffset occurrence) =>
        $"schedule:{scheduleName}:{occurrence.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";

    private async Task<bool> EnqueueOccurrenceAsync(RecurringSchedule schedule, DateTimeOffset now, CancellationToken ct)
    {
        var occurrence = schedule.NextRunAt!.Value;
        var registration = registry.FindSchedule(schedule.Name)!;

        // Occurrences missed while no node ran collapse into this one: the next is the first after now.
        var next = CronSchedule.Next(schedule.Cron, schedule.TimeZone, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var won = await db.RecurringSchedules
            .Where(s => s.Name == schedule.Name && s.NextRunAt == occurrence && !s.IsPaused)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NextRunAt, next).SetProperty(r => r.UpdatedAt, now), ct) == 1;
        if (!won)
        {
            return false;
        }

        await jobs.AddAsync(registration.Kind, null, new EnqueueOptions(now, OccurrenceKey(schedule.Name, occurrence), registration.MaxAttempts), schedule.Name, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recurring schedules were written by another node starting at the same time.")]
    private static partial void LogSyncRaced(ILogger logger);
}
