using System.Text.Json;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.RuleBook;

/// <summary>Parses a rule or taxonomy file and turns collected errors into one exception.</summary>
internal static class RuleFile
{
    private static readonly JsonDocumentOptions _options = new() { CommentHandling = JsonCommentHandling.Skip };

    public static T Parse<T>(string json, string what, Func<JsonDocument, List<RuleDataError>, T?> read)
        where T : class
    {
        try
        {
            using var document = JsonDocument.Parse(json, _options);
            return Finish(document, what, read);
        }
        catch (JsonException e)
        {
            throw Malformed(what, e);
        }
    }

    public static T Parse<T>(Stream json, string what, Func<JsonDocument, List<RuleDataError>, T?> read)
        where T : class
    {
        try
        {
            using var document = JsonDocument.Parse(json, _options);
            return Finish(document, what, read);
        }
        catch (JsonException e)
        {
            throw Malformed(what, e);
        }
    }

    private static T Finish<T>(JsonDocument document, string what, Func<JsonDocument, List<RuleDataError>, T?> read)
        where T : class
    {
        var errors = new List<RuleDataError>();
        var result = read(document, errors);
        return errors.Count == 0 && result is not null ? result : throw new ComplaintRuleDataException(errors);
    }

    private static ComplaintRuleDataException Malformed(string what, JsonException e) =>
        new([new RuleDataError(what, e.Path ?? "$", "json", UiText.Format("Error.ComplaintRules.Json", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1))]);
}
