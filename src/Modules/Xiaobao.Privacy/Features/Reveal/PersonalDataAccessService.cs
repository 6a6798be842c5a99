using System.Reflection;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Kernel.Security;
using Xiaobao.Privacy.Domain;

namespace Xiaobao.Privacy.Features.Reveal;

/// <summary>
/// Reveal and the access log for every registered record kind. Records are read through the scope filter, so a record
/// outside the caller's scope is not found (404) and nothing is logged about it.
/// </summary>
internal sealed class PersonalDataAccessService(
    IPrivacyDb db, IEnumerable<PersonalRecordType> types, IPersonalDataProtector protector, IAuditLog audit, ICurrentActor actor, TimeProvider clock)
    : IPersonalDataAccess
{
    public const string NoPermission = "no-permission";
    public const string NoReason = "no-reason";

    private static readonly MethodInfo s_find = typeof(PersonalDataAccessService).GetMethod(nameof(FindAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<RevealResult> RevealAsync(ClaimsPrincipal user, string kind, Guid id, RevealRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        if (TypeOf(kind) is not { } type || await FindAsync(type, id, cancellationToken) is not { } record)
        {
            return new RevealResult(RevealOutcome.NotFound);
        }

        if (PersonalFields.Find(type.EntityType, request.Field) is not { } field)
        {
            throw ValidationFailedException.For("field", UiText.Format("Privacy.UnknownField", request.Field ?? string.Empty));
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : PersonalDataRedactor.Redact(request.Reason.Trim());
        if (reason is { Length: > PersonalDataAccess.ReasonMaxLength })
        {
            throw ValidationFailedException.For("reason", UiText.Format("Validation.MaxLength", PersonalDataAccess.ReasonMaxLength));
        }

        if (!user.HasClaim(Permissions.ClaimType, Permissions.PersonalDataReveal))
        {
            await RecordAsync(type, id, record, field, AuditActions.RevealRefused, reason, NoPermission, cancellationToken);
            return new RevealResult(RevealOutcome.Forbidden);
        }

        if (reason is null)
        {
            await RecordAsync(type, id, record, field, AuditActions.RevealRefused, null, NoReason, cancellationToken);
            throw ValidationFailedException.For("reason", UiText.Get("Privacy.ReasonRequired"));
        }

        var value = PersonalValues.ReadOrThrow(protector, record, id, field);
        await RecordAsync(type, id, record, field, AuditActions.Revealed, reason, null, cancellationToken);
        return new RevealResult(RevealOutcome.Revealed, new RevealedValue(field.Name, value.Value, value.State, field.Sensitive));
    }

    public async Task RecordLookupAsync(string kind, string field, IReadOnlyCollection<(Guid Id, IOrganisationScoped Record)> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (found.Count == 0 || TypeOf(kind) is not { } type)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var (id, record) in found)
        {
            db.PersonalDataAccesses.Add(PersonalDataAccess.Record(actor.Actor, record, kind, id, field, AuditActions.LookedUp, null, null, now));
            audit.Add(new AuditEvent(AuditActions.LookedUp, type.EntityType.Name, id.ToString(), new Dictionary<string, object?> { ["field"] = field },
                record.OrganisationId, record.OrganisationPath));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PersonalDataAccessDto>?> ListAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        if (TypeOf(kind) is not { } type || await FindAsync(type, id, cancellationToken) is null)
        {
            return null;
        }

        // The record is in scope, so all of its log is: entries keep the path the record had when it was accessed.
        return await db.PersonalDataAccesses.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Kind == kind && a.RecordId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(500)
            .Select(a => new PersonalDataAccessDto(a.At, a.ActorKind, a.ActorName, a.Field, a.Action, a.Reason, a.Refusal))
            .ToListAsync(cancellationToken);
    }

    private PersonalRecordType? TypeOf(string kind) => types.FirstOrDefault(t => string.Equals(t.Kind, kind, StringComparison.Ordinal));

    private async Task<IOrganisationScoped?> FindAsync(PersonalRecordType type, Guid id, CancellationToken ct) =>
        await (Task<IOrganisationScoped?>)s_find.MakeGenericMethod(type.EntityType).Invoke(null, [db, id, ct])!;

    private static async Task<IOrganisationScoped?> FindAsync<TEntity>(IPrivacyDb db, Guid id, CancellationToken ct)
        where TEntity : class, IOrganisationScoped =>
        await db.Set<TEntity>().AsNoTracking().FirstOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == id, ct);

    private async Task RecordAsync(
        PersonalRecordType type, Guid id, IOrganisationScoped record, PersonalField field, string action, string? reason, string? refusal, CancellationToken ct)
    {
        db.PersonalDataAccesses.Add(PersonalDataAccess.Record(actor.Actor, record, type.Kind, id, field.Name, action, reason, refusal, clock.GetUtcNow()));
        audit.Add(new AuditEvent(
            action,
            type.EntityType.Name,
            id.ToString(),
            new Dictionary<string, object?> { ["field"] = field.Name, ["sensitive"] = field.Sensitive, ["reason"] = reason, ["refusal"] = refusal },
            record.OrganisationId,
            record.OrganisationPath));
        await db.SaveChangesAsync(ct);
    }
}
