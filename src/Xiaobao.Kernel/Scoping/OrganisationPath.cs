namespace Xiaobao.Kernel.Scoping;

/// <summary>Builds and compares materialised organisation paths of the form "/id1/id2/…/".</summary>
public static class OrganisationPath
{
    public const string Root = "/";

    public static string Child(string parentPath, Guid id) => $"{parentPath}{id:N}/";

    public static bool IsWithin(string path, string scopePath) => path.StartsWith(scopePath, StringComparison.Ordinal);

    /// <summary>
    /// The smallest string greater than every path that starts with <paramref name="prefix"/>: its closing "/" becomes
    /// "0", the next character in byte order. Paths hold only "/" and hex digits, so [prefix, UpperBound) is exactly the
    /// subtree, compared in byte order (SQLite's default, PostgreSQL's "C" collation).
    /// </summary>
    public static string UpperBound(string prefix) => string.Concat(prefix.AsSpan(0, prefix.Length - 1), "0");

    public static int Depth(string path) => path.Count(c => c == '/') - 1;
}
