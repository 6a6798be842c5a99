namespace Xiaobao.Text.Phrases;

/// <summary>
/// Something a rule found in the text. <see cref="Start"/> and <see cref="Length"/> index the original text (UTF-16);
/// <see cref="Text"/> is that slice, masked for personal data so a report never repeats it.
/// </summary>
public sealed record Finding(
    string RuleSetId,
    string RuleId,
    RuleKind Kind,
    string Category,
    Severity Severity,
    int Start,
    int Length,
    string Text,
    LocalisedText Explanation,
    LocalisedText? Suggestion,
    string Source);

/// <summary>A disclosure the document type requires and the text does not contain.</summary>
public sealed record MissingDisclosure(
    string RuleSetId,
    string RuleId,
    string Category,
    Severity Severity,
    LocalisedText Explanation,
    LocalisedText? Suggestion,
    string Source);

/// <summary>Everything the rule sets found: findings in text order, then what is missing.</summary>
public sealed record CheckResult(IReadOnlyList<Finding> Findings, IReadOnlyList<MissingDisclosure> Missing);
