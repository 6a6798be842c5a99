using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Persistence;

/// <summary>Services the persistence layer implements for the modules.</summary>
public static class PersistenceServices
{
    public static IOrganisationPathRewriter CreatePathRewriter(XiaobaoDbContext db, IAuditLog audit) => new OrganisationPathRewriter(db, audit);
}
