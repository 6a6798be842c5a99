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

    public async Task<IReadOnlyList<OrganisationRef>> ListAsync(Guid? within, CancellationToken cancellationToken)
    {
        var query = db.Organisations.AsNoTracking();
        if (within is { } id)
        {
            var path = await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(cancellationToken);
            if (path is null)
            {
                return [];
            }

            query = query.Where(o => o.Path.StartsWith(path));
        }

        return await Project(query.OrderBy(o => o.Path)).ToListAsync(cancellationToken);
    }

    private static IQueryable<OrganisationRef> Project(IQueryable<Organisation> query) =>
        query.Select(o => new OrganisationRef(o.Id, o.Code, o.NameZh, o.NameEn, (int)o.Level, o.Path, o.IsActive));
}
