namespace Xiaobao.Organisations.Features.ImportOrganisations;

/// <summary>A problem with one cell of the file, reported against the row the user sees and the canonical column name.</summary>
public sealed record OrganisationImportError(int RowNumber, string Field, string Message);
