namespace Xiaobao.Kernel.Scoping;

/// <summary>Builds and compares materialised organisation paths of the form "/id1/id2/…/".</summary>
public static class OrganisationPath
{
    public const string Root = "/";

    public static string Child(string parentPath, Guid id) => $"{parentPath}{id:N}/";

    public static bool IsWithin(string path, string scopePath) => path.StartsWith(scopePath, StringComparison.Ordinal);

    public static int Depth(string path) => path.Count(c => c == '/') - 1;
}
