using Xiaobao.Complaints.Deadlines;
using Xiaobao.Complaints.Domain.Events;
using Xiaobao.Complaints.Domain.Rules;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Complaints.Taxonomy;
using Xiaobao.Kernel.Calendar;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.Domain;

public sealed partial class Complaint
{
    /// <summary>Decides the complaint, or during verification the verification request.</summary>
    /// <param name="decision">Outcome, how verified, grounds, redress.</param>
    /// <param name="rules">The complaint's rule version, which names the parts a decision may not leave empty.</param>
    /// <param name="stamp">Who, when.</param>
    /// <exception cref="ValidationFailedException">A required part is empty or the redress is negative.</exception>
    public void Decide(ComplaintDecision decision, ComplaintRuleSet rules, EventStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(decision);
        RequireOwn(rules);
        Guard(ComplaintAction.Decide, stamp);
        BusinessRules.Check(new ClockMustBeRunning(PausedFor));

        var errors = new FieldErrors();
        foreach (var (content, field, value) in new[]
        {
            (DecisionContent.HowVerified, "howVerified", decision.HowVerified),
            (DecisionContent.Grounds, "grounds", decision.Grounds),
        })
        {
            if (rules.DecisionNotice.RequiredContents.Contains(content) && string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, UiText.Get("Validation.Required"));
            }
        }

        if (decision.RedressAmount < 0)
        {
            errors.Add("redressAmount", UiText.Get("Error.Complaint.Amount"));
        }

        ThrowIfAny(errors);
        Append(new ComplaintDecided(stamp, ActingOrganisation, Stage, decision));
    }

    /// <summary>Records that the complainant was told the decision: channel, times and proof.</summary>
    /// <param name="notice">The notice; it counts at the moment its channel's rule names.</param>
    /// <param name="rules">The complaint's rule version.</param>
    /// <param name="stamp">Who recorded it, when.</param>
    public void Notify(ComplaintNotice notice, ComplaintRuleSet rules, EventStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(notice);
        RequireOwn(rules);
        Guard(ComplaintAction.Notify, stamp);
        NoticeChecks.Check(rules.Notification, new NoticeRequirement(NoticeLevel.Required, rules.Notification.Status), notice, _lastDecidedAt, stamp.RecordedAt);
        Append(new ComplainantNotified(stamp, ActingOrganisation, Stage, notice));
    }

    /// <summary>Closes the complaint with its root cause and, for an internal cause, a rectification item.</summary>
    /// <param name="rootCause">The root cause from the taxonomy (<see cref="ComplaintTaxonomy.RootCause"/>).</param>
    /// <param name="rectification">The fix, required for an internal cause.</param>
    /// <param name="rules">The complaint's rule version, for the market's calendar day.</param>
    /// <param name="stamp">Who, when.</param>
    public void Close(RootCauseCategory? rootCause, RectificationItem? rectification, ComplaintRuleSet rules, EventStamp stamp)
    {
        RequireOwn(rules);
        Guard(ComplaintAction.Close, stamp);
        BusinessRules.Check(new ClosureRequiresRootCause(rootCause));
        BusinessRules.Check(new InternalCauseRequiresRectification(rootCause!, rectification));
        BusinessRules.Check(new RectificationMustBeDueAfterClosure(rectification, rules.DayOf(stamp.At)));
        Append(new ComplaintClosed(stamp, ActingOrganisation, rootCause!.Code, rootCause.IsInternal, rectification));
    }

    /// <summary>Reopens a closed complaint; it goes back to investigation (or verification) without a new deadline.</summary>
    public void Reopen(string reason, EventStamp stamp)
    {
        Guard(ComplaintAction.Reopen, stamp);
        Append(new ComplaintReopened(stamp, ActingOrganisation, reason));
    }

    /// <summary>Records the complainant's application for verification by an upper-level organisation.</summary>
    /// <param name="verifying">The organisation that verifies; it must lie above the deciding one.</param>
    /// <param name="rules">The complaint's rule version.</param>
    /// <param name="calendar">The holiday calendar, for the application window.</param>
    /// <param name="stamp">Who, and when the application was received.</param>
    public void RequestVerification(OrganisationUnit verifying, ComplaintRuleSet rules, HolidayCalendar calendar, EventStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(verifying);
        RequireOwn(rules);
        Guard(ComplaintAction.RequestVerification, stamp);
        BusinessRules.Check(new VerificationOnlyOnce(Stage));
        var decidedBy = DecidedBy!;
        BusinessRules.Check(new VerificationMustBeAvailable(rules, decidedBy));
        BusinessRules.Check(new VerifyingOrganisationMustBeAbove(decidedBy, verifying));
        var window = ComplaintClock.Compute(_history, rules, calendar, stamp.At).Verification!.WindowCloses;
        BusinessRules.Check(new VerificationRequestMustBeInWindow(window, stamp.At));
        Append(new VerificationRequested(stamp, decidedBy, verifying));
    }
}
