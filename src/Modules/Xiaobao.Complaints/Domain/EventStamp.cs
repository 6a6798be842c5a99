using Xiaobao.Kernel.Auditing;

namespace Xiaobao.Complaints.Domain;

/// <summary>Who did something, when it happened, and when it was recorded.</summary>
/// <param name="By">The actor, as the audit trail records actors.</param>
/// <param name="At">When it happened; every deadline counts from this, e.g. when a withdrawal request was received.</param>
/// <param name="RecordedAt">When Xiaobao recorded it; never earlier than <paramref name="At"/>.</param>
public sealed record EventStamp(ActorSnapshot By, DateTimeOffset At, DateTimeOffset RecordedAt)
{
    /// <summary>Something that happens as it is recorded.</summary>
    public static EventStamp Now(ActorSnapshot by, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return new EventStamp(by, now, now);
    }

    /// <summary>Something that happened at <paramref name="at"/> and is recorded now.</summary>
    public static EventStamp Happened(ActorSnapshot by, DateTimeOffset at, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new EventStamp(by, at, clock.GetUtcNow());
    }
}
