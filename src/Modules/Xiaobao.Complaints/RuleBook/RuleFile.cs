using System.Text.Json;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.RuleBook;

/// <summary>Parses a rule or taxonomy file and turns the errors its reader collected into one exception.</summary>
internal static class RuleFile
{
    private static readonly JsonDocumentOptions _options = new() { CommentHandling = JsonCommentHandling.Skip };

    public static T Parse<T>(string json, string what, Func<JsonDocument, List<RuleDataError>, T?> read)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, _options);
        }
        catch (JsonException e)
        {
            var message = UiText.Format("Error.ComplaintRules.Json", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
            throw new ComplaintRuleDataException([new RuleDataError(what, e.Path ?? "$", "json", message)]);
        }

        using (document)
        {
            var errors = new List<RuleDataError>();
            var result = read(document, errors);
            return errors.Count == 0 && result is not null ? result : throw new ComplaintRuleDataException(errors);
        }
    }
}
