namespace Xiaobao.Jobs;

/// <summary>The runner's settings, section "Jobs" (e.g. <c>Jobs__PollInterval=00:00:02</c>).</summary>
public sealed class JobRunnerOptions
{
    public const string Section = "Jobs";

    /// <summary>False stops this node from running jobs; it still enqueues them for the nodes that do.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle node looks for due jobs. A job enqueued on this node wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim lasts without renewal; a running node renews it every third of this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Jobs this node runs at once.</summary>
    public int MaxConcurrency { get; set; } = 2;

    public int DefaultMaxAttempts { get; set; } = 5;

    /// <summary>The delay after a first failure; it doubles with each further one.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>This node's name in leases; machine name and process id when not set.</summary>
    public string? NodeName { get; set; }
}
