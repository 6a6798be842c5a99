using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Xiaobao.Text.Phrases;

/// <summary>
/// The JSON form of a <see cref="RuleSet"/>: what Xiaobao ships, exports and imports. Reading validates the whole
/// document against the format first (<see cref="RuleSetValidator"/>) and reports every problem with its JSON path.
/// </summary>
public static class RuleSetJson
{
    /// <summary>Largest document accepted, in characters.</summary>
    public const int MaxDocumentLength = 8 * 1024 * 1024;

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },

        // Rule sets are read by people: Chinese stays Chinese instead of \u escapes. Never embedded in HTML unescaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyLists } },
    };

    /// <summary>Parses and validates a rule-set document; throws <see cref="RuleSetFormatException"/> listing every problem.</summary>
    public static RuleSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxDocumentLength)
        {
            throw new RuleSetFormatException([new RuleSetError("$", RuleSetProblem.TooLong, MaxDocumentLength.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}" : null;
            throw new RuleSetFormatException([new RuleSetError("$", RuleSetProblem.NotJson, where)]);
        }

        using (document)
        {
            var errors = RuleSetValidator.Validate(document.RootElement);
            if (errors.Count > 0)
            {
                throw new RuleSetFormatException(errors);
            }

            return document.RootElement.Deserialize<RuleSet>(s_options)
                ?? throw new RuleSetFormatException([new RuleSetError("$", RuleSetProblem.NotAnObject)]);
        }
    }

    public static string Write(RuleSet ruleSet) => JsonSerializer.Serialize(ruleSet, s_options);

    private static void OmitEmptyLists(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (typeof(ICollection).IsAssignableFrom(property.PropertyType) || property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                property.ShouldSerialize = (_, value) => value is not ICollection { Count: 0 };
            }
        }
    }
}
