using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations.Features.Shared;

internal sealed class OrganisationDirectory(IOrganisationsDb db) : IOrganisationDirectory
{
    public Task<OrganisationRef?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        Project(db.Organisations.AsNoTracking().Where(o => o.Code == code)).FirstOrDefaultAsync(cancellationToken);

    public Task<OrganisationRef?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        Project(db.Organisations.AsNoTracking().Where(o => o.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, OrganisationRef>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await Project(db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))).ToDictionaryAsync(o => o.Id, cancellationToken);

    private static IQueryable<OrganisationRef> Project(IQueryable<Organisation> query) =>
        query.Select(o => new OrganisationRef(o.Id, o.Code, o.NameZh, o.NameEn, (int)o.Level, o.Path, o.IsActive));
}
