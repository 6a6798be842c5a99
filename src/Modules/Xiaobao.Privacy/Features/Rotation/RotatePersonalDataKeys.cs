using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Privacy.Domain;

namespace Xiaobao.Privacy.Features.Rotation;

/// <summary>What one batch did.</summary>
public sealed record RotationBatchResult(int Read, int Rewritten, int Unreadable, bool Completed, KeyRotationProgress Progress);

/// <summary>How far the rotation towards the active key has come, and how many values each field still has under other keys.</summary>
public sealed record KeyRotationProgress(
    string ActiveKeyId, string? TargetKeyId, string? CurrentEntity, long Rewritten, long Unreadable,
    DateTimeOffset? StartedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? CompletedAt, IReadOnlyList<FieldKeyCount>? Remaining);

public sealed record FieldKeyCount(string Field, int NotUnderActiveKey);

/// <summary>
/// Re-encrypts, batch by batch, every declared encrypted value of every entity that is not under the active key. Each
/// batch runs in its own transaction together with the saved position, so the job can be stopped at any point and run
/// again: it resumes after the last committed batch, and a value already under the active key is left alone. The app
/// keeps working meanwhile: old keys stay in the ring and still decrypt, new writes use the active key, and a row
/// changed by a user between the read and the write is skipped (its new value is already under the active key).
/// </summary>
public sealed class RotatePersonalDataKeys(IPrivacyDb db, IPersonalDataProtector protector, IAuditLog audit, TimeProvider clock)
{
    public const int DefaultBatchSize = 500;

    private static readonly MethodInfo s_rotate = typeof(RotatePersonalDataKeys).GetMethod(nameof(RotateAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly MethodInfo s_count = typeof(RotatePersonalDataKeys).GetMethod(nameof(CountNotUnderKeyAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>Runs one batch of at most <paramref name="batchSize"/> records of the current entity.</summary>
    public async Task<RotationBatchResult> RunBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var entities = Entities();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await db.KeyRotations.FirstOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            state = KeyRotationState.Begin(protector.ActiveKeyId, entities.FirstOrDefault()?.ClrType.Name, now);
            db.KeyRotations.Add(state);
        }
        else if (state.TargetKeyId != protector.ActiveKeyId)
        {
            state.Restart(protector.ActiveKeyId, entities.FirstOrDefault()?.ClrType.Name, now);
        }

        var (read, rewritten, unreadable) = (0, 0, 0);
        if (state.CompletedAt is null)
        {
            var entity = entities.FirstOrDefault(e => e.ClrType.Name == state.Entity);
            if (entity is null)
            {
                // The entity left the model since the rotation began: start its walk over from the first entity.
                state.NextEntity(entities.FirstOrDefault()?.ClrType.Name, now);
            }
            else
            {
                Guid? last;
                (read, rewritten, unreadable, last) = await (Task<(int, int, int, Guid?)>)s_rotate.MakeGenericMethod(entity.ClrType)
                    .Invoke(this, [KeyName(entity), state.Cursor, batchSize, cancellationToken])!;
                state.Advance(last, rewritten, unreadable, now);
                if (read < batchSize)
                {
                    var next = entities.SkipWhile(e => e != entity).Skip(1).FirstOrDefault();
                    state.NextEntity(next?.ClrType.Name, now);
                }

                if (rewritten > 0)
                {
                    audit.Add(new AuditEvent(AuditActions.BulkUpdated, entity.ClrType.Name, null, new Dictionary<string, object?>
                    {
                        ["operation"] = "personal-data-key-rotation",
                        ["toKey"] = protector.ActiveKeyId,
                        ["rows"] = rewritten,
                    }));
                }
            }

            if (state.CompletedAt is not null)
            {
                await FinishAsync(state, entities, now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RotationBatchResult(read, rewritten, unreadable, state.CompletedAt is not null, Progress(state, null));
    }

    /// <summary>The saved position and, per field, how many values are still under another key (a count over each table).</summary>
    public async Task<KeyRotationProgress> GetProgressAsync(CancellationToken cancellationToken)
    {
        var state = await db.KeyRotations.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var remaining = new List<FieldKeyCount>();
        foreach (var entity in Entities())
        {
            foreach (var field in PersonalFields.Encrypted(entity.ClrType))
            {
                remaining.Add(new FieldKeyCount(field.Id, await CountNotUnderAsync(entity.ClrType, field.Property.Name, cancellationToken)));
            }
        }

        return Progress(state, remaining);
    }

    private KeyRotationProgress Progress(KeyRotationState? state, IReadOnlyList<FieldKeyCount>? remaining) =>
        new(protector.ActiveKeyId, state?.TargetKeyId, state?.Entity, state?.Rewritten ?? 0, state?.Unreadable ?? 0,
            state?.StartedAt, state?.UpdatedAt, state?.CompletedAt, remaining);

    /// <summary>Every entity with encrypted fields, in a fixed order, each keyed by one Guid.</summary>
    private List<IEntityType> Entities() =>
        [.. db.Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && PersonalFields.Encrypted(e.ClrType).Any())
            .OrderBy(e => e.ClrType.Name, StringComparer.Ordinal)];

    private static string KeyName(IEntityType entity) =>
        entity.FindPrimaryKey()?.Properties is [{ ClrType: var type } key] && type == typeof(Guid)
            ? key.Name
            : throw new InvalidOperationException($"{entity.ClrType.Name} has encrypted personal fields, so its key must be a single Guid.");

    private async Task<(int Read, int Rewritten, int Unreadable, Guid? Last)> RotateAsync<TEntity>(string keyName, Guid? cursor, int batchSize, CancellationToken ct)
        where TEntity : class
    {
        var fields = PersonalFields.Encrypted(typeof(TEntity)).ToList();
        var query = db.Set<TEntity>().IgnoreQueryFilters().AsNoTracking();
        if (cursor is { } after)
        {
            query = query.Where(e => EF.Property<Guid>(e, keyName).CompareTo(after) > 0);
        }

        var rows = await query.OrderBy(e => EF.Property<Guid>(e, keyName)).Take(batchSize).ToListAsync(ct);
        var key = typeof(TEntity).GetProperty(keyName)!;
        var (rewritten, unreadable) = (0, 0);
        foreach (var row in rows)
        {
            var id = (Guid)key.GetValue(row)!;
            var changes = new List<(string Property, string Before, string After)>();
            foreach (var field in fields)
            {
                if (field.Property.GetValue(row) is not string stored || stored == PersonalValues.ErasedMarker || protector.KeyIdOf(stored) == protector.ActiveKeyId)
                {
                    continue;
                }

                try
                {
                    changes.Add((field.Property.Name, stored, protector.Protect(field, id, protector.Unprotect(field, id, stored))));
                }
                catch (PersonalDataUnreadableException)
                {
                    // Logged by the protector; left untouched so the evidence stays, and counted so the old key is not retired.
                    unreadable++;
                }
            }

            if (changes.Count > 0)
            {
                rewritten += await UpdateIfUnchangedAsync<TEntity>(keyName, id, changes, ct);
            }
        }

        return (rows.Count, rewritten, unreadable, rows.Count > 0 ? (Guid)key.GetValue(rows[^1])! : cursor);
    }

    // The old ciphertexts are part of the condition: a value a user changed since the read is already under the active key.
    private Task<int> UpdateIfUnchangedAsync<TEntity>(string keyName, Guid id, List<(string Property, string Before, string After)> changes, CancellationToken ct)
        where TEntity : class
    {
        var target = db.Set<TEntity>().IgnoreQueryFilters().Where(e => EF.Property<Guid>(e, keyName) == id);
        foreach (var (property, before, _) in changes)
        {
            target = target.Where(e => EF.Property<string>(e, property) == before);
        }

        return target.ExecuteUpdateAsync(
            setters =>
            {
                foreach (var (property, _, after) in changes)
                {
                    setters.SetProperty(e => EF.Property<string>(e, property), after);
                }
            },
            ct);
    }

    private Task<int> CountNotUnderKeyAsync<TEntity>(string property, CancellationToken ct)
        where TEntity : class
    {
        var prefix = $"v1:{protector.ActiveKeyId}:";
        return db.Set<TEntity>().IgnoreQueryFilters()
            .CountAsync(e => EF.Property<string?>(e, property) != null && EF.Property<string?>(e, property) != PersonalValues.ErasedMarker && !EF.Property<string>(e, property).StartsWith(prefix), ct);
    }

    // The walk is done; a count confirms it. An instance still running with the old active key (a rolling deploy) may
    // have written behind the cursor: then walk again. Only unreadable values left: done, but old keys stay in use.
    private async Task FinishAsync(KeyRotationState state, List<IEntityType> entities, DateTimeOffset now, CancellationToken ct)
    {
        var remaining = 0L;
        foreach (var entity in entities)
        {
            foreach (var field in PersonalFields.Encrypted(entity.ClrType))
            {
                remaining += await CountNotUnderAsync(entity.ClrType, field.Property.Name, ct);
            }
        }

        if (remaining == 0)
        {
            await RetireOldKeysAsync(now, ct);
        }
        else if (remaining > state.Unreadable)
        {
            state.Restart(state.TargetKeyId, entities.FirstOrDefault()?.ClrType.Name, now);
        }
    }

    private Task<int> CountNotUnderAsync(Type entity, string property, CancellationToken ct) =>
        (Task<int>)s_count.MakeGenericMethod(entity).Invoke(this, [property, ct])!;

    private async Task RetireOldKeysAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var key in await db.PersonalDataKeys.Where(k => k.KeyId != protector.ActiveKeyId && k.RetiredAt == null).ToListAsync(ct))
        {
            key.Retire(now);
        }
    }
}
