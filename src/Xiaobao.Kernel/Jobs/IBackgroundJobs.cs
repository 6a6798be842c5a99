namespace Xiaobao.Kernel.Jobs;

/// <summary>Options for one enqueued job.</summary>
/// <param name="RunAfter">Not before this time; now when null.</param>
/// <param name="DeduplicationKey">
/// At most one job ever exists per key (a unique index guards it): enqueueing a key that already exists adds nothing.
/// Name the work, not the moment: "complaint-reminder:{id}:acceptance".
/// </param>
/// <param name="MaxAttempts">Attempts before the job is marked dead; the runner's default (Jobs:DefaultMaxAttempts) when null.</param>
public sealed record EnqueueOptions(DateTimeOffset? RunAfter = null, string? DeduplicationKey = null, int? MaxAttempts = null);

/// <summary>
/// Puts background work in the database queue. Convention (STYLE.md §8): enqueue in the same transaction as the change
/// that calls for the work, so the work exists exactly when the change does.
/// </summary>
/// <remarks>
/// Payloads are stored as JSON in plain text: carry ids, never personal values. Once committed, a job survives restarts
/// and runs on whichever node claims it first; the node that enqueued it is woken at once.
/// </remarks>
public interface IBackgroundJobs
{
    /// <summary>
    /// Adds the job row to the caller's unit of work (the scope's DbContext) without saving: it is written by the caller's
    /// next SaveChanges, in that save's transaction, and vanishes if that transaction rolls back.
    /// </summary>
    /// <returns>False when a job with the same deduplication key already exists (nothing is added).</returns>
    /// <remarks>Two callers racing with the same new key both pass the check; the unique index then fails the second save.</remarks>
    Task<bool> EnqueueAsync<TJob>(object? payload, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : IJob;

    /// <summary>As <see cref="EnqueueAsync{TJob}"/>, then saves at once (inside the caller's transaction, if one is open).</summary>
    Task<bool> EnqueueAndSaveAsync<TJob>(object? payload, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TJob : IJob;
}
