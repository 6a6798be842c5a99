using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Privacy.Domain;

/// <summary>
/// One access to a record's personal data: a reveal, a refused reveal, or an exact lookup that found the record. The
/// "who viewed this customer's data" report reads these rows; they are kept when the record's data is erased.
/// </summary>
public sealed class PersonalDataAccess : IOrganisationScoped
{
    public const int ReasonMaxLength = 500;

    private PersonalDataAccess()
    {
        ActorKind = string.Empty;
        ActorName = string.Empty;
        OrganisationPath = string.Empty;
        Kind = string.Empty;
        Field = string.Empty;
        Action = string.Empty;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorKind { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorName { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string OrganisationPath { get; private set; }

    /// <summary>The registered record kind, e.g. "customer".</summary>
    public string Kind { get; private set; }

    public Guid RecordId { get; private set; }

    public string Field { get; private set; }

    /// <summary>An <see cref="AuditActions"/> name: revealed, reveal-refused or looked-up.</summary>
    public string Action { get; private set; }

    /// <summary>The stated reason, with anything that looks like an identifier masked.</summary>
    public string? Reason { get; private set; }

    /// <summary>Why a reveal was refused: no-permission or no-reason.</summary>
    public string? Refusal { get; private set; }

    public static PersonalDataAccess Record(
        ActorSnapshot actor, IOrganisationScoped record, string kind, Guid recordId, string field, string action, string? reason, string? refusal, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            ActorKind = actor.KindCode,
            ActorId = actor.Id,
            ActorName = actor.Name,
            OrganisationId = record.OrganisationId,
            OrganisationPath = record.OrganisationPath,
            Kind = kind,
            RecordId = recordId,
            Field = field,
            Action = action,
            Reason = reason,
            Refusal = refusal,
        };
}
