namespace Xiaobao.Organisations.Features.ImportOrganisations;

/// <summary>Either errors or operations, never both: an import applies completely or not at all.</summary>
internal sealed class OrganisationImportPlan
{
    private OrganisationImportPlan(IReadOnlyList<OrganisationImportError> errors, IReadOnlyList<OrganisationImportOperation> operations)
    {
        Errors = errors;
        Operations = operations;
    }

    public IReadOnlyList<OrganisationImportError> Errors { get; }

    /// <summary>Parents before children; empty when there are errors.</summary>
    public IReadOnlyList<OrganisationImportOperation> Operations { get; }

    public bool Succeeded => Errors.Count == 0;

    public static OrganisationImportPlan Failed(IReadOnlyList<OrganisationImportError> errors) => new(errors, []);

    public static OrganisationImportPlan Ready(IReadOnlyList<OrganisationImportOperation> operations) => new([], operations);
}
