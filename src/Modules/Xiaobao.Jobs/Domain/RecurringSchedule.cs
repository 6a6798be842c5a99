using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Jobs;

namespace Xiaobao.Jobs.Domain;

/// <summary>
/// A registered recurring job as the database keeps it: the next occurrence to enqueue, whether an administrator paused
/// it, and how its last run ended. The node that moves <see cref="NextRunAt"/> on enqueues the occurrence.
/// </summary>
/// <remarks>Advancing and outcomes are bookkeeping and not audited; pausing and resuming are (explicitly).</remarks>
[NotAudited]
public sealed class RecurringSchedule
{
    private RecurringSchedule()
    {
        Name = string.Empty;
        Kind = string.Empty;
        Cron = string.Empty;
        TimeZone = string.Empty;
    }

    public string Name { get; private set; }

    public string Kind { get; private set; }

    public string Cron { get; private set; }

    /// <summary>IANA id of the zone the cron expression is read in.</summary>
    public string TimeZone { get; private set; }

    /// <summary>The occurrence to enqueue next, in UTC; null when the expression never fires again.</summary>
    public DateTimeOffset? NextRunAt { get; private set; }

    public bool IsPaused { get; private set; }

    /// <summary>Start of the latest finished run.</summary>
    public DateTimeOffset? LastRunAt { get; private set; }

    public JobState? LastOutcome { get; private set; }

    public string? LastError { get; private set; }

    public Guid? LastJobId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    internal static RecurringSchedule Create(RecurringJobRegistration registration, DateTimeOffset now) => new()
    {
        Name = registration.Name,
        Kind = registration.Kind,
        Cron = registration.Cron,
        TimeZone = registration.TimeZone,
        NextRunAt = CronSchedule.Next(registration.Cron, registration.TimeZone, now),
        UpdatedAt = now,
    };

    /// <summary>Takes on a changed registration (a new cron expression after a deployment); the next run is recomputed.</summary>
    internal void Redefine(RecurringJobRegistration registration, DateTimeOffset now)
    {
        if (Kind == registration.Kind && Cron == registration.Cron && TimeZone == registration.TimeZone)
        {
            return;
        }

        Kind = registration.Kind;
        Cron = registration.Cron;
        TimeZone = registration.TimeZone;
        NextRunAt = CronSchedule.Next(Cron, TimeZone, now);
        UpdatedAt = now;
    }

    /// <returns>False when it was already paused.</returns>
    internal bool Pause(DateTimeOffset now)
    {
        if (IsPaused)
        {
            return false;
        }

        IsPaused = true;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Occurrences that fell while paused are skipped: the next run is the first occurrence from now.</summary>
    /// <returns>False when it was not paused.</returns>
    internal bool Resume(DateTimeOffset now)
    {
        if (!IsPaused)
        {
            return false;
        }

        IsPaused = false;
        NextRunAt = CronSchedule.Next(Cron, TimeZone, now);
        UpdatedAt = now;
        return true;
    }
}
