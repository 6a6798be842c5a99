using Xiaobao.Kernel.Calendar;

namespace Xiaobao.Complaints.RuleBook;

/// <summary>The period in which a complaint must be decided and the complainant told, counted from receipt.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="Period">The period without extension.</param>
public sealed record DecisionRule(string Id, RuleSource Source, RuleConfidence Status, PeriodRule Period)
    : ComplaintRule(Id, Source, Status);

/// <summary>One step of extending the decision period.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="Level">1 for the first extension, 2 for the second; steps are taken in order.</param>
/// <param name="TotalPeriod">The whole decision period once this step is granted, counted from receipt.</param>
/// <param name="Approval">Who must approve the step.</param>
/// <param name="CustomerNotice">Whether the complainant must be told.</param>
public sealed record ExtensionStep(
    string Id, RuleSource Source, RuleConfidence Status, int Level, PeriodRule TotalPeriod,
    ApprovalRequirement Approval, NoticeRequirement CustomerNotice)
    : ComplaintRule(Id, Source, Status);

/// <summary>Who may approve a step. Any one listed approver suffices; an empty list means no approval is needed.</summary>
/// <param name="Approvers">The acceptable approvers.</param>
/// <param name="Status">How sure the rule book is of this part of the rule.</param>
public sealed record ApprovalRequirement(IReadOnlyList<ApproverRule> Approvers, RuleConfidence Status)
{
    /// <summary>Whether some approval is needed at all.</summary>
    public bool IsRequired => Approvers.Count > 0;
}

/// <summary>An acceptable approver: a role held at an organisation placed relative to the handling organisation.</summary>
/// <param name="Role">The role code, as the access module names roles.</param>
/// <param name="Organisation">Where the approver's organisation must sit.</param>
public sealed record ApproverRule(string Role, ApproverPlacement Organisation);

/// <summary>Where an approver's organisation sits relative to the organisation handling the complaint.</summary>
public enum ApproverPlacement
{
    /// <summary>The handling organisation itself.</summary>
    Handling,

    /// <summary>The handling organisation or any organisation above it.</summary>
    HandlingOrAbove,

    /// <summary>Any organisation above the handling organisation.</summary>
    AboveHandling,

    /// <summary>The top of the hierarchy (the head office).</summary>
    Top,
}

/// <summary>Whether the complainant must be told of a step.</summary>
/// <param name="Requirement">How strongly.</param>
/// <param name="Status">How sure the rule book is of this part of the rule.</param>
public sealed record NoticeRequirement(NoticeLevel Requirement, RuleConfidence Status)
{
    /// <summary>No notice needed.</summary>
    public static NoticeRequirement None { get; } = new(NoticeLevel.None, RuleConfidence.Verified);
}

/// <summary>How strongly a notice to the complainant is called for.</summary>
public enum NoticeLevel
{
    /// <summary>No notice is called for.</summary>
    None,

    /// <summary>A notice is advised; its absence is not refused.</summary>
    Recommended,

    /// <summary>The step is refused without a notice.</summary>
    Required,
}
