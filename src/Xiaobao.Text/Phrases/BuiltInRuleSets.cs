namespace Xiaobao.Text.Phrases;

/// <summary>
/// The rule sets shipped with Xiaobao (Resources/RuleSets): misleading marketing wording (RULES.md §12), required
/// disclosures (§10, §5.14, §8.1) and personal data in free text (§11). Parsed and compiled once per process.
/// </summary>
public static class BuiltInRuleSets
{
    public const string Marketing = "marketing-zh";
    public const string Disclosures = "disclosures-zh";
    public const string PersonalData = "personal-data";

    private const string Prefix = "Xiaobao.Text.RuleSets.";

    private static readonly Lazy<IReadOnlyDictionary<string, CompiledRuleSet>> s_sets = new(Load);

    public static IReadOnlyList<RuleSet> All => [.. s_sets.Value.Values.Select(s => s.RuleSet).OrderBy(s => s.Id, StringComparer.Ordinal)];

    public static CompiledRuleSet? Find(string id) => s_sets.Value.GetValueOrDefault(id);

    /// <summary>The shipped JSON document of a rule set, exactly as it is embedded.</summary>
    public static string? Document(string id) =>
        EmbeddedData.Names(Prefix).Contains($"{Prefix}{id}.json", StringComparer.Ordinal) ? EmbeddedData.ReadText($"{Prefix}{id}.json") : null;

    private static Dictionary<string, CompiledRuleSet> Load() =>
        EmbeddedData.Names(Prefix)
            .Select(name => new CompiledRuleSet(RuleSetJson.Parse(EmbeddedData.ReadText(name))))
            .ToDictionary(s => s.RuleSet.Id, StringComparer.Ordinal);
}
