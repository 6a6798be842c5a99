using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations.Features.ImportOrganisations;

/// <summary>
/// One change to apply. A plan lists them parents first, so when an operation runs its parent already exists
/// and already sits where the file puts it.
/// </summary>
internal abstract record OrganisationImportOperation(
    int RowNumber,
    string Code,
    string NameZh,
    string NameEn,
    OrganisationLevel Level,
    string? ParentCode,
    bool IsActive)
{
    /// <summary>A code the system does not know yet.</summary>
    internal sealed record Create(
        int RowNumber, string Code, string NameZh, string NameEn, OrganisationLevel Level, string? ParentCode, bool IsActive)
        : OrganisationImportOperation(RowNumber, Code, NameZh, NameEn, Level, ParentCode, IsActive);

    /// <summary>A code that matches <paramref name="ExistingId"/>; the file's values replace the stored ones.</summary>
    internal sealed record Update(
        Guid ExistingId, int RowNumber, string Code, string NameZh, string NameEn, OrganisationLevel Level, string? ParentCode, bool IsActive)
        : OrganisationImportOperation(RowNumber, Code, NameZh, NameEn, Level, ParentCode, IsActive);
}
