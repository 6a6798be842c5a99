using Xiaobao.Kernel.Auditing;

namespace Xiaobao.Jobs.Domain;

/// <summary>
/// One piece of background work and its history: attempts, lease and last error. The runner changes rows with
/// conditional UPDATEs (a row changes only if it is still in the state the runner saw), so two nodes never both win it.
/// </summary>
/// <remarks>Leases and attempts change many times a day and are not audited; an administrator's retry is (explicitly).</remarks>
[NotAudited]
public sealed class Job
{
    public const int KeyMaxLength = 200;
    public const int ErrorMaxLength = 4000;

    private Job()
    {
        Kind = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Kind { get; private set; }

    /// <summary>JSON, or null. Ids only: it is stored in plain text.</summary>
    public string? Payload { get; private set; }

    public JobState State { get; private set; }

    /// <summary>Attempts started so far, counting one whose node stopped mid-run.</summary>
    public int Attempts { get; private set; }

    public int MaxAttempts { get; private set; }

    /// <summary>Not claimed before this time: the enqueuer's choice, then the back-off after each failure.</summary>
    public DateTimeOffset RunAfter { get; private set; }

    /// <summary>The node running the job while <see cref="State"/> is running.</summary>
    public string? LeaseOwner { get; private set; }

    /// <summary>When the running node's claim lapses unless it renews it; afterwards another node may take the job over.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>Exception type and message of the last failed attempt.</summary>
    public string? LastError { get; private set; }

    /// <summary>At most one job ever exists per key (unique index).</summary>
    public string? DeduplicationKey { get; private set; }

    /// <summary>The recurring schedule that enqueued this occurrence, or null.</summary>
    public string? ScheduleName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Start of the latest attempt.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Only failed and dead jobs can be retried by hand; a queued or running one is already on its way.</summary>
    public static bool CanRetry(JobState state) => state is JobState.Failed or JobState.Dead;

    /// <summary>What a failed attempt leaves as <see cref="LastError"/>.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = $"{exception.GetType().FullName}: {exception.Message}";
        return text.Length <= ErrorMaxLength ? text : text[..ErrorMaxLength];
    }

    internal static Job Create(string kind, string? payload, DateTimeOffset now, DateTimeOffset runAfter, int maxAttempts, string? deduplicationKey, string? scheduleName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        if (deduplicationKey is { Length: 0 or > KeyMaxLength })
        {
            throw new ArgumentException($"A deduplication key has 1 to {KeyMaxLength} characters.", nameof(deduplicationKey));
        }

        return new Job
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Payload = payload,
            State = JobState.Queued,
            MaxAttempts = maxAttempts,
            RunAfter = runAfter.ToUniversalTime(),
            DeduplicationKey = deduplicationKey,
            ScheduleName = scheduleName,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
