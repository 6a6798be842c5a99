using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Audit.Domain;

/// <summary>
/// One link of the tamper-evident audit trail. Entries are only ever appended; each carries the hash of the one before,
/// so editing, deleting or reordering a row breaks the chain at that row (see <see cref="AuditHash"/>).
/// </summary>
/// <remarks>
/// <see cref="OrganisationPath"/> decides who may read the entry and is deliberately not hashed: it is the path of the
/// deepest organisation whose scope covers everything the entry names (the record, its parent organisation, the actor),
/// and moving an organisation rewrites it like every other scoped path.
/// </remarks>
public sealed class AuditEntry : IOrganisationScoped
{
    public const int NameMaxLength = 256;

    private AuditEntry()
    {
        ActorKind = string.Empty;
        ActorName = string.Empty;
        OrganisationPath = string.Empty;
        EntityType = string.Empty;
        Action = string.Empty;
        Changes = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorKind { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorName { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public string OrganisationPath { get; private set; }

    public string EntityType { get; private set; }

    public string? EntityId { get; private set; }

    public string Action { get; private set; }

    /// <summary>Canonical JSON: property name → before/after, or "changed" for personal and secret values.</summary>
    public string Changes { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    Guid IOrganisationScoped.OrganisationId => OrganisationId ?? Guid.Empty;

    internal static AuditEntry Link(AuditDraft draft, long sequence, DateTimeOffset at, string previousHash)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            At = AuditHash.Truncate(at),
            ActorKind = draft.Actor.KindCode,
            ActorId = draft.Actor.Id,
            ActorName = Clip(draft.Actor.Name),
            OrganisationId = draft.OrganisationId,
            OrganisationPath = draft.VisibleToPath,
            EntityType = Clip(draft.EntityType),
            EntityId = draft.EntityId is null ? null : Clip(draft.EntityId),
            Action = draft.Action,
            Changes = draft.Changes,
            PreviousHash = previousHash,
        };
        entry.Hash = AuditHash.Compute(entry);
        return entry;
    }

    private static string Clip(string value) => value.Length <= NameMaxLength ? value : value[..NameMaxLength];
}

/// <summary>An entry before it is linked into the chain.</summary>
internal sealed record AuditDraft(
    Kernel.Auditing.ActorSnapshot Actor, Guid? OrganisationId, string VisibleToPath, string EntityType, string? EntityId, string Action, string Changes);
