namespace Xiaobao.Organisations.Features.ImportOrganisations;

/// <summary>
/// One data row of an import file, as text. Values are trimmed and blank cells are null; interpreting them is
/// the planner's job so that every problem can be reported against its row and column.
/// </summary>
/// <param name="RowNumber">The row as the user sees it in the file: the header is row 1, so the first data row is 2.</param>
internal sealed record OrganisationImportRow(
    int RowNumber,
    string? Code,
    string? NameZh,
    string? NameEn,
    string? Level,
    string? ParentCode,
    string? Active);
