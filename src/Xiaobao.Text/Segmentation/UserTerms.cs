using Xiaobao.Text.Matching;
using Xiaobao.Text.Normalisation;

namespace Xiaobao.Text.Segmentation;

/// <summary>
/// Terms a caller wants kept whole (a product name, a company's own jargon). Unlike the insurance dictionary, which is
/// weighed by jieba's model, a user term is always one token wherever it occurs: the leftmost, then longest, wins.
/// The shared segmenter's dictionary is never changed, so concurrent callers with different terms never interfere.
/// </summary>
public sealed class UserTerms
{
    public const int MaxTermLength = 50;

    public UserTerms(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Terms = [.. terms.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];
        var folded = Terms.Select(t => TextNormaliser.Normalise(t, NormalisationOptions.Segmentation).Text).ToList();
        Automaton = new PhraseAutomaton(folded);
    }

    public static UserTerms Empty { get; } = new([]);

    public IReadOnlyList<string> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    internal PhraseAutomaton Automaton { get; }

    /// <summary>Non-overlapping occurrences in <paramref name="text"/>, leftmost first and longest at each start.</summary>
    internal List<TextSpan> Occurrences(string text)
    {
        var hits = Automaton.FindAll(text);
        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var chosen = new List<TextSpan>();
        var next = 0;
        foreach (var hit in hits)
        {
            if (hit.Start >= next)
            {
                chosen.Add(hit.Span);
                next = hit.Start + hit.Length;
            }
        }

        return chosen;
    }
}
