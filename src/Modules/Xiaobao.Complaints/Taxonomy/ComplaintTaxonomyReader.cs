using System.Text.Json;
using System.Text.RegularExpressions;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.Taxonomy;

/// <summary>
/// Reads one version of a market's complaint taxonomy from JSON and checks it whole: codes well-formed and unique
/// per list, both names present, each list's own attributes present. Refuses with every problem listed
/// (<see cref="ComplaintRuleDataException"/>).
/// </summary>
/// <remarks>The file format is the one of <c>Taxonomy/Data/cn-provisional.json</c>.</remarks>
public static partial class ComplaintTaxonomyReader
{
    private static readonly string[] _entry = ["code", "nameZh", "nameEn"];

    /// <summary>Reads a taxonomy from JSON text.</summary>
    /// <exception cref="ComplaintRuleDataException">The data is malformed or inconsistent.</exception>
    public static ComplaintTaxonomy Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return RuleFile.Parse(json, "taxonomy", Read);
    }

    private static ComplaintTaxonomy? Read(JsonDocument document, List<RuleDataError> errors)
    {
        var root = RuleNode.Root(
            document, "taxonomy", errors,
            "market", "version", "effectiveFrom", "effectiveTo", "status", "note", "businessTypes", "complaintReasons", "violationFlag",
            "rootCauses", "channels", "deliveryChannels", "policyRelationships", "vulnerabilityFlags", "eventCauses", "pauseKinds",
            "rejectionReasons", "remedies");
        if (root is null)
        {
            return null;
        }

        var version = root.Version();
        var status = root.Status();
        var note = root.String("note", required: false);

        var violation = root.Object("violationFlag", _entry);
        var lists = new TaxonomyLists(
            List(root, "businessTypes", ["gbt43568Code"], (n, c, zh, en) => new BusinessType(c, zh, en, n.String("gbt43568Code", required: false))),
            List(root, "complaintReasons", ["bulletinBucket", "gbt43568Code"], (n, c, zh, en) =>
                Bucket(n) is { } bucket ? new ComplaintReason(c, zh, en, bucket, n.String("gbt43568Code", required: false)) : null),
            violation is null ? null! : Entry(violation, (_, c, zh, en) => new TaxonomyEntry(c, zh, en))!,
            List(root, "rootCauses", ["internal"], (n, c, zh, en) => n.Bool("internal") is { } internalCause ? new RootCauseCategory(c, zh, en, internalCause) : null),
            List(root, "channels", ["faceToFace"], (n, c, zh, en) => n.Bool("faceToFace") is { } present ? new IntakeChannel(c, zh, en, present) : null),
            Plain(root, "deliveryChannels"),
            Plain(root, "policyRelationships"),
            Plain(root, "vulnerabilityFlags"),
            Plain(root, "eventCauses"),
            Plain(root, "pauseKinds"),
            Plain(root, "rejectionReasons"),
            Plain(root, "remedies"));

        return errors.Count == 0
            ? new ComplaintTaxonomy(new TaxonomyHeader(version!.Value.Market, version.Value.Version, version.Value.From, version.Value.To, status!.Value, note), lists)
            : null;
    }

    // Buckets are the market's own report lines (for China the causes the bulletin names), so only their form is checked.
    private static string? Bucket(RuleNode node)
    {
        var bucket = node.String("bulletinBucket");
        if (bucket is null || CodePattern().IsMatch(bucket))
        {
            return bucket;
        }

        node.Invalid("bulletinBucket", "[a-z0-9_]+");
        return null;
    }

    private static List<TaxonomyEntry> Plain(RuleNode root, string name) =>
        List(root, name, [], (_, c, zh, en) => new TaxonomyEntry(c, zh, en));

    private static List<T> List<T>(RuleNode root, string name, string[] extra, Func<RuleNode, string, string, string, T?> create)
        where T : TaxonomyEntry
    {
        var entries = new List<T>();
        foreach (var node in root.Objects(name, [.. _entry, .. extra], idField: "code", idPrefix: $"{name}."))
        {
            var entry = Entry(node, create);
            if (entry is null)
            {
                continue;
            }

            if (entries.Any(e => e.Code == entry.Code))
            {
                node.Add("code", "duplicate", UiText.Format("Error.ComplaintRules.Duplicate", name, entry.Code));
                continue;
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static T? Entry<T>(RuleNode node, Func<RuleNode, string, string, string, T?> create)
        where T : TaxonomyEntry
    {
        var code = node.String("code");
        if (code is not null && !CodePattern().IsMatch(code))
        {
            node.Invalid("code", "[a-z0-9_]+");
            code = null;
        }

        var zh = node.String("nameZh");
        var en = node.String("nameEn");
        var entry = create(node, code ?? string.Empty, zh ?? string.Empty, en ?? string.Empty);
        return code is not null && zh is not null && en is not null ? entry : null;
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex CodePattern();
}
