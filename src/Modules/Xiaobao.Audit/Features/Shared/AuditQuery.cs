using Microsoft.EntityFrameworkCore;
using Xiaobao.Audit.Domain;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Audit.Features.Shared;

/// <summary>Turns a filter into a query over the caller's slice of the trail (the scope filter applies as to every scoped read).</summary>
internal static class AuditQuery
{
    public static async Task<IQueryable<AuditEntry>> FilterAsync(IAuditDb db, IOrganisationDirectory directory, AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = Guid.TryParse(actor, out var actorId) ? query.Where(e => e.ActorId == actorId) : query.Where(e => e.ActorName == actor);
        }

        if (filter.OrganisationId is { } organisationId)
        {
            if (filter.IncludeDescendants)
            {
                // The directory answers within the caller's scope: a branch outside it has no subtree, so nothing matches.
                var subtree = (await directory.ListAsync(organisationId, ct)).Select(o => (Guid?)o.Id).ToList();
                query = query.Where(e => subtree.Contains(e.OrganisationId));
            }
            else
            {
                query = query.Where(e => e.OrganisationId == organisationId);
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var entityType = filter.EntityType.Trim();
            query = query.Where(e => e.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var entityId = filter.EntityId.Trim();
            query = query.Where(e => e.EntityId == entityId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(e => e.Action == action);
        }

        return query;
    }
}
