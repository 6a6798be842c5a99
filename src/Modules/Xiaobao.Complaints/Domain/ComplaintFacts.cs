namespace Xiaobao.Complaints.Domain;

/// <summary>
/// The facts about a complaint that rules look at: major-complaint criteria and escalation triggers. Codes come from
/// the market's taxonomy. Nothing here identifies the complainant; personal data lives in the personal-data layer.
/// </summary>
public sealed record ComplaintFacts
{
    /// <summary>The intake channel code.</summary>
    public required string Channel { get; init; }

    /// <summary>How many people complain together; 1 for a single complainant.</summary>
    public int PeopleCount { get; init; } = 1;

    /// <summary>How many representatives a joint complaint chose; 0 for a single complainant.</summary>
    public int Representatives { get; init; }

    /// <summary>Vulnerability flag codes of the complainant.</summary>
    public IReadOnlyList<string> VulnerabilityFlags { get; init; } = [];

    /// <summary>The amount in dispute in the rule set's currency, when there is one.</summary>
    public decimal? AmountInDispute { get; init; }

    /// <summary>Whether the complainant threatens or has gone to the media.</summary>
    public bool MediaRisk { get; init; }

    /// <summary>The event-cause code when the complaint arises from a disaster, accident or public-health event.</summary>
    public string? EventCause { get; init; }

    /// <summary>Whether the regulator designated the complaint major.</summary>
    public bool RegulatorDesignatedMajor { get; init; }

    /// <summary>Whether the complaint repeats an earlier one (linked at intake by complainant or policy).</summary>
    public bool IsRepeat { get; init; }
}

/// <summary>Where a complaint falls on the regulator's two axes, and the suspected-violation flag.</summary>
/// <param name="BusinessType">The business-type code; null until classified.</param>
/// <param name="Reason">The complaint-reason code; null until classified.</param>
/// <param name="SuspectedViolation">Whether a violation of laws or regulations is suspected.</param>
public sealed record ComplaintClassification(string? BusinessType, string? Reason, bool SuspectedViolation)
{
    /// <summary>Not classified yet (allowed at intake).</summary>
    public static ComplaintClassification None { get; } = new(null, null, false);
}
