using Microsoft.EntityFrameworkCore;
using Xiaobao.Customers.Domain;

namespace Xiaobao.Customers;

/// <summary>The customer module's table. Reads are organisation-scoped by the context.</summary>
public interface ICustomersDb
{
    DbSet<Customer> Customers { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
