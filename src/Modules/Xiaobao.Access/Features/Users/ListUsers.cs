using Microsoft.EntityFrameworkCore;
using Xiaobao.Access.Domain;
using Xiaobao.Kernel.Paging;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Access.Features.Users;

/// <summary>The scoped, filtered, sorted and paged user list; also finds one user by id.</summary>
public static class ListUsers
{
    public static async Task<Page<UserDto>> HandleAsync(
        IAccessDb db, IOrganisationDirectory directory, TimeProvider clock, UserFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = Filter(db, filter);
        var total = await query.CountAsync(ct);
        var window = PageWindow.For(page, total);
        var sort = window.SortOf(page);
        var sorted = string.IsNullOrWhiteSpace(filter.Search) ? Sort(query, sort) : SortMatches(query, sort);
        var users = window.InPageOrder(await sorted.Skip(window.Skip).Take(window.Take).ToListAsync(ct));
        return new Page<UserDto>(await ToDtosAsync(db, directory, clock, users, ct), total, page.SafePage, page.SafeSize);
    }

    public static async Task<UserDto?> FindAsync(IAccessDb db, IOrganisationDirectory directory, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : (await ToDtosAsync(db, directory, clock, [user], ct))[0];
    }

    private static IQueryable<XiaobaoUser> Filter(IAccessDb db, UserFilter filter)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            var normalized = term.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(normalized) || u.DisplayName.Contains(term));
        }

        if (filter.OrganisationId is { } organisationId)
        {
            query = query.Where(u => u.OrganisationId == organisationId);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(u => u.IsActive == active);
        }

        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            var roleIds = db.Roles.Where(r => r.Name == filter.Role).Select(r => r.Id);
            var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
            query = query.Where(u => userIds.Contains(u.Id));
        }

        return query;
    }

    // User names are unique (through their normalised form), so that sort needs no tie-breaker and walks its index;
    // the other keys break ties by id, matching the composite indexes in AccessModel.
    private static IQueryable<XiaobaoUser> Sort(IQueryable<XiaobaoUser> query, PageRequest page) =>
        (page.Sort, page.Descending) switch
        {
            ("displayName", false) => query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id),
            ("displayName", true) => query.OrderByDescending(u => u.DisplayName).ThenByDescending(u => u.Id),
            ("lastSignInAt", false) => query.OrderBy(u => u.LastSignInAt).ThenBy(u => u.Id),
            ("lastSignInAt", true) => query.OrderByDescending(u => u.LastSignInAt).ThenByDescending(u => u.Id),
            (_, true) => query.OrderByDescending(u => u.NormalizedUserName),
            _ => query.OrderBy(u => u.NormalizedUserName),
        };

    // With a search term the matches are found by scanning every row anyway (a substring cannot use a btree), so they
    // are sorted after filtering. Walking the sort index instead and testing each row is fast only while matches are
    // spread evenly; a surname search sorted by name finds its matches bunched near one end of the index and reads
    // nearly all of it first. `|| ''` keeps both databases from choosing that plan.
    private static IQueryable<XiaobaoUser> SortMatches(IQueryable<XiaobaoUser> query, PageRequest page) =>
        (page.Sort, page.Descending) switch
        {
            ("displayName", false) => query.OrderBy(u => u.DisplayName + "").ThenBy(u => u.Id),
            ("displayName", true) => query.OrderByDescending(u => u.DisplayName + "").ThenByDescending(u => u.Id),
            ("lastSignInAt", _) => Sort(query, page),
            (_, true) => query.OrderByDescending(u => u.NormalizedUserName + ""),
            _ => query.OrderBy(u => u.NormalizedUserName + ""),
        };

    private static async Task<IReadOnlyList<UserDto>> ToDtosAsync(
        IAccessDb db, IOrganisationDirectory directory, TimeProvider clock, IReadOnlyList<XiaobaoUser> users, CancellationToken ct)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var organisations = await directory.FindManyAsync(users.Select(u => u.OrganisationId).Distinct().ToList(), ct);
        var now = clock.GetUtcNow();
        return users.Select(u =>
        {
            organisations.TryGetValue(u.OrganisationId, out var organisation);
            return new UserDto(
                u.Id,
                u.UserName ?? string.Empty,
                u.DisplayName,
                u.OrganisationId,
                organisation?.Code,
                organisation?.NameZh,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
                u.IsActive,
                u.LockoutEnd > now,
                u.LastSignInAt);
        }).ToList();
    }
}
