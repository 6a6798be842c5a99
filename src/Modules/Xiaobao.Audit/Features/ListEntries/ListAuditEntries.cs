using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Audit.Domain;
using Xiaobao.Kernel.Paging;

namespace Xiaobao.Audit.Features.ListEntries;

public sealed record AuditEntryDto(
    long Sequence, DateTimeOffset At, string ActorKind, Guid? ActorId, string ActorName, Guid? OrganisationId,
    string EntityType, string? EntityId, string Action, JsonElement Changes, string PreviousHash, string Hash);

/// <param name="Actor">An actor id, or an actor name matched exactly.</param>
public sealed record AuditFilter(
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? Actor = null, Guid? OrganisationId = null,
    string? EntityType = null, string? EntityId = null, string? Action = null);

/// <summary>The caller's slice of the trail, newest first. The scope filter decides which entries the caller sees.</summary>
public static class ListAuditEntries
{
    public static async Task<Page<AuditEntryDto>> HandleAsync(IAuditDb db, AuditFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
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
            query = query.Where(e => e.OrganisationId == organisationId);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            query = query.Where(e => e.EntityId == filter.EntityId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Sequence).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<AuditEntryDto>(rows.Select(ToDto).ToList(), total, page.SafePage, page.SafeSize);
    }

    private static AuditEntryDto ToDto(AuditEntry e)
    {
        using var changes = JsonDocument.Parse(e.Changes);
        return new AuditEntryDto(e.Sequence, e.At, e.ActorKind, e.ActorId, e.ActorName, e.OrganisationId, e.EntityType, e.EntityId, e.Action,
            changes.RootElement.Clone(), e.PreviousHash, e.Hash);
    }
}
