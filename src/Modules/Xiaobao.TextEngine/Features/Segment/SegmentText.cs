using System.ComponentModel.DataAnnotations;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Text.Segmentation;
using Xiaobao.TextEngine.Features.Dictionaries;

namespace Xiaobao.TextEngine.Features.Segment;

/// <summary>A text to cut into words, with terms of the caller's own to keep whole.</summary>
public sealed record SegmentRequest(
    string? Text,
    [property: MaxLength(SegmentText.MaxUserTerms)] IReadOnlyList<string>? UserTerms = null,
    bool? Normalise = null);

/// <summary>One token: its offsets index the text as sent (UTF-16 code units).</summary>
public sealed record TokenDto(string Text, int Start, int Length, string Normalised, TokenKind Kind);

public sealed record SegmentResponse(int Count, IReadOnlyList<TokenDto> Tokens);

/// <summary>Word segmentation for the API, the CLI and the workbench page.</summary>
public sealed class SegmentText(TermListCache terms)
{
    public const int MaxUserTerms = 1_000;

    public async Task<SegmentResponse> HandleAsync(SegmentRequest request, int maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = TextInput.Require(request.Text, maxBytes);
        var own = request.UserTerms ?? [];
        if (own.Any(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length > UserTerms.MaxTermLength))
        {
            throw ValidationFailedException.For("userTerms", UiText.Format("Error.Text.TermLength", UserTerms.MaxTermLength));
        }

        var options = new SegmentationOptions { Normalise = request.Normalise ?? true, UserTerms = await terms.WithAsync(own, ct) };
        var tokens = ChineseSegmenter.Shared.Segment(text, options);
        return new SegmentResponse(tokens.Count, [.. tokens.Select(t => new TokenDto(t.Text, t.Start, t.Length, t.Normalised, t.Kind))]);
    }
}
