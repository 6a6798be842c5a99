using System.Globalization;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Complaints.Taxonomy;
using Xiaobao.Kernel.Calendar;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.Domain.Rules;

/// <summary>A complaint is closed only with a root cause from the taxonomy.</summary>
internal sealed class ClosureRequiresRootCause(RootCauseCategory? rootCause) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.RootCauseRequired;

    public string Message => UiText.Get("Error.Complaint.RootCauseRequired");

    public bool IsBroken() => rootCause is null;
}

/// <summary>An internal root cause is closed only with a rectification item that has an action, an owner and a due date.</summary>
internal sealed class InternalCauseRequiresRectification(RootCauseCategory rootCause, RectificationItem? rectification) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.RectificationRequired;

    public string Message => UiText.Get("Error.Complaint.RectificationRequired");

    public bool IsBroken() => rootCause.IsInternal && (rectification is null || string.IsNullOrWhiteSpace(rectification.Action));
}

/// <summary>A rectification cannot be due before the complaint that found it is closed.</summary>
internal sealed class RectificationMustBeDueAfterClosure(RectificationItem? rectification, DateOnly closedOn) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.RectificationDue;

    public string Message => UiText.Get("Error.Complaint.RectificationDue");

    public bool IsBroken() => rectification is not null && rectification.DueOn < closedOn;
}

/// <summary>
/// Verification exists in the market's rules and, where the rules reserve it for decisions below the top, the
/// decision was not made at the top of the hierarchy.
/// </summary>
internal sealed class VerificationMustBeAvailable(ComplaintRuleSet rules, OrganisationUnit decidedBy) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.VerificationUnavailable;

    public string Message => UiText.Get("Error.Complaint.VerificationUnavailable");

    public bool IsBroken() => rules.Verification is null || (rules.Verification.RequiresUpperLevel && decidedBy.IsTop);
}

/// <summary>Verification is done by an organisation above the one that decided.</summary>
internal sealed class VerifyingOrganisationMustBeAbove(OrganisationUnit decidedBy, OrganisationUnit verifying) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.VerificationOrganisation;

    public string Message => UiText.Get("Error.Complaint.VerificationOrganisation");

    public bool IsBroken() => !verifying.IsAbove(decidedBy);
}

/// <summary>The request arrives inside the window that opened when the complainant received the decision.</summary>
internal sealed class VerificationRequestMustBeInWindow(Deadline window, DateTimeOffset receivedAt) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.VerificationWindow;

    public string Message => UiText.Format("Error.Complaint.VerificationWindow", window.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public bool IsBroken() => receivedAt >= window.DueAt;
}

/// <summary>A decision is verified once; after that the remedies are mediation, arbitration and litigation.</summary>
internal sealed class VerificationOnlyOnce(ComplaintStage stage) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.VerificationRepeated;

    public bool IsConflict => true;

    public string Message => UiText.Get("Error.Complaint.VerificationRepeated");

    public bool IsBroken() => stage == ComplaintStage.Verification;
}
