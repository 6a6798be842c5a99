namespace Xiaobao.Jobs.Domain;

/// <summary>How long a failed job waits before its next attempt: doubling from a base delay up to a cap, spread by jitter.</summary>
internal static class Backoff
{
    /// <summary>The jitter spreads each delay over [80 %, 120 %) of its nominal value, so doubled delays still grow.</summary>
    public const double Spread = 0.2;

    /// <param name="failedAttempt">The attempt that just failed, from 1.</param>
    /// <param name="baseDelay">The nominal delay after the first failure.</param>
    /// <param name="maxDelay">The nominal delay never exceeds this.</param>
    /// <param name="jitter">A uniform random number in [0, 1): nodes retrying the same failure (a database outage) spread out.</param>
    public static TimeSpan Delay(int failedAttempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1);

        // 2^(n-1) overflows TimeSpan long before 62 doublings; past the cap the exponent no longer matters.
        var doublings = Math.Min(failedAttempt - 1, 40);
        var nominal = Math.Min(baseDelay.Ticks * Math.Pow(2, doublings), maxDelay.Ticks);
        var factor = 1 - Spread + (2 * Spread * jitter);
        return TimeSpan.FromTicks((long)(nominal * factor));
    }
}
