namespace Xiaobao.Kernel.Auditing;

/// <summary>The actions the audit trail names. Changes captured from the change tracker use the first three.</summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string PermissionChanged = "permission-changed";
    public const string Exported = "exported";
    public const string BulkUpdated = "bulk-updated";
    public const string BulkDeleted = "bulk-deleted";
    public const string Revealed = "revealed";
    public const string RevealRefused = "reveal-refused";
    public const string LookedUp = "looked-up";
    public const string Erased = "erased";
}

/// <summary>
/// An event the change tracker cannot see: a sign-in, an export, a bulk SQL statement. <paramref name="Details"/> are
/// stored as canonical JSON; leave out personal values. Without an organisation the actor's is used; without an actor,
/// the current one.
/// </summary>
public sealed record AuditEvent(
    string Action,
    string EntityType,
    string? EntityId,
    IReadOnlyDictionary<string, object?>? Details = null,
    Guid? OrganisationId = null,
    string? OrganisationPath = null,
    ActorSnapshot? Actor = null);

/// <summary>Appends explicit events to the tamper-evident audit trail, in the same transaction as the change they describe.</summary>
public interface IAuditLog
{
    /// <summary>Queues the event; it is written by the next SaveChanges of the request's DbContext, with that save's changes.</summary>
    void Add(AuditEvent auditEvent);

    /// <summary>Queues the event and saves at once (inside the caller's transaction, if one is open).</summary>
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}
