namespace Xiaobao.Text.Normalisation;

/// <summary>How whitespace is treated when folding text.</summary>
public enum WhitespaceHandling
{
    /// <summary>Every whitespace character stays where it is (only the ideographic space becomes a plain space).</summary>
    Keep,

    /// <summary>
    /// Whitespace between two Chinese characters is dropped (line breaks inside a word in a PDF extract), other runs become
    /// one space, and zero-width characters are removed, so "保\n本" and "保\u200B本" both read 保本.
    /// </summary>
    Collapse,
}

/// <summary>Which foldings <see cref="TextNormaliser"/> applies. Every folding keeps a map back to the original text.</summary>
public sealed record NormalisationOptions
{
    /// <summary>For segmentation: width and Traditional folding only, so tokens line up one to one with the original.</summary>
    public static NormalisationOptions Segmentation { get; } = new();

    /// <summary>For phrase matching: everything folded, so a rule written once in Simplified Chinese matches every variant.</summary>
    public static NormalisationOptions Matching { get; } = new()
    {
        LowercaseAscii = true,
        FoldPunctuation = true,
        Whitespace = WhitespaceHandling.Collapse,
    };

    /// <summary>Full-width ASCII (Ａ１，) to half-width (A1,) and the ideographic space to a space.</summary>
    public bool FoldWidth { get; init; } = true;

    /// <summary>Traditional and variant characters to Simplified (OpenCC tables), phrases first where they differ.</summary>
    public bool FoldTraditional { get; init; } = true;

    public bool LowercaseAscii { get; init; }

    /// <summary>Chinese quotes, brackets and dashes to their ASCII counterparts (、 to a comma, 。 to a full stop).</summary>
    public bool FoldPunctuation { get; init; }

    public WhitespaceHandling Whitespace { get; init; } = WhitespaceHandling.Keep;
}
