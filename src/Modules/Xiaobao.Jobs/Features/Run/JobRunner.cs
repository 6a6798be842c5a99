using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xiaobao.Jobs.Features.Enqueue;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Jobs.Features.Run;

/// <summary>
/// This node's job runner. Once the application has started (never delaying start-up), it polls: enqueues due
/// recurring occurrences, buries jobs abandoned on their last attempt, claims due jobs up to its concurrency and runs
/// them, then sleeps until the poll interval passes, a job is committed on this node, or a running job ends.
/// </summary>
/// <remarks>
/// On stop it claims nothing more and waits for running jobs until the host's shutdown timeout; a job still running then
/// is cancelled and its lease left to expire, so another node (or the next start) runs it again.
/// </remarks>
internal sealed partial class JobRunner(
    IServiceScopeFactory scopes, JobRegistry registry, JobSignal signal, JobExecutor executor, TimeProvider clock,
    IOptions<JobRunnerOptions> options, IHostApplicationLifetime lifetime, ILogger<JobRunner> logger) : BackgroundService
{
    private readonly CancellationTokenSource _hardStop = new();
    private readonly JobRunnerOptions _options = options.Value;
    private int _disposed;

    /// <summary>Unique per process, so a restarted node never mistakes its predecessor's leases for its own.</summary>
    public string Node { get; } = NodeId(options.Value.NodeName);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken);
        }
        finally
        {
            // The host may dispose this service before the test server's own stop reaches it.
            if (Interlocked.CompareExchange(ref _disposed, 0, 0) == 0)
            {
                await _hardStop.CancelAsync();
            }
        }
    }

    public override void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _hardStop.Cancel();
            _hardStop.Dispose();
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled || registry.Kinds.Count == 0 || !await ApplicationStartedAsync(stoppingToken))
        {
            return;
        }

        var running = new List<Task>();
        var synced = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.WaitAsync();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                using var system = scope.ServiceProvider.GetRequiredService<IDataScope>().RunAsSystem();
                var scheduler = scope.ServiceProvider.GetRequiredService<RecurringScheduler>();
                var ledger = scope.ServiceProvider.GetRequiredService<JobLedger>();
                if (!synced)
                {
                    await scheduler.SyncAsync(stoppingToken);
                    synced = true;
                }

                await scheduler.EnqueueDueAsync(stoppingToken);
                await ledger.BuryAbandonedAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                var free = _options.MaxConcurrency - running.Count;
                if (free > 0)
                {
                    var claimed = await ledger.ClaimAsync(Node, free, registry.Kinds, stoppingToken);
                    running.AddRange(claimed.Select(job => executor.RunAsync(job, Node, _hardStop.Token)));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The database may be briefly unreachable; the next poll tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, e.GetType().Name);
            }

            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny([wake, Task.Delay(_options.PollInterval, clock, sleep.Token), .. running]);
            await sleep.CancelAsync();
        }

        await Task.WhenAll(running);
    }

    private async Task<bool> ApplicationStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string NodeId(string? name)
    {
        var host = name ?? $"{Environment.MachineName}:{Environment.ProcessId}";
        return $"{(host.Length > 160 ? host[..160] : host)}:{Guid.NewGuid():N}";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for due jobs failed ({ExceptionType}); trying again at the next poll.")]
    private static partial void LogPollFailed(ILogger logger, string exceptionType);
}
