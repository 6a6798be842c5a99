using Microsoft.EntityFrameworkCore;
using Xiaobao.Organisations.Features.Shared;

namespace Xiaobao.Organisations.Features.GetOrganisation;

public static class GetOrganisation
{
    /// <summary>The organisation, or null when it does not exist or lies outside the caller's scope (the two look the same).</summary>
    public static Task<OrganisationDto?> HandleAsync(IOrganisationsDb db, Guid id, CancellationToken ct) =>
        OrganisationDto.Project(db.Organisations.AsNoTracking().Where(o => o.Id == id), db.Organisations.AsNoTracking())
            .FirstOrDefaultAsync(ct);
}
