using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Organisations.Features.SetOrganisationActive;

/// <summary>Deactivates or reactivates an organisation. A deactivated organisation keeps its records and history.</summary>
public static class SetOrganisationActive
{
    public static async Task<bool> HandleAsync(IOrganisationsDb db, TimeProvider clock, Guid id, bool active, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return false;
        }

        if (!active && await db.Organisations.AnyAsync(o => o.ParentId == id && o.IsActive, ct))
        {
            throw new DomainException("organisation/active-children", UiText.Get("Error.Org.ActiveChildren"));
        }

        if (active && organisation.ParentId is { } parentId && await db.Organisations.IgnoreQueryFilters().AnyAsync(o => o.Id == parentId && !o.IsActive, ct))
        {
            throw new DomainException("organisation/inactive-parent", UiText.Get("Error.Org.InactiveParent"));
        }

        if (active)
        {
            organisation.Activate(clock.GetUtcNow());
        }
        else
        {
            organisation.Deactivate(clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
