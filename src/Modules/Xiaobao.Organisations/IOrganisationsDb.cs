using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations;

/// <summary>The slice of the database the organisation module sees. Reads are organisation-scoped by the context.</summary>
public interface IOrganisationsDb
{
    DbSet<Organisation> Organisations { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
