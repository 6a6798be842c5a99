using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xiaobao.Audit.Domain;
using Xiaobao.Kernel.Auditing;

namespace Xiaobao.Audit.Features.Capture;

/// <summary>
/// Turns every change a SaveChanges is about to write, and every queued explicit event, into audit entries written by
/// that same SaveChanges, so a change and its entry commit or roll back together.
/// </summary>
/// <remarks>
/// The context opens a transaction around every SaveChanges that does not already run in one, so the head is always
/// read inside the transaction that appends to it. PostgreSQL: a transaction-scoped advisory lock serialises appenders
/// before the head is read. SQLite: the transaction begins IMMEDIATE, so it already holds the database's write lock.
/// The sequence is the primary key, so even a broken lock could not fork the chain, only fail a save.
/// </remarks>
internal sealed class AuditInterceptor(AuditQueue queue, ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Any constant; it names the chain's lock among the database's advisory locks.</summary>
    public const long ChainLockKey = 0x58_42_41_55_44_49_54; // "XBAUDIT"

    private const string PostgresProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && Collect(context) is { Count: > 0 } drafts)
        {
            LockChain(context);
            var head = ReadHead(context).FirstOrDefault();
            Append(context, drafts, head);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && Collect(context) is { Count: > 0 } drafts)
        {
            if (context.Database.ProviderName == PostgresProviderName)
            {
                await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
            }

            var head = await ReadHead(context).FirstOrDefaultAsync(cancellationToken);
            Append(context, drafts, head);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private List<AuditDraft> Collect(DbContext context)
    {
        if (context.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audited changes must be saved inside a transaction; the DbContext opens one for each SaveChanges.");
        }

        context.ChangeTracker.DetectChanges();
        var current = actor.Actor;
        var drafts = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry)
            .Where(e => !e.Metadata.ClrType.IsDefined(typeof(NotAuditedAttribute), inherit: false))
            .Select(e => ChangeDescriber.Describe(e, current))
            .OfType<AuditDraft>()
            .ToList();
        drafts.AddRange(queue.Peek().Select(e => ChangeDescriber.Describe(e, current)));
        queue.Clear();
        return drafts;
    }

    private static void LockChain(DbContext context)
    {
        if (context.Database.ProviderName == PostgresProviderName)
        {
            context.Database.ExecuteSqlRaw($"SELECT pg_advisory_xact_lock({ChainLockKey})");
        }
    }

    private static IQueryable<ChainHead> ReadHead(DbContext context) =>
        context.Set<AuditEntry>().IgnoreQueryFilters().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new ChainHead(e.Sequence, e.Hash))
            .Take(1);

    private void Append(DbContext context, List<AuditDraft> drafts, ChainHead? head)
    {
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditHash.Genesis;
        var now = clock.GetUtcNow();
        foreach (var draft in drafts)
        {
            var entry = AuditEntry.Link(draft, ++sequence, now, previous);
            context.Add(entry);
            previous = entry.Hash;
        }
    }

    // A failed save leaves its entries tracked as Added; the next save must not write them with a stale link.
    private static void Forget(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private sealed record ChainHead(long Sequence, string Hash);
}
