namespace Xiaobao.Text.Normalisation;

/// <summary>
/// A folded copy of a text together with the map back to the original, so anything found in <see cref="Text"/>
/// (a token, a phrase) can be reported at its place in <see cref="Original"/>.
/// </summary>
public sealed class NormalisedText
{
    // Per folded character, where it came from in the original; null while the folding kept every position.
    private readonly int[]? _starts;
    private readonly int[]? _ends;

    internal NormalisedText(string original, string text, int[]? starts, int[]? ends)
    {
        Original = original;
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    public string Original { get; }

    public string Text { get; }

    /// <summary>True when every folded character sits at the same index as its original (nothing removed or resized).</summary>
    public bool IsAligned => _starts is null;

    /// <summary>The original range that produced <paramref name="span"/> of <see cref="Text"/>.</summary>
    public TextSpan ToOriginal(TextSpan span)
    {
        if (span.Start < 0 || span.Length < 0 || span.End > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, $"Outside the normalised text (length {Text.Length}).");
        }

        if (_starts is null || _ends is null)
        {
            return span;
        }

        if (span.Length == 0)
        {
            var at = span.Start < Text.Length ? _starts[span.Start] : Original.Length;
            return new TextSpan(at, 0);
        }

        var start = _starts[span.Start];
        return new TextSpan(start, _ends[span.End - 1] - start);
    }

    /// <summary>The original characters behind <paramref name="span"/> of <see cref="Text"/>.</summary>
    public string OriginalSlice(TextSpan span)
    {
        var original = ToOriginal(span);
        return Original.Substring(original.Start, original.Length);
    }
}
