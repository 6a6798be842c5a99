namespace Xiaobao.Text.Segmentation;

/// <summary>How <see cref="ChineseSegmenter.Segment"/> cuts a text.</summary>
public sealed record SegmentationOptions
{
    public static SegmentationOptions Default { get; } = new();

    /// <summary>Fold width and Traditional characters before cutting (tokens still carry the original text).</summary>
    public bool Normalise { get; init; } = true;

    /// <summary>jieba's hidden Markov model for words missing from the dictionary (its default mode).</summary>
    public bool Hmm { get; init; } = true;

    public UserTerms UserTerms { get; init; } = UserTerms.Empty;
}
