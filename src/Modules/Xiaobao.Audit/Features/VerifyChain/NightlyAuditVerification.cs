using System.Globalization;
using Microsoft.Extensions.Logging;
using Xiaobao.Kernel.Jobs;

namespace Xiaobao.Audit.Features.VerifyChain;

/// <summary>
/// Walks the whole audit chain every night, so tampering shows within a day rather than at the next audit. A broken chain
/// fails the run: the first broken link becomes the job's last error on the jobs page, and an error is logged.
/// </summary>
public sealed partial class NightlyAuditVerification(IAuditDb db, ILogger<NightlyAuditVerification> logger) : IJob
{
    public const string ScheduleName = "audit.verify-chain";

    /// <summary>02:30 China time: after the day's work, before the early batch imports.</summary>
    public const string Cron = "30 2 * * *";

    public static string Kind => "audit.verify-chain";

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await VerifyAuditChain.HandleAsync(db, cancellationToken);
        if (report.Intact)
        {
            LogIntact(logger, report.Entries);
            return;
        }

        LogBroken(logger, report.BrokenAt ?? 0, report.Problem ?? string.Empty, report.Entries);
        throw new InvalidOperationException(string.Create(
            CultureInfo.InvariantCulture,
            $"Audit chain broken at sequence {report.BrokenAt}: {report.Problem}: {report.Detail} ({report.Entries} entries verified before it)."));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain verified: {Entries} entries, intact.")]
    private static partial void LogIntact(ILogger logger, long entries);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit chain broken at sequence {Sequence}: {Problem} ({Entries} entries verified before it).")]
    private static partial void LogBroken(ILogger logger, long sequence, string problem, long entries);
}
