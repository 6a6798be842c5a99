using Microsoft.EntityFrameworkCore;
using Xiaobao.Customers.Domain;
using Xiaobao.Customers.Features.Shared;
using Xiaobao.Kernel.Paging;

namespace Xiaobao.Customers.Features.ListCustomers;

/// <summary>Filters of the customer list: a customer-number prefix. Personal fields cannot be searched, only looked up exactly.</summary>
public sealed record CustomerFilter(string? Number = null, Guid? OrganisationId = null);

public static class ListCustomers
{
    public static async Task<Page<CustomerDto>> HandleAsync(ICustomersDb db, CustomerView view, CustomerFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        var query = Filter(db.Customers.AsNoTracking(), filter);
        var total = await query.CountAsync(ct);
        var rows = await Sort(query, page).Skip(page.Skip).Take(page.SafeSize).ToListAsync(ct);
        return new Page<CustomerDto>(await view.ShowAsync(rows, ct), total, page.SafePage, page.SafeSize);
    }

    public static Task<Customer?> FindAsync(ICustomersDb db, Guid id, CancellationToken ct) =>
        db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Every customer matching the filter, in number order, streamed for exports.</summary>
    public static IAsyncEnumerable<Customer> StreamAsync(ICustomersDb db, CustomerFilter filter) =>
        Filter(db.Customers.AsNoTracking(), filter).OrderBy(c => c.CustomerNumber).AsAsyncEnumerable();

    private static IQueryable<Customer> Filter(IQueryable<Customer> query, CustomerFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            var prefix = filter.Number.Trim();
            query = query.Where(c => c.CustomerNumber.StartsWith(prefix));
        }

        if (filter.OrganisationId is { } organisationId)
        {
            query = query.Where(c => c.OrganisationId == organisationId);
        }

        return query;
    }

    // Numbers are unique; the update order breaks ties by id, matching the (UpdatedAt, Id) index.
    private static IQueryable<Customer> Sort(IQueryable<Customer> query, PageRequest page) =>
        (page.Sort, page.Descending) switch
        {
            ("updatedAt", false) => query.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
            ("updatedAt", true) => query.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            (_, true) => query.OrderByDescending(c => c.CustomerNumber),
            _ => query.OrderBy(c => c.CustomerNumber),
        };
}
