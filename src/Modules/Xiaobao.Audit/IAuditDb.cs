using Microsoft.EntityFrameworkCore;
using Xiaobao.Audit.Domain;

namespace Xiaobao.Audit;

/// <summary>The audit module's table. Reads are scoped like every other organisation-scoped record.</summary>
public interface IAuditDb
{
    DbSet<AuditEntry> AuditEntries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
