using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xiaobao.Jobs.Domain;
using Xiaobao.Kernel.Jobs;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Jobs.Features.Run;

/// <summary>
/// Runs one claimed job in its own service scope, as the system with every organisation in scope, renews its lease while
/// it runs, and records the outcome.
/// </summary>
internal sealed partial class JobExecutor(
    IServiceScopeFactory scopes, JobRegistry registry, TimeProvider clock, IOptions<JobRunnerOptions> options, ILogger<JobExecutor> logger)
{
    /// <param name="job">The job as claimed: <see cref="Job.Attempts"/> already counts this attempt.</param>
    /// <param name="node">This node, the lease owner.</param>
    /// <param name="hardStop">Fires when the host stops waiting for running jobs; the lease then expires on its own.</param>
    public async Task RunAsync(Job job, string node, CancellationToken hardStop)
    {
        // Off the polling loop: the loop goes on claiming while this job runs.
        await Task.Yield();
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(hardStop);
        var renewEvery = options.Value.LeaseDuration / 3;
        Exception? failure = null;
        await using (clock.CreateTimer(_ => _ = RenewAsync(job, node, lost), null, renewEvery, renewEvery))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                using var system = scope.ServiceProvider.GetRequiredService<IDataScope>().RunAsSystem();
                var registration = registry.Find(job.Kind) ?? throw new InvalidOperationException($"No job is registered for kind '{job.Kind}'.");
                var instance = (IJob)scope.ServiceProvider.GetRequiredService(registration.JobType);
                await instance.RunAsync(new JobContext(job.Id, job.Kind, job.Payload, job.Attempts, job.MaxAttempts, job.ScheduleName), lost.Token);
            }
#pragma warning disable CA1031 // Whatever a job throws fails that attempt; it must never take the runner down.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
        }

        if (hardStop.IsCancellationRequested)
        {
            return;
        }

        if (lost.IsCancellationRequested)
        {
            LogLeaseLost(logger, job.Id, job.Kind);
            return;
        }

        await RecordAsync(job, node, failure);
    }

    private async Task RecordAsync(Job job, string node, Exception? failure)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var ledger = scope.ServiceProvider.GetRequiredService<JobLedger>();
            if (failure is null)
            {
                await ledger.SucceedAsync(job, node, CancellationToken.None);
                return;
            }

            // Random.Shared only spreads retries in time; nothing depends on it being unpredictable.
#pragma warning disable CA5394
            var state = await ledger.FailAsync(job, node, Job.Describe(failure), Random.Shared.NextDouble(), CancellationToken.None);
#pragma warning restore CA5394
            LogAttemptFailed(logger, job.Id, job.Kind, job.Attempts, job.MaxAttempts, failure.GetType().Name, state?.ToString() ?? "lost");
        }
#pragma warning disable CA1031 // The database may be down; the lease then expires and the job runs again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRecordFailed(logger, job.Id, e.GetType().Name);
        }
    }

    private async Task RenewAsync(Job job, string node, CancellationTokenSource lost)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<JobLedger>().RenewAsync(job.Id, node, CancellationToken.None))
            {
                // Another node took the job over; stop ours rather than run it twice at once.
                await lost.CancelAsync();
            }
        }
        catch (ObjectDisposedException)
        {
            // The job finished while the renewal was on its way.
        }
#pragma warning disable CA1031 // A failed renewal is retried at the next tick; the lease is three ticks long.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRenewFailed(logger, job.Id, e.GetType().Name);
        }
    }

    // Exception messages are not logged: they may quote data. The job's last error keeps it for administrators.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) failed attempt {Attempt} of {MaxAttempts} with {ExceptionType}; now {State}.")]
    private static partial void LogAttemptFailed(ILogger logger, Guid jobId, string kind, int attempt, int maxAttempts, string exceptionType, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) lost its lease to another node and was stopped here.")]
    private static partial void LogLeaseLost(ILogger logger, Guid jobId, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of job {JobId} could not be recorded ({ExceptionType}); it runs again when its lease expires.")]
    private static partial void LogRecordFailed(ILogger logger, Guid jobId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease of job {JobId} could not be renewed ({ExceptionType}).")]
    private static partial void LogRenewFailed(ILogger logger, Guid jobId, string exceptionType);
}
