using System.Text.Json;

namespace Xiaobao.Kernel.Jobs;

/// <summary>What a running job knows about itself.</summary>
/// <param name="JobId">The job row's id; stable across attempts, so it can key idempotent work.</param>
/// <param name="Kind">The job's <see cref="IJob.Kind"/>.</param>
/// <param name="Payload">The payload as enqueued, in JSON, or null.</param>
/// <param name="Attempt">1 on the first attempt, 2 on the first retry, and so on.</param>
/// <param name="MaxAttempts">The attempt after which a failure marks the job dead.</param>
/// <param name="ScheduleName">The recurring schedule that enqueued this occurrence, or null for a one-off job.</param>
public sealed record JobContext(Guid JobId, string Kind, string? Payload, int Attempt, int MaxAttempts, string? ScheduleName)
{
    /// <summary>Reads the payload as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The job was enqueued without a payload.</exception>
    public T ReadPayload<T>() =>
        Payload is null
            ? throw new InvalidOperationException($"Job {JobId} of kind {Kind} has no payload.")
            : JsonSerializer.Deserialize<T>(Payload, JobPayload.Json) ?? throw new InvalidOperationException($"Job {JobId} of kind {Kind} has a null payload.");
}

/// <summary>How payloads are written and read: camelCase web JSON, the same on every node.</summary>
public static class JobPayload
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static string? Write(object? payload) => payload is null ? null : JsonSerializer.Serialize(payload, payload.GetType(), Json);
}
