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
        var window = PageWindow.For(page, total);
        var items = await OrganisationDto.Project(Sort(query, window.SortOf(page)), db.Organisations.AsNoTracking())
            .Skip(window.Skip).Take(window.Take).ToListAsync(ct);
        return new Page<OrganisationDto>(window.InPageOrder(items), total, page.SafePage, page.SafeSize);
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

    // Codes are unique, so that sort needs no tie-breaker; the other keys break ties by id, matching the composite
    // indexes in OrganisationConfiguration, so a page is read from an index rather than sorted.
    private static IQueryable<Organisation> Sort(IQueryable<Organisation> query, PageRequest page) =>
        (page.Sort, page.Descending) switch
        {
            ("nameZh", false) => query.OrderBy(o => o.NameZh).ThenBy(o => o.Id),
            ("nameZh", true) => query.OrderByDescending(o => o.NameZh).ThenByDescending(o => o.Id),
            ("nameEn", false) => query.OrderBy(o => o.NameEn).ThenBy(o => o.Id),
            ("nameEn", true) => query.OrderByDescending(o => o.NameEn).ThenByDescending(o => o.Id),
            ("level", false) => query.OrderBy(o => o.Level).ThenBy(o => o.Id),
            ("level", true) => query.OrderByDescending(o => o.Level).ThenByDescending(o => o.Id),
            ("updatedAt", false) => query.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id),
            ("updatedAt", true) => query.OrderByDescending(o => o.UpdatedAt).ThenByDescending(o => o.Id),
            (_, true) => query.OrderByDescending(o => o.Code),
            _ => query.OrderBy(o => o.Code),
        };
}
