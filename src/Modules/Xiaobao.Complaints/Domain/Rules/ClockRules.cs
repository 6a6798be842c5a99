using System.Globalization;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Kernel.Calendar;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.Domain.Rules;

/// <summary>The clock stops only for the events the rules name.</summary>
internal sealed class PauseKindMustBeAllowed(ComplaintRuleSet rules, string kind) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.PauseKind;

    public string Message => UiText.Format("Error.Complaint.PauseKind", kind);

    public bool IsBroken() => rules.Pause(kind) is null;
}

/// <summary>Deciding, restarting or pausing again needs a running clock.</summary>
internal sealed class ClockMustBeRunning(string? pausedFor) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.ClockPaused;

    public bool IsConflict => true;

    public string Message => UiText.Get("Error.Complaint.ClockPaused");

    public bool IsBroken() => pausedFor is not null;
}

/// <summary>Only a stopped clock can be resumed.</summary>
internal sealed class ClockMustBePaused(string? pausedFor) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.ClockRunning;

    public bool IsConflict => true;

    public string Message => UiText.Get("Error.Complaint.ClockRunning");

    public bool IsBroken() => pausedFor is null;
}

/// <summary>Extensions are taken one step at a time, and only as many as the rules have.</summary>
internal sealed class ExtensionMustBeNextStep(ComplaintRuleSet rules, int currentLevel, int requestedLevel) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.ExtensionLevel;

    public string Message => rules.Extension(currentLevel + 1) is null
        ? UiText.Get("Error.Complaint.NoFurtherExtension")
        : UiText.Format("Error.Complaint.ExtensionLevel", currentLevel + 1);

    public bool IsBroken() => requestedLevel != currentLevel + 1 || rules.Extension(requestedLevel) is null;
}

/// <summary>The approver holds one of the step's roles at an organisation placed where the step requires.</summary>
internal sealed class ExtensionApproverMustBeEntitled(ExtensionStep step, ExtensionApproval? approval, OrganisationUnit handling) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.ExtensionApprover;

    public string Message => UiText.Format("Error.Complaint.ExtensionApprover", step.Level, string.Join(" / ", step.Approval.Approvers.Select(a => a.Role)));

    public bool IsBroken() =>
        step.Approval.IsRequired
        && (approval is null || !step.Approval.Approvers.Any(a => a.Role == approval.Role && Placed(a.Organisation, approval.Approver.Organisation)));

    private bool Placed(ApproverPlacement placement, OrganisationUnit approver) => placement switch
    {
        ApproverPlacement.Handling => approver.Id == handling.Id,
        ApproverPlacement.HandlingOrAbove => approver.Id == handling.Id || approver.IsAbove(handling),
        ApproverPlacement.AboveHandling => approver.IsAbove(handling),
        ApproverPlacement.Top => approver.IsTop,
        _ => false,
    };
}

/// <summary>A deadline is extended before it passes; extending afterwards would hide a breach.</summary>
internal sealed class ExtensionMustPrecedeDeadline(Deadline current, DateTimeOffset at) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.ExtensionLate;

    public string Message => UiText.Format("Error.Complaint.ExtensionLate", current.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public bool IsBroken() => at >= current.DueAt;
}

/// <summary>A complaint is declined only on a ground the rules list.</summary>
internal sealed class RejectionReasonMustBeAllowed(ComplaintRuleSet rules, string reason) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.RejectionReason;

    public string Message => UiText.Format("Error.Complaint.RejectionReason", reason);

    public bool IsBroken() => rules.Acceptance.Reason(reason) is null;
}
