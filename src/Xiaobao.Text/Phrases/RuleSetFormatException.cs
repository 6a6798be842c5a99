namespace Xiaobao.Text.Phrases;

/// <summary>Why a part of a rule-set document is not accepted. Stable, so each host can word it in its own language.</summary>
public enum RuleSetProblem
{
    NotJson,
    NotAnObject,
    Missing,
    WrongType,
    UnknownProperty,
    UnknownValue,
    Empty,
    TooLong,
    TooMany,
    BadIdentifier,
    Duplicate,
    BadPattern,
    OutOfRange,
    NothingToFind,
    NeedsDocumentTypes,
    UnknownDocumentType,
    NeedsDetector,
    NotForThisKind,
}

/// <summary>One problem at one place: <see cref="Path"/> is a JSON path such as rules[3].severity.</summary>
public sealed record RuleSetError(string Path, RuleSetProblem Problem, string? Detail = null)
{
    public override string ToString() => Detail is null ? $"{Path}: {Problem}" : $"{Path}: {Problem} ({Detail})";
}

/// <summary>A rule-set document failed validation; <see cref="Errors"/> lists every problem found, not just the first.</summary>
public sealed class RuleSetFormatException : Exception
{
    public RuleSetFormatException(IReadOnlyList<RuleSetError> errors)
        : base($"The rule set is not valid: {string.Join("; ", errors.Take(5))}{(errors.Count > 5 ? $" and {errors.Count - 5} more" : string.Empty)}.")
    {
        Errors = errors;
    }

    public RuleSetFormatException()
        : this([])
    {
    }

    public RuleSetFormatException(string message)
        : base(message)
    {
        Errors = [];
    }

    public RuleSetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<RuleSetError> Errors { get; }
}
