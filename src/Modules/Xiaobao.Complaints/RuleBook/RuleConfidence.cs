namespace Xiaobao.Complaints.RuleBook;

/// <summary>How sure the rule book is of a rule (RULES.md legend). Only verified rules may be shown as law.</summary>
public enum RuleConfidence
{
    /// <summary>"V": checked against the rule's own official text.</summary>
    Verified,

    /// <summary>"V2": checked against a secondary source that restates the rule.</summary>
    VerifiedSecondary,

    /// <summary>"M": not yet checked against a source.</summary>
    Unverified,

    /// <summary>"?": uncertain or conflicting.</summary>
    Uncertain,

    /// <summary>"policy": a default the company chose; no law requires it.</summary>
    CompanyPolicy,
}

/// <summary>The codes rule files use for <see cref="RuleConfidence"/>.</summary>
public static class RuleConfidenceCodes
{
    private static readonly Dictionary<string, RuleConfidence> _byCode = new(StringComparer.Ordinal)
    {
        ["V"] = RuleConfidence.Verified,
        ["V2"] = RuleConfidence.VerifiedSecondary,
        ["M"] = RuleConfidence.Unverified,
        ["?"] = RuleConfidence.Uncertain,
        ["policy"] = RuleConfidence.CompanyPolicy,
    };

    /// <summary>Reads a code; false for anything else.</summary>
    public static bool TryParse(string? code, out RuleConfidence confidence) =>
        _byCode.TryGetValue(code ?? string.Empty, out confidence);

    /// <summary>Whether the UI may present a rule with this status as what the law says.</summary>
    public static bool MayBeShownAsLaw(this RuleConfidence confidence) =>
        confidence is RuleConfidence.Verified or RuleConfidence.VerifiedSecondary;
}
