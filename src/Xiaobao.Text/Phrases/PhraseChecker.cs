using Xiaobao.Text.Normalisation;

namespace Xiaobao.Text.Phrases;

/// <summary>Checks one text against several rule sets, folding it once.</summary>
public static class PhraseChecker
{
    public static CheckResult Check(string text, IEnumerable<CompiledRuleSet> ruleSets, string? documentType = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ruleSets);
        var normalised = TextNormaliser.Normalise(text, NormalisationOptions.Matching);
        var findings = new List<Finding>();
        var missing = new List<MissingDisclosure>();
        foreach (var set in ruleSets)
        {
            set.Check(normalised, documentType, findings, missing);
        }

        findings.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : string.CompareOrdinal(a.RuleId, b.RuleId));
        return new CheckResult(findings, missing);
    }
}
