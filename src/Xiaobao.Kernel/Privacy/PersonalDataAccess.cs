using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Kernel.Privacy;

/// <summary>
/// A kind of record whose personal fields can be revealed and whose "who viewed" report exists. Modules register their
/// entities with <see cref="PersonalRecords.AddPersonalRecords{TEntity}"/>; the reveal endpoint and the report then
/// work for them without further code.
/// </summary>
public sealed record PersonalRecordType(string Kind, Type EntityType);

public static class PersonalRecords
{
    /// <summary>Registers <typeparamref name="TEntity"/> under <paramref name="kind"/> (e.g. "customer"). Its key must be a Guid "Id".</summary>
    public static IServiceCollection AddPersonalRecords<TEntity>(this IServiceCollection services, string kind)
        where TEntity : class, IOrganisationScoped =>
        services.AddSingleton(new PersonalRecordType(kind, typeof(TEntity)));
}

/// <summary>Asks to see one field of one record in clear, with the reason why.</summary>
public sealed record RevealRequest(string? Field, string? Reason);

public enum RevealOutcome
{
    Revealed,
    NotFound,
    Forbidden,
}

/// <summary>The field's value as stored: present, empty, or erased.</summary>
public sealed record RevealedValue(string Field, string? Value, PersonalValueState State, bool Sensitive);

public sealed record RevealResult(RevealOutcome Outcome, RevealedValue? Revealed = null);

/// <summary>One entry of a record's personal-data access log: a reveal, a refused reveal, or an exact lookup that found it.</summary>
public sealed record PersonalDataAccessDto(DateTimeOffset At, string ActorKind, string ActorName, string Field, string Action, string? Reason, string? Refusal);

/// <summary>Reveals personal fields and keeps the access log that the "who viewed this data" report reads.</summary>
public interface IPersonalDataAccess
{
    /// <summary>
    /// Reveals one field of one record in the caller's scope. Needs the reveal permission and a reason; refusals and
    /// reveals are both written to the audit trail and the access log, never with the value. A missing reason or an
    /// unknown field throws a validation error (400).
    /// </summary>
    Task<RevealResult> RevealAsync(ClaimsPrincipal user, string kind, Guid id, RevealRequest request, CancellationToken cancellationToken);

    /// <summary>Logs that an exact lookup by <paramref name="field"/> found these records.</summary>
    Task RecordLookupAsync(string kind, string field, IReadOnlyCollection<(Guid Id, IOrganisationScoped Record)> found, CancellationToken cancellationToken);

    /// <summary>The record's access log, newest first; null when the record is not in the caller's scope.</summary>
    Task<IReadOnlyList<PersonalDataAccessDto>?> ListAsync(string kind, Guid id, CancellationToken cancellationToken);
}
