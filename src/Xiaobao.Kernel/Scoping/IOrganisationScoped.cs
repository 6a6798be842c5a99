namespace Xiaobao.Kernel.Scoping;

/// <summary>
/// A record that belongs to one organisation. Every read of such a record is filtered by the caller's
/// <see cref="IDataScope"/> through one global query filter; no endpoint checks scope by hand.
/// </summary>
public interface IOrganisationScoped
{
    /// <summary>The organisation the record belongs to.</summary>
    Guid OrganisationId { get; }

    /// <summary>
    /// The materialised path of that organisation ("/root/child/…/"), denormalised onto the record so the
    /// scope filter is a single indexed prefix comparison.
    /// </summary>
    string OrganisationPath { get; }
}
