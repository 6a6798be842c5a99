using System.Globalization;
using Xiaobao.Complaints.Taxonomy;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.RuleBook;

/// <summary>
/// Every version of every market's complaint rules and taxonomy, checked together: versions of one market never
/// overlap, and every code a rule names exists in each taxonomy version in force alongside it. Picks the version in
/// force for a complaint from its receipt time.
/// </summary>
public sealed class ComplaintRuleCatalog
{
    private const string RulePrefix = "Xiaobao.Complaints.RuleBook.Data.";
    private const string TaxonomyPrefix = "Xiaobao.Complaints.Taxonomy.Data.";

    private static readonly Lazy<ComplaintRuleCatalog> _builtIn = new(LoadBuiltIn);

    /// <summary>A catalog of <paramref name="ruleSets"/> and <paramref name="taxonomies"/>.</summary>
    /// <exception cref="ComplaintRuleDataException">Versions overlap, repeat, lack a taxonomy, or name codes their taxonomy lacks.</exception>
    public ComplaintRuleCatalog(IEnumerable<ComplaintRuleSet> ruleSets, IEnumerable<ComplaintTaxonomy> taxonomies)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        ArgumentNullException.ThrowIfNull(taxonomies);
        RuleSets = [.. ruleSets.OrderBy(r => r.Id.Market, StringComparer.Ordinal).ThenBy(r => r.EffectiveFrom)];
        Taxonomies = [.. taxonomies.OrderBy(t => t.Market, StringComparer.Ordinal).ThenBy(t => t.EffectiveFrom)];

        var errors = new List<RuleDataError>();
        CheckVersions(RuleSets.Select(r => (r.Id.Market, r.Id.Version, r.EffectiveFrom, r.EffectiveTo)), errors);
        CheckVersions(Taxonomies.Select(t => (t.Market, t.Version, t.EffectiveFrom, t.EffectiveTo)), errors);
        foreach (var rules in RuleSets)
        {
            CheckAgainstTaxonomies(rules, errors);
        }

        if (errors.Count > 0)
        {
            throw new ComplaintRuleDataException(errors);
        }
    }

    /// <summary>The rule and taxonomy versions shipped with Xiaobao.</summary>
    public static ComplaintRuleCatalog BuiltIn => _builtIn.Value;

    /// <summary>All rule versions, by market then effective date.</summary>
    public IReadOnlyList<ComplaintRuleSet> RuleSets { get; }

    /// <summary>All taxonomy versions, by market then effective date.</summary>
    public IReadOnlyList<ComplaintTaxonomy> Taxonomies { get; }

    /// <summary>The rule version of <paramref name="market"/> in force on the day (in the market's zone) of <paramref name="receivedAt"/>.</summary>
    /// <exception cref="DomainException">No version is in force that day (<see cref="ComplaintProblemTypes.NoRules"/>).</exception>
    public ComplaintRuleSet RulesInForce(string market, DateTimeOffset receivedAt) =>
        RuleSets.FirstOrDefault(r => r.Id.Market == market && r.IsInForceOn(r.DayOf(receivedAt)))
        ?? throw new DomainException(ComplaintProblemTypes.NoRules, UiText.Format("Error.Complaint.NoRules", market, receivedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>The rule version a complaint was registered under.</summary>
    /// <exception cref="KeyNotFoundException">The catalog has no such version.</exception>
    public ComplaintRuleSet Rules(RuleSetId id) =>
        RuleSets.FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"No complaint rule version {id}.");

    /// <summary>The taxonomy of <paramref name="market"/> in force on <paramref name="day"/>.</summary>
    /// <exception cref="DomainException">No version is in force that day (<see cref="ComplaintProblemTypes.NoRules"/>).</exception>
    public ComplaintTaxonomy TaxonomyInForce(string market, DateOnly day) =>
        Taxonomies.FirstOrDefault(t => t.Market == market && t.IsInForceOn(day))
        ?? throw new DomainException(ComplaintProblemTypes.NoRules, UiText.Format("Error.Complaint.NoRules", market, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>A taxonomy version by market and label.</summary>
    /// <exception cref="KeyNotFoundException">The catalog has no such version.</exception>
    public ComplaintTaxonomy Taxonomy(string market, string version) =>
        Taxonomies.FirstOrDefault(t => t.Market == market && t.Version == version)
        ?? throw new KeyNotFoundException($"No complaint taxonomy {market}/{version}.");

    private static ComplaintRuleCatalog LoadBuiltIn()
    {
        var assembly = typeof(ComplaintRuleCatalog).Assembly;
        var names = assembly.GetManifestResourceNames().Order(StringComparer.Ordinal).ToList();
        return new ComplaintRuleCatalog(
            names.Where(n => n.StartsWith(RulePrefix, StringComparison.Ordinal)).Select(n => Load(n, ComplaintRuleSetReader.Read)).ToList(),
            names.Where(n => n.StartsWith(TaxonomyPrefix, StringComparison.Ordinal)).Select(n => Load(n, ComplaintTaxonomyReader.Read)).ToList());

        T Load<T>(string name, Func<string, T> read)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            return read(reader.ReadToEnd());
        }
    }

    private static void CheckVersions(IEnumerable<(string Market, string Version, DateOnly From, DateOnly? To)> versions, List<RuleDataError> errors)
    {
        foreach (var market in versions.GroupBy(v => v.Market, StringComparer.Ordinal))
        {
            var list = market.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    if (a.Version == b.Version)
                    {
                        errors.Add(new RuleDataError(b.Version, "version", "duplicate", UiText.Format("Error.ComplaintRules.Duplicate", market.Key, b.Version)));
                    }
                    else if (Overlap(a.From, a.To, b.From, b.To))
                    {
                        errors.Add(new RuleDataError(b.Version, "effectiveFrom", "overlap", UiText.Format("Error.ComplaintRules.Overlap", market.Key, a.Version, b.Version)));
                    }
                }
            }
        }
    }

    private void CheckAgainstTaxonomies(ComplaintRuleSet rules, List<RuleDataError> errors)
    {
        var alongside = Taxonomies.Where(t => t.Market == rules.Id.Market && Overlap(t.EffectiveFrom, t.EffectiveTo, rules.EffectiveFrom, rules.EffectiveTo)).ToList();
        if (!alongside.Any(t => t.IsInForceOn(rules.EffectiveFrom)))
        {
            errors.Add(new RuleDataError(rules.Id.Version, "effectiveFrom", "no-taxonomy", UiText.Format("Error.ComplaintRules.NoTaxonomy", rules.Id)));
        }

        foreach (var taxonomy in alongside)
        {
            foreach (var (rule, field, code, list) in References(rules, taxonomy))
            {
                if (!list.Any(e => e.Code == code))
                {
                    errors.Add(new RuleDataError(rule, field, "unknown-code", UiText.Format("Error.ComplaintRules.UnknownCode", rule, code, taxonomy.Version)));
                }
            }
        }
    }

    private static IEnumerable<(string Rule, string Field, string Code, IEnumerable<TaxonomyEntry> List)> References(ComplaintRuleSet rules, ComplaintTaxonomy taxonomy)
    {
        foreach (var reason in rules.Acceptance.RejectionReasons)
        {
            yield return (reason.Id, "id", reason.Id, taxonomy.RejectionReasons);
        }

        foreach (var pause in rules.Pauses)
        {
            yield return (pause.Id, "id", pause.Id, taxonomy.PauseKinds);
        }

        foreach (var channel in rules.Notification.Channels)
        {
            yield return (rules.Notification.Id, "channels", channel.Channel, taxonomy.DeliveryChannels);
        }

        foreach (var remedy in rules.DecisionNotice.Remedies)
        {
            yield return (rules.DecisionNotice.Id, "remedies", remedy, taxonomy.Remedies);
        }

        foreach (var criterion in rules.MajorComplaint.Criteria)
        {
            var (field, codes, list) = criterion switch
            {
                EventCauseCriterion events => ("criteria.codes", events.Causes, (IEnumerable<TaxonomyEntry>)taxonomy.EventCauses),
                GroupSizeCriterion group => ("criteria.channels", group.Channels, taxonomy.Channels),
                _ => ("criteria", (IReadOnlyList<string>)[], []),
            };
            foreach (var code in codes)
            {
                yield return (rules.MajorComplaint.Id, field, code, list);
            }
        }

        foreach (var flag in rules.Escalation.Triggers.OfType<VulnerableCustomerTrigger>().SelectMany(t => t.Flags))
        {
            yield return (rules.Escalation.Id, "triggers.flags", flag, taxonomy.VulnerabilityFlags);
        }
    }

    private static bool Overlap(DateOnly aFrom, DateOnly? aTo, DateOnly bFrom, DateOnly? bTo) =>
        aFrom <= (bTo ?? DateOnly.MaxValue) && bFrom <= (aTo ?? DateOnly.MaxValue);
}
