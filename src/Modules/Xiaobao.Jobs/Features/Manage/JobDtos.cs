using Xiaobao.Jobs.Domain;

namespace Xiaobao.Jobs.Features.Manage;

/// <summary>A job as administrators see it. The payload is left out: it is for the job, not for display.</summary>
public sealed record JobDto(
    Guid Id, string Kind, JobState State, int Attempts, int MaxAttempts, DateTimeOffset RunAfter, string? LastError,
    string? ScheduleName, string? DeduplicationKey, string? LeaseOwner, DateTimeOffset? LeaseExpiresAt,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public bool CanRetry => Job.CanRetry(State);

    internal static JobDto From(Job j) => new(
        j.Id, j.Kind, j.State, j.Attempts, j.MaxAttempts, j.RunAfter, j.LastError, j.ScheduleName, j.DeduplicationKey, j.LeaseOwner, j.LeaseExpiresAt,
        j.CreatedAt, j.StartedAt, j.FinishedAt);
}

/// <summary>A recurring schedule with its next and last run.</summary>
public sealed record ScheduleDto(
    string Name, string Kind, string Cron, string TimeZone, bool IsPaused, DateTimeOffset? NextRunAt, DateTimeOffset? LastRunAt,
    JobState? LastOutcome, string? LastError, Guid? LastJobId)
{
    internal static ScheduleDto From(RecurringSchedule s) =>
        new(s.Name, s.Kind, s.Cron, s.TimeZone, s.IsPaused, s.NextRunAt, s.LastRunAt, s.LastOutcome, s.LastError, s.LastJobId);
}

public sealed record JobFilter(JobState? State = null, string? Kind = null);
