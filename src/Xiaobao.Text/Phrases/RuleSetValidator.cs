using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xiaobao.Text.Normalisation;

namespace Xiaobao.Text.Phrases;

/// <summary>
/// The rule-set format, checked on the parsed JSON before anything is built from it: required and unknown properties,
/// types, allowed values, identifiers, limits, regular expressions that compile, and what each kind of rule needs.
/// </summary>
internal sealed partial class RuleSetValidator
{
    public const int MaxRules = 20_000;
    public const int MaxListItems = 1_000;
    public const int MaxPhraseLength = 100;
    public const int MaxPatternLength = 500;
    public const int MaxTextLength = 2_000;

    private static readonly string[] s_setProperties = ["id", "version", "name", "description", "documentTypes", "negation", "rules"];
    private static readonly string[] s_ruleProperties =
        ["id", "kind", "category", "severity", "phrases", "patterns", "exceptions", "negatable", "appliesTo", "when", "detector", "explanation", "suggestion", "source"];

    private static readonly string[] s_kinds = ["phrase", "pattern", "disclosure", "personal-data"];
    private static readonly string[] s_severities = ["info", "warn", "block"];
    private static readonly string[] s_detectors = ["resident-id", "mobile", "bank-card", "email"];

    private readonly List<RuleSetError> _errors = [];

    public static IReadOnlyList<RuleSetError> Validate(JsonElement root)
    {
        var validator = new RuleSetValidator();
        validator.RuleSet(root);
        return validator._errors;
    }

    /// <summary>The options every rule pattern is compiled with, here and when checking.</summary>
    public static Regex CompilePattern(string pattern, RegexOptions extra = RegexOptions.None) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | extra, TimeSpan.FromSeconds(2));

    private void RuleSet(JsonElement set)
    {
        if (set.ValueKind != JsonValueKind.Object)
        {
            Add("$", RuleSetProblem.NotAnObject);
            return;
        }

        Known(set, "$", s_setProperties);
        Identifier(set, "$", "id", SetId());
        Text(set, "$", "version", 32, required: true);
        Localised(set, "$", "name", required: true);
        Localised(set, "$", "description", required: false);
        var documentTypes = List(set, "$", "documentTypes", 50, DocumentType());
        Negation(set);
        if (!set.TryGetProperty("rules", out var rules))
        {
            Add("$.rules", RuleSetProblem.Missing);
            return;
        }

        if (rules.ValueKind != JsonValueKind.Array)
        {
            Add("$.rules", RuleSetProblem.WrongType, "array");
            return;
        }

        var count = rules.GetArrayLength();
        if (count == 0 || count > MaxRules)
        {
            Add("$.rules", count == 0 ? RuleSetProblem.Empty : RuleSetProblem.TooMany, MaxRules.ToString(CultureInfo.InvariantCulture));
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var rule in rules.EnumerateArray())
        {
            var path = $"$.rules[{index++}]";
            if (Rule(rule, path, documentTypes) is { } id && !ids.Add(id))
            {
                Add($"{path}.id", RuleSetProblem.Duplicate, id);
            }
        }
    }

    private void Negation(JsonElement set)
    {
        if (!set.TryGetProperty("negation", out var negation))
        {
            return;
        }

        if (negation.ValueKind != JsonValueKind.Object)
        {
            Add("$.negation", RuleSetProblem.WrongType, "object");
            return;
        }

        Known(negation, "$.negation", ["cues", "notNegations", "window"]);
        List(negation, "$.negation", "cues", MaxPhraseLength, null);
        List(negation, "$.negation", "notNegations", MaxPhraseLength, null);
        if (negation.TryGetProperty("window", out var window) && (!window.TryGetInt32(out var w) || w is < 0 or > 10))
        {
            Add("$.negation.window", RuleSetProblem.OutOfRange, "0–10");
        }
    }

    private string? Rule(JsonElement rule, string path, IReadOnlyList<string> documentTypes)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            Add(path, RuleSetProblem.NotAnObject);
            return null;
        }

        Known(rule, path, s_ruleProperties);
        var id = Identifier(rule, path, "id", RuleId());
        var kind = Choice(rule, path, "kind", s_kinds, required: true);
        Identifier(rule, path, "category", Category());
        Choice(rule, path, "severity", s_severities, required: true);
        var phrases = List(rule, path, "phrases", MaxPhraseLength, null);
        var patterns = List(rule, path, "patterns", MaxPatternLength, null);
        var exceptions = List(rule, path, "exceptions", MaxPhraseLength, null);
        var when = List(rule, path, "when", MaxPhraseLength, null);
        var appliesTo = List(rule, path, "appliesTo", 50, DocumentType());
        var detector = Choice(rule, path, "detector", s_detectors, required: false);
        if (rule.TryGetProperty("negatable", out var negatable) && negatable.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Add($"{path}.negatable", RuleSetProblem.WrongType, "true/false");
        }

        Localised(rule, path, "explanation", required: true);
        Localised(rule, path, "suggestion", required: false);
        Text(rule, path, "source", 200, required: true);

        foreach (var (property, list) in new[] { ("phrases", phrases), ("exceptions", exceptions), ("when", when) })
        {
            // A phrase of only spaces or zero-width characters folds to nothing and would match everywhere.
            foreach (var phrase in list.Where(p => TextNormaliser.Normalise(p, NormalisationOptions.Matching).Text.Length == 0))
            {
                Add($"{path}.{property}", RuleSetProblem.Empty, phrase);
            }
        }

        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                CompilePattern(patterns[i]);
            }
            catch (ArgumentException e)
            {
                Add($"{path}.patterns[{i}]", RuleSetProblem.BadPattern, e.Message);
            }
        }

        foreach (var type in appliesTo.Where(t => !documentTypes.Contains(t, StringComparer.Ordinal)))
        {
            Add($"{path}.appliesTo", RuleSetProblem.UnknownDocumentType, type);
        }

        void NotFor(string property, int count)
        {
            if (count > 0)
            {
                Add($"{path}.{property}", RuleSetProblem.NotForThisKind, kind);
            }
        }

        switch (kind)
        {
            case "phrase":
                NotFor("patterns", patterns.Count);
                NotFor("when", when.Count);
                NotFor("detector", detector is null ? 0 : 1);
                if (phrases.Count == 0)
                {
                    Add($"{path}.phrases", RuleSetProblem.NothingToFind);
                }

                break;
            case "pattern":
                NotFor("phrases", phrases.Count);
                NotFor("when", when.Count);
                NotFor("detector", detector is null ? 0 : 1);
                if (patterns.Count == 0)
                {
                    Add($"{path}.patterns", RuleSetProblem.NothingToFind);
                }

                break;
            case "disclosure":
                NotFor("exceptions", exceptions.Count);
                NotFor("detector", detector is null ? 0 : 1);
                if (phrases.Count + patterns.Count == 0)
                {
                    Add($"{path}.phrases", RuleSetProblem.NothingToFind);
                }

                if (appliesTo.Count == 0)
                {
                    Add($"{path}.appliesTo", RuleSetProblem.NeedsDocumentTypes);
                }

                break;
            case "personal-data":
                NotFor("phrases", phrases.Count);
                NotFor("patterns", patterns.Count);
                NotFor("exceptions", exceptions.Count);
                NotFor("when", when.Count);
                if (detector is null)
                {
                    Add($"{path}.detector", RuleSetProblem.NeedsDetector, string.Join(", ", s_detectors));
                }

                break;
        }

        return id;
    }

    private void Known(JsonElement element, string path, string[] known)
    {
        foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            Add($"{path}.{property.Name}", RuleSetProblem.UnknownProperty, string.Join(", ", known));
        }
    }

    private string? Text(JsonElement element, string path, string name, int maxLength, bool required)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add($"{path}.{name}", RuleSetProblem.Missing);
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add($"{path}.{name}", RuleSetProblem.WrongType, "string");
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Add($"{path}.{name}", RuleSetProblem.Empty);
            return null;
        }

        if (text.Length > maxLength)
        {
            Add($"{path}.{name}", RuleSetProblem.TooLong, maxLength.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        return text;
    }

    private string? Identifier(JsonElement element, string path, string name, Regex shape)
    {
        var text = Text(element, path, name, 64, required: true);
        if (text is not null && !shape.IsMatch(text))
        {
            Add($"{path}.{name}", RuleSetProblem.BadIdentifier, text);
            return null;
        }

        return text;
    }

    private string? Choice(JsonElement element, string path, string name, string[] allowed, bool required)
    {
        var text = Text(element, path, name, 50, required);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
        {
            Add($"{path}.{name}", RuleSetProblem.UnknownValue, $"{text} → {string.Join(" | ", allowed)}");
            return null;
        }

        return text;
    }

    private void Localised(JsonElement element, string path, string name, bool required)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add($"{path}.{name}", RuleSetProblem.Missing);
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add($"{path}.{name}", RuleSetProblem.WrongType, "{ \"zh\": …, \"en\": … }");
            return;
        }

        Known(value, $"{path}.{name}", ["zh", "en"]);
        Text(value, $"{path}.{name}", "zh", MaxTextLength, required: true);
        Text(value, $"{path}.{name}", "en", MaxTextLength, required: false);
    }

    private List<string> List(JsonElement element, string path, string name, int maxItemLength, Regex? shape)
    {
        var items = new List<string>();
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return items;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Add($"{path}.{name}", RuleSetProblem.WrongType, "array of strings");
            return items;
        }

        if (value.GetArrayLength() > MaxListItems)
        {
            Add($"{path}.{name}", RuleSetProblem.TooMany, MaxListItems.ToString(CultureInfo.InvariantCulture));
            return items;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}.{name}[{index++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                Add(itemPath, RuleSetProblem.WrongType, "string");
            }
            else if (item.GetString() is not { } text || string.IsNullOrWhiteSpace(text))
            {
                Add(itemPath, RuleSetProblem.Empty);
            }
            else if (text.Length > maxItemLength)
            {
                Add(itemPath, RuleSetProblem.TooLong, maxItemLength.ToString(CultureInfo.InvariantCulture));
            }
            else if (shape is not null && !shape.IsMatch(text))
            {
                Add(itemPath, RuleSetProblem.BadIdentifier, text);
            }
            else
            {
                items.Add(text);
            }
        }

        return items;
    }

    private void Add(string path, RuleSetProblem problem, string? detail = null) => _errors.Add(new RuleSetError(path, problem, detail));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    public static partial Regex SetId();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex RuleId();

    [GeneratedRegex("^[a-z0-9_]{1,50}$")]
    private static partial Regex Category();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex DocumentType();
}
