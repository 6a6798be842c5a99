using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Organisations.Domain;
using Xiaobao.Organisations.Features.Shared;

namespace Xiaobao.Organisations.Features.SaveOrganisation;

/// <summary>Creates an organisation. The parent is named by code and must lie inside the caller's scope.</summary>
public sealed record CreateOrganisationRequest(
    [property: Required, StringLength(Organisation.CodeMaxLength)] string Code,
    [property: Required, StringLength(Organisation.NameMaxLength)] string NameZh,
    [property: StringLength(Organisation.NameMaxLength)] string? NameEn,
    [property: Required] OrganisationLevel? Level,
    [property: StringLength(Organisation.CodeMaxLength)] string? ParentCode);

/// <summary>Changes an organisation's code and names; moving and deactivating are separate use cases.</summary>
public sealed record UpdateOrganisationRequest(
    [property: Required, StringLength(Organisation.CodeMaxLength)] string Code,
    [property: Required, StringLength(Organisation.NameMaxLength)] string NameZh,
    [property: StringLength(Organisation.NameMaxLength)] string? NameEn);

public static class SaveOrganisation
{
    public static async Task<Guid> CreateAsync(IOrganisationsDb db, TimeProvider clock, CreateOrganisationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        CheckCode(request.Code, errors);
        Organisation? parent = null;
        if (!string.IsNullOrWhiteSpace(request.ParentCode))
        {
            parent = await db.Organisations.FirstOrDefaultAsync(o => o.Code == request.ParentCode, ct);
            if (parent is null)
            {
                errors.Add("parentCode", UiText.Get("Error.OrganisationNotInScope"));
            }
        }

        if (errors.IsEmpty && await CodeTakenAsync(db, request.Code, null, ct))
        {
            errors.Add("code", UiText.Get("Error.Org.CodeTaken"));
        }

        if (!errors.IsEmpty)
        {
            throw new ValidationFailedException(errors);
        }

        if (request.Level == OrganisationLevel.HeadOffice && await db.Organisations.IgnoreQueryFilters().AnyAsync(o => o.Level == OrganisationLevel.HeadOffice, ct))
        {
            throw new DomainException("organisation/head-office-exists", UiText.Get("Error.Org.HeadOfficeExists"), isConflict: true);
        }

        var organisation = Organisation.Create(
            Guid.CreateVersion7(), request.Code.Trim(), request.NameZh.Trim(), request.NameEn?.Trim() ?? string.Empty, request.Level!.Value, parent, clock.GetUtcNow());
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return organisation.Id;
    }

    /// <summary>Returns false when the organisation does not exist in the caller's scope.</summary>
    public static async Task<bool> UpdateAsync(IOrganisationsDb db, TimeProvider clock, Guid id, UpdateOrganisationRequest request, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null)
        {
            return false;
        }

        var errors = new FieldErrors();
        CheckCode(request.Code, errors);
        if (errors.IsEmpty && await CodeTakenAsync(db, request.Code, id, ct))
        {
            errors.Add("code", UiText.Get("Error.Org.CodeTaken"));
        }

        if (!errors.IsEmpty)
        {
            throw new ValidationFailedException(errors);
        }

        organisation.Rename(request.Code.Trim(), request.NameZh.Trim(), request.NameEn?.Trim() ?? string.Empty, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void CheckCode(string code, FieldErrors errors)
    {
        if (!OrganisationCodeRules.IsValidCode(code))
        {
            errors.Add("code", UiText.Format("Error.Org.CodeFormat", Organisation.CodeMaxLength));
        }
    }

    // Codes are unique across the insurer, so the check looks past the caller's scope; it reveals only that the code is taken.
    private static Task<bool> CodeTakenAsync(IOrganisationsDb db, string code, Guid? except, CancellationToken ct) =>
        db.Organisations.IgnoreQueryFilters().AnyAsync(o => o.Code == code.Trim() && o.Id != except, ct);
}
