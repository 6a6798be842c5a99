namespace Xiaobao.Kernel.Scoping;

/// <summary>
/// The organisations the current caller may see: an organisation path prefix, everything (system work),
/// or nothing (an anonymous caller). Fails closed: until a caller is known, nothing is visible.
/// </summary>
public interface IDataScope
{
    /// <summary>
    /// True when every organisation is visible: system work, or a caller at the head office (the only root; a second
    /// head office is refused). Lets the filter skip the path range, which a database would otherwise plan as an index
    /// range over the whole table followed by a full sort.
    /// </summary>
    bool CoversAll { get; }

    /// <summary>Lowest visible path (inclusive). With <see cref="PathBefore"/> a range an index can serve.</summary>
    string PathFrom { get; }

    /// <summary>First path past the visible ones (exclusive); equals <see cref="PathFrom"/> when nothing is visible.</summary>
    string PathBefore { get; }

    /// <summary>Lifts the restriction until the returned handle is disposed. Use only for system work.</summary>
    IDisposable RunAsSystem();
}
