using System.Collections.Concurrent;
using Xiaobao.Kernel.Jobs;

namespace Xiaobao.IntegrationTests.Infrastructure;

/// <param name="Marker">Names the run in <see cref="ProbeLog"/>.</param>
/// <param name="Fail">Throw on every attempt.</param>
/// <param name="HoldMilliseconds">Stay running this long (real time), so overlapping runs would show.</param>
public sealed record ProbePayload(string Marker, bool Fail = false, int HoldMilliseconds = 0);

/// <summary>Which app instance a job ran on, when several share one database.</summary>
public sealed record ProbeNode(string Name);

/// <summary>A job that exists only in tests: it records every run and whether two runs of one job ever overlapped.</summary>
public sealed class ProbeJob(ProbeLog log, ProbeNode node) : IJob
{
    public static string Kind => "test.probe";

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var payload = context.Payload is null ? new ProbePayload(context.ScheduleName ?? "none") : context.ReadPayload<ProbePayload>();
        log.Enter(context, payload.Marker, node.Name);
        try
        {
            if (payload.HoldMilliseconds > 0)
            {
                await Task.Delay(payload.HoldMilliseconds, cancellationToken);
            }

            if (payload.Fail)
            {
                throw new InvalidOperationException($"probe failure on attempt {context.Attempt}");
            }
        }
        finally
        {
            log.Exit(context);
        }
    }
}

public sealed record ProbeRun(Guid JobId, string Marker, int Attempt, string Node);

/// <summary>Shared by every app instance of a test, so runs on different nodes land in one record.</summary>
public sealed class ProbeLog
{
    private readonly ConcurrentQueue<ProbeRun> _runs = new();
    private readonly ConcurrentDictionary<Guid, int> _inside = new();
    private int _overlaps;

    public IReadOnlyList<ProbeRun> Runs => [.. _runs];

    /// <summary>How often a run began while another run of the same job was still going.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    public void Enter(JobContext context, string marker, string node)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_inside.AddOrUpdate(context.JobId, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        _runs.Enqueue(new ProbeRun(context.JobId, marker, context.Attempt, node));
    }

    public void Exit(JobContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _inside.AddOrUpdate(context.JobId, 0, (_, n) => n - 1);
    }
}
