using Microsoft.EntityFrameworkCore;

namespace Xiaobao.Audit.Features.ListEntries;

/// <summary>The entity types and actions that occur in the caller's slice of the trail, for the page's filter selects.</summary>
public sealed record AuditChoices(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actions)
{
    public static async Task<AuditChoices> HandleAsync(IAuditDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);

        // One pass over the (scoped) table for both lists: there are a few dozen pairs however long the trail is.
        var pairs = await db.AuditEntries.AsNoTracking().Select(e => new { e.EntityType, e.Action }).Distinct().ToListAsync(ct);
        return new AuditChoices(
            pairs.Select(p => p.EntityType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            pairs.Select(p => p.Action).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }
}
