using JiebaNet.Segmenter;
using Xiaobao.Text.Normalisation;

namespace Xiaobao.Text.Segmentation;

/// <summary>
/// Chinese word segmentation with jieba.NET: its bundled dictionary and HMM plus Xiaobao's insurance dictionary,
/// loaded once per process (about a second) by <see cref="Shared"/>. After loading, jieba's dictionary is only read,
/// so one instance serves every thread; caller terms go through <see cref="UserTerms"/> instead of jieba's
/// process-wide, unsynchronised AddWord.
/// </summary>
public sealed class ChineseSegmenter
{
    private static readonly Lazy<ChineseSegmenter> s_shared = new(() => new ChineseSegmenter(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JiebaSegmenter _jieba;

    private ChineseSegmenter()
    {
        _jieba = new JiebaSegmenter();
        InsuranceTerms = [.. EmbeddedData.ReadLines(InsuranceTermsResource)];
        foreach (var term in InsuranceTerms)
        {
            // Frequency 0 asks jieba for the frequency it suggests: just enough for the term to beat its pieces.
            _jieba.AddWord(term, 0);
        }
    }

    public const string InsuranceTermsResource = "Xiaobao.Text.insurance-terms.txt";

    public static ChineseSegmenter Shared => s_shared.Value;

    /// <summary>The insurance dictionary shipped with Xiaobao, in load order.</summary>
    public IReadOnlyList<string> InsuranceTerms { get; }

    /// <summary>Cuts <paramref name="text"/> into tokens that cover it exactly, in order, with offsets into it.</summary>
    public IReadOnlyList<Token> Segment(string text, SegmentationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= SegmentationOptions.Default;
        var normalised = options.Normalise
            ? TextNormaliser.Normalise(text, NormalisationOptions.Segmentation)
            : TextNormaliser.Normalise(text, new NormalisationOptions { FoldWidth = false, FoldTraditional = false });
        var source = normalised.Text;
        var tokens = new List<Token>(source.Length / 2);
        var position = 0;
        if (!options.UserTerms.IsEmpty)
        {
            foreach (var term in options.UserTerms.Occurrences(source))
            {
                Cut(normalised, position, term.Start, options.Hmm, tokens);
                tokens.Add(MakeToken(normalised, term));
                position = term.End;
            }
        }

        Cut(normalised, position, source.Length, options.Hmm, tokens);
        return tokens;
    }

    /// <summary>The words of <paramref name="text"/> as jieba returns them, without offsets or folding (for comparisons).</summary>
    public IEnumerable<string> CutRaw(string text, bool hmm = true) => _jieba.Cut(text, hmm: hmm);

    private void Cut(NormalisedText normalised, int from, int to, bool hmm, List<Token> tokens)
    {
        if (to <= from)
        {
            return;
        }

        var at = from;
        foreach (var word in _jieba.Cut(normalised.Text.Substring(from, to - from), hmm: hmm))
        {
            tokens.Add(MakeToken(normalised, new TextSpan(at, word.Length)));
            at += word.Length;
        }

        // jieba's default mode returns every character, whitespace included; offsets rely on it.
        if (at != to)
        {
            throw new InvalidOperationException($"jieba returned {at - from} characters for a piece of {to - from}.");
        }
    }

    private static Token MakeToken(NormalisedText normalised, TextSpan span)
    {
        var original = normalised.ToOriginal(span);
        var folded = normalised.Text.Substring(span.Start, span.Length);
        return new Token(normalised.Original.Substring(original.Start, original.Length), original.Start, original.Length, folded, Token.Classify(folded));
    }
}
