using System.Collections.Frozen;

namespace Xiaobao.Text.Normalisation;

/// <summary>
/// Traditional → Simplified folding for matching, from OpenCC's tables (Resources/NOTICE.md). Characters map one to
/// one; the few phrases whose conversion differs from character by character (乾坤 stays 乾坤, not 干坤) are tried
/// first. Every replacement has the length of what it replaces, so folding never moves an offset.
/// </summary>
internal sealed class TraditionalFolding
{
    private static readonly Lazy<TraditionalFolding> s_shared = new(Load);

    private readonly char[] _bmp;
    private readonly FrozenDictionary<int, string> _supplementary;
    private readonly bool[] _phraseStart;
    private readonly FrozenDictionary<char, string[][]> _phrases;

    private TraditionalFolding(char[] bmp, FrozenDictionary<int, string> supplementary, FrozenDictionary<char, string[][]> phrases)
    {
        _bmp = bmp;
        _supplementary = supplementary;
        _phrases = phrases;
        _phraseStart = new bool[char.MaxValue + 1];
        foreach (var first in phrases.Keys)
        {
            _phraseStart[first] = true;
        }
    }

    public static TraditionalFolding Shared => s_shared.Value;

    /// <summary>The folded character for a BMP character (itself when it has none).</summary>
    public char Fold(char c) => _bmp[c];

    /// <summary>The folded text of a supplementary-plane code point, or null when it folds to itself.</summary>
    public string? FoldSupplementary(int codePoint) => _supplementary.GetValueOrDefault(codePoint);

    /// <summary>Whether some listed phrase starts with <paramref name="c"/>.</summary>
    public bool StartsPhrase(char c) => _phraseStart[c];

    /// <summary>The Simplified form of the longest listed phrase starting at <paramref name="index"/>, or null.</summary>
    public string? MatchPhrase(string text, int index, out int length)
    {
        length = 0;
        if (!_phraseStart[text[index]])
        {
            return null;
        }

        foreach (var pair in _phrases[text[index]])
        {
            var source = pair[0];
            if (index + source.Length <= text.Length && string.CompareOrdinal(text, index, source, 0, source.Length) == 0)
            {
                length = source.Length;
                return pair[1];
            }
        }

        return null;
    }

    private static TraditionalFolding Load()
    {
        var bmp = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            bmp[c] = (char)c;
        }

        var supplementary = new Dictionary<int, string>();
        foreach (var (source, target) in Pairs("Xiaobao.Text.t2s-characters.txt"))
        {
            if (source.Length == 1 && target.Length == 1)
            {
                bmp[source[0]] = target[0];
            }
            else if (char.IsSurrogatePair(source, 0) && source.Length == 2 && target.Length == 2)
            {
                // Only same-length replacements keep offsets fixed; the table has no others that matter for matching.
                supplementary[char.ConvertToUtf32(source, 0)] = target;
            }
        }

        var phrases = Pairs("Xiaobao.Text.t2s-phrases.txt")
            .Where(p => p.Source.Length == p.Target.Length)
            .GroupBy(p => p.Source[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Source.Length).Select(p => new[] { p.Source, p.Target }).ToArray());
        return new TraditionalFolding(bmp, supplementary.ToFrozenDictionary(), phrases);
    }

    private static IEnumerable<(string Source, string Target)> Pairs(string resource) =>
        EmbeddedData.ReadLines(resource).Select(line => line.Split('\t')).Where(p => p.Length == 2).Select(p => (p[0], p[1]));
}
