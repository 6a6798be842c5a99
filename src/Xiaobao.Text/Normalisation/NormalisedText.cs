namespace Xiaobao.Text.Normalisation;

/// <summary>
/// A folded copy of a text together with the map back to the original, so anything found in <see cref="Text"/>
/// (a token, a phrase) can be reported at its place in <see cref="Original"/>.
/// </summary>
public sealed class NormalisedText
{
    // Runs of folded characters as triples (first folded index, shift to the original index, original width of that
    // first character); the characters after a run's first have width 1. Null when folding kept every position.
    private readonly int[]? _runs;

    internal NormalisedText(string original, string text, int[]? runs)
    {
        Original = original;
        Text = text;
        _runs = runs;
    }

    public string Original { get; }

    public string Text { get; }

    /// <summary>True when every folded character sits at the same index as its original (nothing removed or resized).</summary>
    public bool IsAligned => _runs is null;

    /// <summary>The original range that produced <paramref name="span"/> of <see cref="Text"/>.</summary>
    public TextSpan ToOriginal(TextSpan span)
    {
        if (span.Start < 0 || span.Length < 0 || span.End > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, $"Outside the normalised text (length {Text.Length}).");
        }

        if (_runs is null)
        {
            return span;
        }

        if (span.Length == 0)
        {
            return new TextSpan(span.Start < Text.Length ? Start(span.Start) : Original.Length, 0);
        }

        var start = Start(span.Start);
        return new TextSpan(start, End(span.End - 1) - start);
    }

    private int Start(int index)
    {
        var run = Run(index);
        return run < 0 ? index : index + _runs![run + 1];
    }

    private int End(int index)
    {
        var run = Run(index);
        return run < 0 ? index + 1 : index + _runs![run + 1] + (_runs[run] == index ? _runs[run + 2] : 1);
    }

    // The offset in _runs of the last run starting at or before index, or -1.
    private int Run(int index)
    {
        int low = 0, high = (_runs!.Length / 3) - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (_runs[mid * 3] <= index)
            {
                found = mid * 3;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found;
    }

    /// <summary>The original characters behind <paramref name="span"/> of <see cref="Text"/>.</summary>
    public string OriginalSlice(TextSpan span)
    {
        var original = ToOriginal(span);
        return Original.Substring(original.Start, original.Length);
    }
}
