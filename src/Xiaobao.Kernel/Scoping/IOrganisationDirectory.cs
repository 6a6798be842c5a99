namespace Xiaobao.Kernel.Scoping;

/// <summary>What other modules may know of an organisation.</summary>
public sealed record OrganisationRef(Guid Id, string Code, string NameZh, string NameEn, int Level, string Path, bool IsActive);

/// <summary>
/// Looks organisations up for other modules without them reaching into the organisation module's tables.
/// Lookups honour the caller's scope: an organisation outside it is not found.
/// </summary>
public interface IOrganisationDirectory
{
    Task<OrganisationRef?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    Task<OrganisationRef?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, OrganisationRef>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Every organisation in the caller's scope, parents before children (ordered by path); with <paramref name="within"/>
    /// only that organisation and its descendants, and none when it is outside the scope.
    /// </summary>
    Task<IReadOnlyList<OrganisationRef>> ListAsync(Guid? within, CancellationToken cancellationToken);
}
