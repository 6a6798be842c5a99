using System.Globalization;
using System.Text.Json.Serialization;

namespace Xiaobao.Text.Phrases;

/// <summary>What a rule looks for.</summary>
public enum RuleKind
{
    /// <summary>Words or phrases (matched on folded text, with negation and context exceptions).</summary>
    Phrase,

    /// <summary>Regular expressions for structured wording such as "每年分红5%".</summary>
    Pattern,

    /// <summary>Something a document of the given types must contain; reported when it is missing.</summary>
    Disclosure,

    /// <summary>Personal data left in free text, found by a validating detector.</summary>
    PersonalData,
}

public enum Severity
{
    Info,
    Warn,
    Block,
}

/// <summary>The validating detectors a <see cref="RuleKind.PersonalData"/> rule can use.</summary>
public enum PersonalDataKind
{
    /// <summary>18-character resident identity number with a valid date and GB 11643 check character.</summary>
    ResidentId,

    /// <summary>Mainland mobile number (11 digits from 13–19, optionally +86).</summary>
    Mobile,

    /// <summary>16–19-digit card number passing the Luhn check.</summary>
    BankCard,

    Email,
}

/// <summary>Text in Simplified Chinese with an optional English version.</summary>
public sealed record LocalisedText(string Zh, string? En = null)
{
    /// <summary>English for an English culture when there is English, otherwise Chinese.</summary>
    public string In(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(En) ? En : Zh;
    }
}

/// <summary>
/// Words that turn a phrase into its opposite when they come shortly before it (不保本 is not 保本), and words that
/// start like a negation but are none (不仅 "not only").
/// </summary>
public sealed record NegationSettings
{
    public IReadOnlyList<string> Cues { get; init; } = [];

    public IReadOnlyList<string> NotNegations { get; init; } = [];

    /// <summary>How many characters may stand between the cue and the phrase (不得宣传保本: two).</summary>
    public int Window { get; init; } = 2;
}

/// <summary>One rule of a <see cref="RuleSet"/>. Which lists it uses depends on its <see cref="Kind"/>.</summary>
public sealed record Rule
{
    public required string Id { get; init; }

    public required RuleKind Kind { get; init; }

    /// <summary>A stable grouping such as deposit_confusion or guarantee_no_risk (RULES.md §19.12).</summary>
    public required string Category { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>Phrase rules: what to find. Disclosure rules: wording that counts as the disclosure.</summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];

    /// <summary>Pattern rules: what to find. Disclosure rules: further wording that counts as the disclosure.</summary>
    public IReadOnlyList<string> Patterns { get; init; } = [];

    /// <summary>Longer phrases that contain a match and make it acceptable (保证利率 and 保证续保 for 保证).</summary>
    public IReadOnlyList<string> Exceptions { get; init; } = [];

    /// <summary>Whether a negation cue shortly before a match cancels it.</summary>
    public bool Negatable { get; init; } = true;

    /// <summary>Document types the rule applies to; empty means every type (required for disclosure rules).</summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [];

    /// <summary>Disclosure rules: required only when one of these phrases occurs (分红 for non-guaranteed returns).</summary>
    public IReadOnlyList<string> When { get; init; } = [];

    public PersonalDataKind? Detector { get; init; }

    public required LocalisedText Explanation { get; init; }

    public LocalisedText? Suggestion { get; init; }

    /// <summary>Where the rule comes from: the rule book's source id and article, e.g. "S2 art 17".</summary>
    public required string Source { get; init; }

    public bool AppliesToDocument(string? documentType) =>
        AppliesTo.Count == 0 || (documentType is not null && AppliesTo.Contains(documentType, StringComparer.Ordinal));
}

/// <summary>
/// A versioned set of rules, stored and exchanged as JSON (<see cref="RuleSetJson"/>). Xiaobao ships three; an
/// administrator can import new versions or rule sets of their own.
/// </summary>
public sealed record RuleSet
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required LocalisedText Name { get; init; }

    public LocalisedText? Description { get; init; }

    /// <summary>The document types this set distinguishes (clause, marketing, …); rules' appliesTo name some of them.</summary>
    public IReadOnlyList<string> DocumentTypes { get; init; } = [];

    public NegationSettings Negation { get; init; } = new();

    public required IReadOnlyList<Rule> Rules { get; init; }

    /// <summary>True when checking needs to know what kind of document the text is.</summary>
    [JsonIgnore]
    public bool NeedsDocumentType => Rules.Any(r => r.Kind == RuleKind.Disclosure);
}
