using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xiaobao.Audit.Domain;
using Xiaobao.Audit.Features.Capture;
using Xiaobao.Kernel.Auditing;

namespace Xiaobao.Benchmarks;

/// <summary>
/// The audit trail without its chain, for comparison only: the same changes described and hashed into the same rows,
/// but numbered from an in-memory counter, so there is no chain lock and no head read. The gap between this and the real
/// interceptor is what chaining costs; the gap to no interceptor at all is what writing an audit row costs.
/// </summary>
internal sealed class UnchainedAuditInterceptor : SaveChangesInterceptor
{
    // Below every real sequence (they start at 1), so these rows never collide with the chained ones or become their head.
    private static long s_sequence;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var context = eventData.Context!;
        context.ChangeTracker.DetectChanges();
        var drafts = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry)
            .Select(e => ChangeDescriber.Describe(e, ActorSnapshot.System))
            .OfType<AuditDraft>()
            .ToList();
        foreach (var draft in drafts)
        {
            context.Add(AuditEntry.Link(draft, Interlocked.Decrement(ref s_sequence), DateTimeOffset.UtcNow, AuditHash.Genesis));
        }

        return ValueTask.FromResult(result);
    }
}
