namespace Xiaobao.Kernel.Scoping;

/// <summary>
/// Rewrites the organisation path on every scoped record after an organisation moved, in every module's tables,
/// inside the caller's transaction. Implemented once by the persistence layer from the model.
/// </summary>
public interface IOrganisationPathRewriter
{
    Task RewriteAsync(string oldPrefix, string newPrefix, CancellationToken cancellationToken);
}
