using System.Globalization;
using System.Text.Json;
using Xiaobao.Kernel.Calendar;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.RuleBook;

/// <summary>Which market a rule or taxonomy file is for, its version label and effective range.</summary>
internal readonly record struct VersionHeader(string Market, string Version, DateOnly From, DateOnly? To);

/// <summary>
/// One JSON object of a rule or taxonomy file, read field by field. Every problem is added to a shared error list,
/// named after the rule being read, and reading carries on so one pass reports everything that is wrong.
/// Fields the object does not expect are errors too: a misspelt threshold must not be silently ignored.
/// </summary>
internal sealed class RuleNode
{
    private static readonly Dictionary<string, PeriodUnit> _units = new(StringComparer.Ordinal)
    {
        ["calendar_day"] = PeriodUnit.CalendarDay,
        ["working_day"] = PeriodUnit.WorkingDay,
        ["week"] = PeriodUnit.Week,
        ["month"] = PeriodUnit.Month,
    };

    private readonly JsonElement _element;
    private readonly List<RuleDataError> _errors;

    private RuleNode(JsonElement element, string rule, string path, List<RuleDataError> errors, IReadOnlyCollection<string> fields)
    {
        _element = element;
        Rule = rule;
        Path = path;
        _errors = errors;
        foreach (var property in element.EnumerateObject().Where(p => !fields.Contains(p.Name)))
        {
            Add(property.Name, "unknown-field", UiText.Format("Error.ComplaintRules.UnknownField", Rule, Child(property.Name)));
        }
    }

    /// <summary>The rule id errors are reported under.</summary>
    public string Rule { get; private set; }

    /// <summary>The JSON path of this object.</summary>
    public string Path { get; }

    /// <summary>The root object of a file, or null (with an error) when the text is not a JSON object.</summary>
    public static RuleNode? Root(JsonDocument document, string rule, List<RuleDataError> errors, params string[] fields)
    {
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return new RuleNode(document.RootElement, rule, "$", errors, fields);
        }

        errors.Add(new RuleDataError(rule, "$", "invalid", UiText.Format("Error.ComplaintRules.Invalid", rule, "$", "{…}")));
        return null;
    }

    /// <summary>Names later errors after <paramref name="rule"/>, usually the object's own id once read.</summary>
    public RuleNode As(string? rule)
    {
        if (!string.IsNullOrWhiteSpace(rule))
        {
            Rule = rule;
        }

        return this;
    }

    /// <summary>
    /// The "market", "version", "effectiveFrom" and "effectiveTo" every rule and taxonomy file starts with; later errors
    /// are named after the version. Null when any is missing or the range is reversed.
    /// </summary>
    public VersionHeader? Version()
    {
        var market = String("market");
        var version = String("version");
        As(version);
        var from = Date("effectiveFrom");
        var to = Date("effectiveTo", required: false);
        if (to < from)
        {
            Add("effectiveTo", "order", UiText.Format("Error.ComplaintRules.EffectiveRange", Rule));
            return null;
        }

        return market is not null && version is not null && from is { } f ? new VersionHeader(market, version, f, to) : null;
    }

    public void Add(string field, string code, string message) => _errors.Add(new RuleDataError(Rule, Child(field), code, message));

    public void Invalid(string field, string expected) =>
        Add(field, "invalid", UiText.Format("Error.ComplaintRules.Invalid", Rule, Child(field), expected));

    public bool Has(string name) => _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string name, bool required = true)
    {
        if (!Value(name, required, JsonValueKind.String, "\"…\"", out var value))
        {
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            Missing(name);
            return null;
        }

        return text;
    }

    public int? Int(string name, int minimum, bool required = true) =>
        Value(name, required, JsonValueKind.Number, $"≥ {minimum}", out var value) && value.TryGetInt32(out var number) && number >= minimum
            ? number
            : Fail<int>(name, $"≥ {minimum}");

    public decimal? Decimal(string name, decimal minimum, bool required = true) =>
        Value(name, required, JsonValueKind.Number, $"≥ {minimum}", out var value) && value.TryGetDecimal(out var number) && number >= minimum
            ? number
            : Fail<decimal>(name, $"≥ {minimum.ToString(CultureInfo.InvariantCulture)}");

    public bool? Bool(string name, bool required = true)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Missing(name);
            }

            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Invalid(name, "true | false");
        return null;
    }

    public DateOnly? Date(string name, bool required = true)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Invalid(name, "yyyy-MM-dd");
        return null;
    }

    /// <summary>A code that must be one of <paramref name="allowed"/>'s keys.</summary>
    public T? Code<T>(string name, IReadOnlyDictionary<string, T> allowed, bool required = true)
        where T : struct
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (allowed.TryGetValue(text, out var value))
        {
            return value;
        }

        Invalid(name, string.Join(" | ", allowed.Keys));
        return null;
    }

    /// <summary>A list of non-empty, distinct strings.</summary>
    public IReadOnlyList<string>? Strings(string name, bool required = true)
    {
        if (!Value(name, required, JsonValueKind.Array, "[\"…\"]", out var value))
        {
            return null;
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var field = $"{name}[{index++}]";
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                Invalid(field, "\"…\"");
            }
            else if (items.Contains(item.GetString()!.Trim()))
            {
                Add(field, "duplicate", UiText.Format("Error.ComplaintRules.Duplicate", Rule, item.GetString()));
            }
            else
            {
                items.Add(item.GetString()!.Trim());
            }
        }

        return items;
    }

    public RuleNode? Object(string name, IReadOnlyCollection<string> fields, bool required = true) =>
        Value(name, required, JsonValueKind.Object, "{…}", out var value)
            ? new RuleNode(value, Rule, Child(name), _errors, fields)
            : null;

    /// <summary>The objects of an array; each is named after its <paramref name="idField"/> when it has one, else after this rule.</summary>
    public IReadOnlyList<RuleNode> Objects(string name, IReadOnlyCollection<string> fields, bool required = true, string idField = "id", string idPrefix = "")
    {
        if (!Value(name, required, JsonValueKind.Array, "[{…}]", out var value))
        {
            return [];
        }

        var nodes = new List<RuleNode>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"{name}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                Invalid(path, "{…}");
                continue;
            }

            var id = item.TryGetProperty(idField, out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
            nodes.Add(new RuleNode(item, string.IsNullOrWhiteSpace(id) ? Rule : idPrefix + id, Child(path), _errors, fields));
        }

        return nodes;
    }

    /// <summary>A period <c>{"length": n, "unit": "calendar_day|working_day|week|month"}</c> counted by <paramref name="counting"/>.</summary>
    public PeriodRule? Period(string name, PeriodCountingRule? counting, bool required = true)
    {
        var node = Object(name, ["length", "unit"], required);
        if (node is null)
        {
            return null;
        }

        var length = node.Int("length", 1);
        var unit = node.Code("unit", _units);
        return length is { } l && unit is { } u && counting is not null ? counting.Period(l, u) : null;
    }

    /// <summary>The rule's "source" object; its id must be one of <paramref name="sources"/>.</summary>
    public RuleSource? Source(IReadOnlyCollection<string> sources)
    {
        var node = Object("source", ["id", "article"]);
        var id = node?.String("id");
        if (id is not null && !sources.Contains(id))
        {
            node!.Add("id", "unknown-source", UiText.Format("Error.ComplaintRules.UnknownSource", Rule, id));
            return null;
        }

        return id is null ? null : new RuleSource(id, node!.String("article", required: false));
    }

    public RuleConfidence? Status(string name = "status")
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (RuleConfidenceCodes.TryParse(text, out var status))
        {
            return status;
        }

        Invalid(name, "V | V2 | M | ? | policy");
        return null;
    }

    private string Child(string name) => $"{Path}.{name}";

    private void Missing(string name) => Add(name, "missing", UiText.Format("Error.ComplaintRules.Missing", Rule, Child(name)));

    private bool Value(string name, bool required, JsonValueKind kind, string expected, out JsonElement value)
    {
        if (!_element.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Missing(name);
            }

            return false;
        }

        if (value.ValueKind != kind)
        {
            Invalid(name, expected);
            return false;
        }

        return true;
    }

    private T? Fail<T>(string name, string expected)
        where T : struct
    {
        // Value() already reported a missing field or a wrong JSON kind; only a present number out of range is left.
        if (_element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            Invalid(name, expected);
        }

        return null;
    }
}
