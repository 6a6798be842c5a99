using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Audit.Features.Shared;

/// <summary>What an auditor narrows the trail to. Every part is optional; the caller's scope applies on top.</summary>
/// <param name="From">Inclusive lower bound of the entry's time.</param>
/// <param name="To">Exclusive upper bound of the entry's time.</param>
/// <param name="Actor">An actor id, or an actor name matched exactly.</param>
/// <param name="OrganisationId">The organisation the entry is about.</param>
/// <param name="IncludeDescendants">With <paramref name="OrganisationId"/>: that organisation and every one below it.</param>
public sealed record AuditFilter(
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? Actor = null, Guid? OrganisationId = null, bool IncludeDescendants = false,
    string? EntityType = null, string? EntityId = null, string? Action = null)
{
    /// <summary>Throws a field error for a time range that ends before it starts.</summary>
    public AuditFilter Validated()
    {
        if (From is { } from && To is { } to && to <= from)
        {
            throw ValidationFailedException.For("to", UiText.Get("Error.Audit.RangeOrder"));
        }

        return this;
    }

    /// <summary>The filter as an export's own audit entry records it: only the parts that were set.</summary>
    public Dictionary<string, object?> Describe()
    {
        var parts = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["from"] = From,
            ["to"] = To,
            ["actor"] = Blank(Actor),
            ["organisationId"] = OrganisationId,
            ["includeDescendants"] = OrganisationId is null ? null : IncludeDescendants,
            ["entityType"] = Blank(EntityType),
            ["entityId"] = Blank(EntityId),
            ["action"] = Blank(Action),
        };
        return parts.Where(p => p.Value is not null).ToDictionary(StringComparer.Ordinal);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The filter as query-string parameters, shared by the list and the export endpoints.</summary>
public sealed record AuditFilterQuery(
    DateTimeOffset? From, DateTimeOffset? To, string? Actor, Guid? OrganisationId, bool? IncludeDescendants, string? EntityType, string? EntityId, string? Action)
{
    public AuditFilter ToFilter() => new AuditFilter(From, To, Actor, OrganisationId, IncludeDescendants ?? false, EntityType, EntityId, Action).Validated();
}
