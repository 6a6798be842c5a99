using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Text.Phrases;

namespace Xiaobao.TextEngine.Features.RuleSets;

/// <summary>Words the text library's rule-set problems in the caller's language, keyed by the JSON path they concern.</summary>
public static class RuleSetErrors
{
    public static FieldErrors ToFieldErrors(IEnumerable<RuleSetError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var fields = new FieldErrors();
        foreach (var error in errors)
        {
            fields.Add(error.Path == "$" ? "document" : error.Path.TrimStart('$', '.'), Message(error));
        }

        return fields;
    }

    public static string Message(RuleSetError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return UiText.Format($"Text.RuleSetProblem.{error.Problem}", error.Detail ?? string.Empty);
    }
}
