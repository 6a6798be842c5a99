using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations.Features.MoveOrganisation;

public sealed record MoveOrganisationRequest([property: Required, StringLength(Organisation.CodeMaxLength)] string ParentCode);

/// <summary>
/// Places an organisation under another parent. Its level becomes one below the new parent, its descendants shift
/// with it, and every scoped record below it gets the new path in the same transaction.
/// </summary>
public static class MoveOrganisation
{
    public static async Task<bool> HandleAsync(
        IOrganisationsDb db, IOrganisationPathRewriter rewriter, TimeProvider clock, Guid id, MoveOrganisationRequest request, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return false;
        }

        var parent = await db.Organisations.FirstOrDefaultAsync(o => o.Code == request.ParentCode, ct)
            ?? throw ValidationFailedException.For("parentCode", UiText.Get("Error.OrganisationNotInScope"));
        if (parent.Id == organisation.ParentId)
        {
            return true;
        }

        var newLevel = (OrganisationLevel)((int)parent.Level + 1);
        var shift = (int)newLevel - (int)organisation.Level;
        var descendants = await db.Organisations.Where(o => o.Path.StartsWith(organisation.Path) && o.Id != organisation.Id).ToListAsync(ct);
        if (newLevel > OrganisationLevel.SubBranch || descendants.Any(d => (int)d.Level + shift > (int)OrganisationLevel.SubBranch))
        {
            throw new DomainException("organisation/level", UiText.Get("Error.Org.MoveTooDeep"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var oldPath = organisation.MoveTo(parent, newLevel, now);
        if (shift != 0)
        {
            foreach (var descendant in descendants)
            {
                descendant.Shift(shift, now);
            }
        }

        await db.SaveChangesAsync(ct);
        await rewriter.RewriteAsync(oldPath, organisation.Path, ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
