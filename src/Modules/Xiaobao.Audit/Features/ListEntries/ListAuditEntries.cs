using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Audit.Domain;
using Xiaobao.Audit.Features.Shared;
using Xiaobao.Kernel.Paging;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Audit.Features.ListEntries;

public sealed record AuditEntryDto(
    long Sequence, DateTimeOffset At, string ActorKind, Guid? ActorId, string ActorName, Guid? OrganisationId,
    string EntityType, string? EntityId, string Action, JsonElement Changes, string PreviousHash, string Hash);

/// <summary>The caller's slice of the trail, newest first. The scope filter decides which entries the caller sees.</summary>
public static class ListAuditEntries
{
    public static async Task<Page<AuditEntryDto>> HandleAsync(IAuditDb db, IOrganisationDirectory directory, AuditFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var query = await AuditQuery.FilterAsync(db, directory, filter, ct);
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
