using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Text.Phrases;
using Xiaobao.TextEngine.Features.RuleSets;

namespace Xiaobao.TextEngine.Features.Check;

/// <summary>A text to check against rule sets; <see cref="DocumentType"/> is needed by rule sets of required disclosures.</summary>
public sealed record CheckRequest(
    string? Text,
    [property: Required, MinLength(1), MaxLength(20)] IReadOnlyList<string>? RuleSets,
    [property: StringLength(50)] string? DocumentType = null);

/// <summary>A finding with its explanation and suggestion in the caller's language; offsets index the text as sent.</summary>
public sealed record FindingDto(
    string RuleSetId, string RuleId, RuleKind Kind, string Category, Severity Severity, int Start, int Length, string Text,
    string Explanation, string? Suggestion, string Source);

public sealed record MissingDto(string RuleSetId, string RuleId, string Category, Severity Severity, string Explanation, string? Suggestion, string Source);

public sealed record CheckedRuleSet(string Id, string Version, RuleSetOrigin Origin);

public sealed record CheckResponse(IReadOnlyList<CheckedRuleSet> RuleSets, string? DocumentType, IReadOnlyList<FindingDto> Findings, IReadOnlyList<MissingDto> Missing);

/// <summary>Phrase, pattern, disclosure and personal-data checking for the API, the CLI and the workbench page.</summary>
public sealed class CheckText(RuleSetCatalog catalog)
{
    public async Task<CheckResponse> HandleAsync(CheckRequest request, int maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sets = await ResolveAsync(request.RuleSets ?? [], request.DocumentType, ct);
        var text = TextInput.Require(request.Text, maxBytes);
        var result = PhraseChecker.Check(text, sets.Select(s => s.Compiled), request.DocumentType);
        var culture = CultureInfo.CurrentUICulture;
        return new CheckResponse(
            [.. sets.Select(s => new CheckedRuleSet(s.RuleSet.Id, s.RuleSet.Version, s.Origin))],
            request.DocumentType,
            [.. result.Findings.Select(f => new FindingDto(
                f.RuleSetId, f.RuleId, f.Kind, f.Category, f.Severity, f.Start, f.Length, f.Text, f.Explanation.In(culture), f.Suggestion?.In(culture), f.Source))],
            [.. result.Missing.Select(m => new MissingDto(m.RuleSetId, m.RuleId, m.Category, m.Severity, m.Explanation.In(culture), m.Suggestion?.In(culture), m.Source))]);
    }

    /// <summary>The rule sets named, in force; a clear field error for an unknown id or a missing or unknown document type.</summary>
    public async Task<IReadOnlyList<CatalogEntry>> ResolveAsync(IReadOnlyList<string> ids, string? documentType, CancellationToken ct)
    {
        var inForce = await catalog.GetAsync(ct);
        if (ids.Count == 0)
        {
            throw ValidationFailedException.For("ruleSets", UiText.Format("Error.Text.RuleSetsRequired", Known(inForce)));
        }

        var unknown = ids.Where(id => !inForce.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw ValidationFailedException.For("ruleSets", UiText.Format("Error.Text.UnknownRuleSet", string.Join(", ", unknown), Known(inForce)));
        }

        var sets = ids.Distinct(StringComparer.Ordinal).Select(id => inForce[id]).ToList();
        var types = sets.SelectMany(s => s.RuleSet.DocumentTypes).Distinct(StringComparer.Ordinal).ToList();
        if (documentType is null && sets.FirstOrDefault(s => s.RuleSet.NeedsDocumentType) is { } needing)
        {
            throw ValidationFailedException.For("documentType", UiText.Format("Error.Text.DocumentTypeRequired", needing.RuleSet.Id, string.Join(", ", needing.RuleSet.DocumentTypes)));
        }

        if (documentType is not null && !types.Contains(documentType, StringComparer.Ordinal))
        {
            throw ValidationFailedException.For("documentType", UiText.Format("Error.Text.UnknownDocumentType", documentType, types.Count == 0 ? "—" : string.Join(", ", types)));
        }

        return sets;
    }

    private static string Known(IReadOnlyDictionary<string, CatalogEntry> catalog) => string.Join(", ", catalog.Keys.Order(StringComparer.Ordinal));
}
