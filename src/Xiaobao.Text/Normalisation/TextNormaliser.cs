using System.Collections.Concurrent;

namespace Xiaobao.Text.Normalisation;

/// <summary>
/// Folds text for segmentation and matching — width, Traditional → Simplified, punctuation, case, whitespace — and
/// keeps the map back to the original, so what is found in the folded text is reported where the reader wrote it.
/// </summary>
public static class TextNormaliser
{
    private const byte Plain = 0;
    private const byte Whitespace = 1;
    private const byte ZeroWidth = 2;
    private const byte HighSurrogate = 3;
    private const byte PhraseStart = 4;
    private const byte CjkFlag = 0x80;

    private static readonly ConcurrentDictionary<NormalisationOptions, FoldTable> s_tables = new();

    public static NormalisedText Normalise(string text, NormalisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var table = s_tables.GetOrAdd(options, o => new FoldTable(o));
        var fold = table.Fold;
        var kinds = table.Kinds;
        var folding = options.FoldTraditional ? TraditionalFolding.Shared : null;
        var output = new char[text.Length];
        var map = default(OffsetMap);
        var o = 0;
        var lastWasCjk = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var kind = kinds[c];
            switch (kind & ~CjkFlag)
            {
                case ZeroWidth:
                    // Dropped; the next character starts a new run of the offset map.
                    i++;
                    continue;
                case Whitespace:
                    {
                        var j = i + 1;
                        while (j < text.Length && (kinds[text[j]] & ~CjkFlag) is Whitespace or ZeroWidth)
                        {
                            j++;
                        }

                        // A line break inside a Chinese word (PDF extracts) or a space between Chinese words says nothing; drop it.
                        var between = o > 0 && j < text.Length;
                        if (between && !(lastWasCjk && IsCjk(text[j])))
                        {
                            map.Set(o, i, j);
                            output[o++] = ' ';
                            lastWasCjk = false;
                        }

                        i = j;
                        continue;
                    }

                case PhraseStart when folding!.MatchPhrase(text, i, out var phraseLength) is { } phrase:
                    for (var k = 0; k < phraseLength; k++)
                    {
                        map.Set(o, i + k, i + k + 1);
                        output[o++] = phrase[k];
                    }

                    i += phraseLength;
                    lastWasCjk = true;
                    continue;
                case HighSurrogate when i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    {
                        var folded = folding?.FoldSupplementary(char.ConvertToUtf32(c, text[i + 1]));
                        map.Set(o, i, i + 1);
                        output[o++] = folded?[0] ?? c;
                        map.Set(o, i + 1, i + 2);
                        output[o++] = folded?[1] ?? text[i + 1];
                        i += 2;
                        lastWasCjk = true;
                        continue;
                    }
            }

            lastWasCjk = (kind & CjkFlag) != 0;
            map.Set(o, i, i + 1);
            output[o++] = fold[c];
            i++;
        }

        return new NormalisedText(text, new string(output, 0, o), map.Runs);
    }

    /// <summary>Chinese characters and CJK punctuation: the scripts that are written without spaces between words.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF')
        || char.IsSurrogate(c);

    private static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private static char FoldWidth(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => c,
    };

    private static char FoldPunctuation(char c) => c switch
    {
        '、' => ',',
        '。' or '｡' => '.',
        '“' or '”' or '„' or '‟' or '「' or '」' or '『' or '』' => '"',
        '‘' or '’' or '‚' or '‛' => '\'',
        '【' or '〖' => '[',
        '】' or '〗' => ']',
        '〔' => '(',
        '〕' => ')',
        '—' or '–' or '―' or '‐' or '‑' or '−' => '-',
        _ => c,
    };

    /// <summary>
    /// Everything the options decide per character, computed once: the folded character (width, Traditional, punctuation,
    /// case applied in that order) and what kind of character it is, so the loop does two array reads per character.
    /// </summary>
    private sealed class FoldTable
    {
        public FoldTable(NormalisationOptions options)
        {
            var folding = options.FoldTraditional ? TraditionalFolding.Shared : null;
            var collapse = options.Whitespace == WhitespaceHandling.Collapse;
            for (var code = 0; code <= char.MaxValue; code++)
            {
                var c = (char)code;
                var folded = options.FoldWidth ? FoldWidth(c) : c;
                folded = folding?.Fold(folded) ?? folded;
                folded = options.FoldPunctuation ? FoldPunctuation(folded) : folded;
                Fold[code] = options.LowercaseAscii && folded is >= 'A' and <= 'Z' ? (char)(folded + 32) : folded;
                var kind = collapse && IsZeroWidth(c) ? ZeroWidth
                    : collapse && char.IsWhiteSpace(c) ? Whitespace
                    : char.IsHighSurrogate(c) ? HighSurrogate
                    : folding is not null && folding.StartsPhrase(c) ? PhraseStart
                    : Plain;
                Kinds[code] = (byte)(kind | (IsCjk(c) ? CjkFlag : 0));
            }
        }

        public char[] Fold { get; } = new char[char.MaxValue + 1];

        public byte[] Kinds { get; } = new byte[char.MaxValue + 1];
    }

    /// <summary>
    /// Records where folded characters came from as runs: within a run, folded index + shift = original index. Most
    /// texts fold one to one, so a new run starts only where whitespace was dropped or collapsed.
    /// </summary>
    private struct OffsetMap
    {
        private List<int>? _runs;
        private int _shift;

        public readonly int[]? Runs => _runs?.ToArray();

        public void Set(int output, int start, int end)
        {
            var shift = start - output;
            if (shift != _shift || end != start + 1)
            {
                (_runs ??= []).Add(output);
                _runs.Add(shift);
                _runs.Add(end - start);
                _shift = shift;
            }
        }
    }
}
