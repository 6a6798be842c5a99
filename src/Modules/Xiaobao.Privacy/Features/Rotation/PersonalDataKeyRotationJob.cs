using Microsoft.Extensions.Logging;
using Xiaobao.Kernel.Jobs;

namespace Xiaobao.Privacy.Features.Rotation;

/// <summary>
/// Runs <see cref="RotatePersonalDataKeys"/> batch by batch until every value is under the active key. Hourly, so a new
/// active key is picked up within the hour of the restart that brought it; an administrator can also start it at once.
/// With nothing to rewrite a run ends after one cheap batch. A crash mid-run loses at most the uncommitted batch: the
/// job's lease expires, another attempt (or the next hour's run) resumes after the last committed batch.
/// </summary>
public sealed partial class PersonalDataKeyRotationJob(RotatePersonalDataKeys rotation, ILogger<PersonalDataKeyRotationJob> logger) : IJob
{
    public const string ScheduleName = "privacy.rotate-keys";

    public const string Cron = "17 * * * *";

    public static string Kind => "privacy.rotate-keys";

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        RotationBatchResult batch;
        do
        {
            batch = await rotation.RunBatchAsync(RotatePersonalDataKeys.DefaultBatchSize, cancellationToken);
        }
        while (!batch.Completed && !cancellationToken.IsCancellationRequested);

        if (batch.Progress.Unreadable > 0)
        {
            LogUnreadable(logger, batch.Progress.Unreadable, batch.Progress.ActiveKeyId);
        }

        cancellationToken.ThrowIfCancellationRequested();
        LogDone(logger, batch.Progress.Rewritten, batch.Progress.ActiveKeyId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Personal-data key rotation to {KeyId} is complete: {Rewritten} values rewritten.")]
    private static partial void LogDone(ILogger logger, long rewritten, string keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Personal-data key rotation to {KeyId} found {Unreadable} values that fail authentication; they were left as they are.")]
    private static partial void LogUnreadable(ILogger logger, long unreadable, string keyId);
}
