namespace Xiaobao.Kernel.Scoping;

/// <summary>
/// The per-request (or per-circuit) scope. The host resolves the caller's organisation path once and sets it here;
/// everything else reads it through <see cref="IDataScope"/>.
/// </summary>
public sealed class DataScope : IDataScope
{
    /// <summary>A prefix no materialised path can start with (they all start with "/"), so an unknown caller sees nothing.</summary>
    public const string Nothing = "!nothing";

    private int _systemDepth;
    private string? _pathPrefix;

    public bool IsUnrestricted => _systemDepth > 0;

    public string PathPrefix => _pathPrefix ?? Nothing;

    public bool CoversAll => IsUnrestricted || (_pathPrefix is { } prefix && OrganisationPath.Depth(prefix) == 1);

    public string PathFrom => IsUnrestricted ? OrganisationPath.Root : _pathPrefix ?? Nothing;

    public string PathBefore => IsUnrestricted ? OrganisationPath.UpperBound(OrganisationPath.Root) : _pathPrefix is { } prefix ? OrganisationPath.UpperBound(prefix) : Nothing;

    public bool IsResolved => _pathPrefix is not null;

    public void Restrict(string pathPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathPrefix);
        _pathPrefix = pathPrefix;
    }

    public IDisposable RunAsSystem()
    {
        Interlocked.Increment(ref _systemDepth);
        return new Elevation(this);
    }

    private sealed class Elevation(DataScope scope) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref scope._systemDepth);
            }
        }
    }
}
