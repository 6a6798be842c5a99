namespace Xiaobao.Kernel.Jobs;

/// <summary>
/// A unit of background work the job runner executes, at least once: after a crash mid-run it runs again, so a job must
/// be idempotent (check whether its work is already done before doing it).
/// </summary>
/// <remarks>
/// Register each job with <see cref="JobServices.AddJob{TJob}"/> or <see cref="JobServices.AddRecurringJob{TJob}"/>.
/// The runner resolves it from a fresh service scope per attempt, with the system as actor and every organisation in
/// scope, so the changes it saves are audited as the system's.
/// </remarks>
public interface IJob
{
    /// <summary>
    /// The stable name stored in each job row ("privacy.rotate-key"). Renaming it strands the rows already queued under
    /// the old name, so treat it like a column name.
    /// </summary>
    static abstract string Kind { get; }

    /// <summary>
    /// Does the work. Throwing fails the attempt: the error's type and message become the job's last error (so never
    /// put personal values in a message) and the runner retries with back-off until the job's attempts run out.
    /// </summary>
    Task RunAsync(JobContext context, CancellationToken cancellationToken);
}
