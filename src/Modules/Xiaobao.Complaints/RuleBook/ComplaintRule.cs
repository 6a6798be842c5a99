namespace Xiaobao.Complaints.RuleBook;

/// <summary>Where a rule comes from.</summary>
/// <param name="Id">A source id listed in the rule set's <see cref="ComplaintRuleSet.Sources"/>, e.g. "S1".</param>
/// <param name="Article">The article or section, e.g. "art 18"; null when the source is a company policy.</param>
public sealed record RuleSource(string Id, string? Article);

/// <summary>A document a rule set cites.</summary>
/// <param name="Id">The id rules use to cite it.</param>
/// <param name="Title">Title, issuer, number and dates as the rule book gives them.</param>
public sealed record RuleSourceDocument(string Id, string Title);

/// <summary>Names one version of one market's complaint rules.</summary>
/// <param name="Market">The market code, e.g. "CN".</param>
/// <param name="Version">The version label, unique within the market, e.g. "cn-cbirc-2020.1".</param>
public sealed record RuleSetId(string Market, string Version)
{
    /// <inheritdoc />
    public override string ToString() => $"{Market}/{Version}";
}

/// <summary>What every complaint rule carries: a stable id, its source and how sure we are of it.</summary>
/// <param name="Id">Stable id, unique within its rule set; rule-data errors name it.</param>
/// <param name="Source">The document and article the rule comes from.</param>
/// <param name="Status">How sure the rule book is of the rule.</param>
public abstract record ComplaintRule(string Id, RuleSource Source, RuleConfidence Status);
