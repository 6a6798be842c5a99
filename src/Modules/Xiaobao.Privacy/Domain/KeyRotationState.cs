namespace Xiaobao.Privacy.Domain;

/// <summary>
/// Where the key rotation stands: the key values are being moved to, the entity and the last record id done. Saved in
/// the same transaction as each batch, so a run stopped at any point resumes exactly after the last committed batch.
/// </summary>
public sealed class KeyRotationState
{
    public const int SingletonId = 1;

    private KeyRotationState()
    {
        TargetKeyId = string.Empty;
    }

    public int Id { get; private set; }

    public string TargetKeyId { get; private set; }

    /// <summary>The entity type being walked; null once every entity is done.</summary>
    public string? Entity { get; private set; }

    /// <summary>The last record id of <see cref="Entity"/> done; null to start the entity from its first record.</summary>
    public Guid? Cursor { get; private set; }

    public long Rewritten { get; private set; }

    /// <summary>Values that failed authentication and were left as they are (reported, never re-encrypted).</summary>
    public long Unreadable { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static KeyRotationState Begin(string targetKeyId, string? firstEntity, DateTimeOffset now) =>
        new() { Id = SingletonId, TargetKeyId = targetKeyId, Entity = firstEntity, StartedAt = now, UpdatedAt = now, CompletedAt = firstEntity is null ? now : null };

    /// <summary>Starts over towards a new key (the active key changed since the last rotation).</summary>
    public void Restart(string targetKeyId, string? firstEntity, DateTimeOffset now)
    {
        TargetKeyId = targetKeyId;
        Entity = firstEntity;
        Cursor = null;
        Rewritten = 0;
        Unreadable = 0;
        StartedAt = now;
        UpdatedAt = now;
        CompletedAt = firstEntity is null ? now : null;
    }

    public void Advance(Guid? cursor, int rewritten, int unreadable, DateTimeOffset now)
    {
        Cursor = cursor;
        Rewritten += rewritten;
        Unreadable += unreadable;
        UpdatedAt = now;
    }

    /// <summary>Moves to the next entity, or finishes when there is none.</summary>
    public void NextEntity(string? entity, DateTimeOffset now)
    {
        Entity = entity;
        Cursor = null;
        UpdatedAt = now;
        if (entity is null)
        {
            CompletedAt = now;
        }
    }
}
