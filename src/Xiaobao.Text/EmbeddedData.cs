using System.Reflection;

namespace Xiaobao.Text;

/// <summary>Reads the data files compiled into this assembly (dictionaries, folding tables, rule sets).</summary>
internal static class EmbeddedData
{
    private static readonly Assembly s_assembly = typeof(EmbeddedData).Assembly;

    public static string ReadText(string name)
    {
        using var stream = s_assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {s_assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IEnumerable<string> Names(string prefix) =>
        s_assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>The data lines of a text resource: trimmed, without blank lines and "#" comments.</summary>
    public static IEnumerable<string> ReadLines(string name)
    {
        foreach (var raw in ReadText(name).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}
