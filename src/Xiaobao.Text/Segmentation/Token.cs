namespace Xiaobao.Text.Segmentation;

/// <summary>What a token is made of, so later stages (readability, keywords) can skip what is not a word.</summary>
public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Whitespace,
}

/// <summary>
/// One token. <see cref="Start"/> and <see cref="Length"/> index the original text (UTF-16 code units), and
/// <see cref="Text"/> is exactly that slice; <see cref="Normalised"/> is the folded form the segmenter read.
/// </summary>
public sealed record Token(string Text, int Start, int Length, string Normalised, TokenKind Kind)
{
    public TextSpan Span => new(Start, Length);

    internal static TokenKind Classify(string text)
    {
        if (text.All(char.IsWhiteSpace))
        {
            return TokenKind.Whitespace;
        }

        if (text.All(c => char.IsPunctuation(c) || char.IsSymbol(c)))
        {
            return TokenKind.Punctuation;
        }

        return text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or '%')
            ? TokenKind.Number
            : TokenKind.Word;
    }
}
