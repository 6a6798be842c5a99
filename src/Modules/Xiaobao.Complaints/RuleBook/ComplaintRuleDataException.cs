namespace Xiaobao.Complaints.RuleBook;

/// <summary>One problem in complaint rule or taxonomy data.</summary>
/// <param name="Rule">The id of the rule (or the section, when the rule has no id yet) the problem is in.</param>
/// <param name="Field">The JSON path of the offending field inside the file, e.g. "extensions[1].totalPeriod.length".</param>
/// <param name="Code">A stable code: json, missing, invalid, unknown-field, duplicate, order, unknown-source, unknown-code, overlap, no-taxonomy.</param>
/// <param name="Message">A description in the current UI language.</param>
public sealed record RuleDataError(string Rule, string Field, string Code, string Message);

/// <summary>Complaint rule or taxonomy data was refused; <see cref="Errors"/> lists every problem found, not only the first.</summary>
public sealed class ComplaintRuleDataException : Exception
{
    /// <summary>Refuses data for <paramref name="errors"/>.</summary>
    public ComplaintRuleDataException(IReadOnlyList<RuleDataError> errors)
        : base(string.Join(Environment.NewLine, (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.Message)))
    {
        Errors = errors;
    }

    /// <summary>Refuses data with no itemised errors.</summary>
    public ComplaintRuleDataException()
        : this([])
    {
    }

    /// <summary>Refuses data with one message.</summary>
    public ComplaintRuleDataException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Refuses data with one message and its cause.</summary>
    public ComplaintRuleDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RuleDataError> Errors { get; }
}
