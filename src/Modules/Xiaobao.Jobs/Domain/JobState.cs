namespace Xiaobao.Jobs.Domain;

/// <summary>Where a job is in its life. Stored by name.</summary>
public enum JobState
{
    /// <summary>Waiting for its run-after time and a free node.</summary>
    Queued,

    /// <summary>Leased by a node; if the lease expires first, another node runs it again.</summary>
    Running,

    Succeeded,

    /// <summary>An attempt failed; it runs again after the back-off delay.</summary>
    Failed,

    /// <summary>Every attempt failed; only an administrator's retry runs it again.</summary>
    Dead,
}
