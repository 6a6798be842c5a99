using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Paging;
using Xiaobao.Organisations.Domain;
using Xiaobao.Organisations.Features.Shared;

namespace Xiaobao.Organisations.Features.ListOrganisations;

/// <summary>Filters of the organisation list. All filtering, sorting and paging happen in the database.</summary>
public sealed record OrganisationFilter(string? Search = null, OrganisationLevel? Level = null, bool? Active = null, Guid? ParentId = null);

public static class ListOrganisations
{
    public static readonly IReadOnlyList<string> SortKeys = ["code", "nameZh", "nameEn", "level", "updatedAt"];

    public static async Task<Page<OrganisationDto>> HandleAsync(IOrganisationsDb db, OrganisationFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = Filter(db.Organisations.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var items = await OrganisationDto.Project(Sort(query, page), db.Organisations.AsNoTracking())
            .Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<OrganisationDto>(items, total, page.SafePage, page.SafeSize);
    }

    /// <summary>Every organisation matching the filter, in list order, for exports; streamed, never buffered whole.</summary>
    public static IAsyncEnumerable<OrganisationDto> StreamAsync(IOrganisationsDb db, OrganisationFilter filter, PageRequest page) =>
        OrganisationDto.Project(Sort(Filter(db.Organisations.AsNoTracking(), filter), page), db.Organisations.AsNoTracking()).AsAsyncEnumerable();

    internal static IQueryable<Organisation> Filter(IQueryable<Organisation> query, OrganisationFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(o => o.Code.Contains(term) || o.NameZh.Contains(term) || o.NameEn.Contains(term));
        }

        if (filter.Level is { } level)
        {
            query = query.Where(o => o.Level == level);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(o => o.IsActive == active);
        }

        if (filter.ParentId is { } parentId)
        {
            query = query.Where(o => o.ParentId == parentId);
        }

        return query;
    }

    private static IQueryable<Organisation> Sort(IQueryable<Organisation> query, PageRequest page)
    {
        var ordered = (page.Sort, page.Descending) switch
        {
            ("nameZh", false) => query.OrderBy(o => o.NameZh),
            ("nameZh", true) => query.OrderByDescending(o => o.NameZh),
            ("nameEn", false) => query.OrderBy(o => o.NameEn),
            ("nameEn", true) => query.OrderByDescending(o => o.NameEn),
            ("level", false) => query.OrderBy(o => o.Level),
            ("level", true) => query.OrderByDescending(o => o.Level),
            ("updatedAt", false) => query.OrderBy(o => o.UpdatedAt),
            ("updatedAt", true) => query.OrderByDescending(o => o.UpdatedAt),
            (_, true) => query.OrderByDescending(o => o.Code),
            _ => query.OrderBy(o => o.Code),
        };
        return ordered.ThenBy(o => o.Id);
    }
}
