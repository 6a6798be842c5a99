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

/// <summary>
/// Names the mapped property that holds the organisation path when it is not called "OrganisationPath"
/// (an organisation's own path, for instance).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ScopePathAttribute(string propertyName) : Attribute
{
    public string PropertyName { get; } = propertyName;
}

/// <summary>
/// Endpoint metadata naming the kind of scoped record an endpoint reads or changes by id, so the scope matrix
/// test can pick an in-scope and an out-of-scope record for it.
/// </summary>
public sealed record ScopedResource(string Kind);

/// <summary>
/// Endpoint metadata for a route parameter that names something the same for every organisation (a role, a calendar
/// year), so the scope matrix test knows the endpoint is global by design rather than forgotten.
/// </summary>
public sealed record GlobalResource(string Reason);
