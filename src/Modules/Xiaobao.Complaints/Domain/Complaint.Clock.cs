using Xiaobao.Complaints.Deadlines;
using Xiaobao.Complaints.Domain.Events;
using Xiaobao.Complaints.Domain.Rules;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Kernel.Calendar;

namespace Xiaobao.Complaints.Domain;

public sealed partial class Complaint
{
    /// <summary>Stops the decision clock for an event the rules name (external appraisal, mediation).</summary>
    /// <param name="kind">The pause kind.</param>
    /// <param name="notice">The notice to the complainant, when the rule requires one.</param>
    /// <param name="rules">The complaint's rule version.</param>
    /// <param name="stamp">Who, and when the event began.</param>
    public void Pause(string kind, ComplaintNotice? notice, ComplaintRuleSet rules, EventStamp stamp)
    {
        RequireOwn(rules);
        Guard(ComplaintAction.Pause, stamp);
        BusinessRules.Check(new ClockMustBeRunning(PausedFor));
        BusinessRules.Check(new PauseKindMustBeAllowed(rules, kind));
        NoticeChecks.Check(rules.Notification, rules.Pause(kind)!.CustomerNotice, notice, ReceivedAt, stamp.RecordedAt);
        Append(new ClockPaused(stamp, Organisation, kind, notice));
    }

    /// <summary>Restarts the stopped clock.</summary>
    /// <param name="stamp">Who, and when the pausing event ended.</param>
    public void Resume(EventStamp stamp)
    {
        Guard(ComplaintAction.Resume, stamp);
        BusinessRules.Check(new ClockMustBePaused(PausedFor));
        Append(new ClockResumed(stamp, Organisation));
    }

    /// <summary>Extends the decision period by the next step, with the approval and notice the step requires.</summary>
    /// <param name="level">The step asked for; must be the next one.</param>
    /// <param name="reason">Why the case needs more time.</param>
    /// <param name="approval">The approval, when the step requires one.</param>
    /// <param name="notice">The notice to the complainant, when the step requires one.</param>
    /// <param name="rules">The complaint's rule version.</param>
    /// <param name="calendar">The holiday calendar, to check the current deadline has not passed.</param>
    /// <param name="stamp">Who, when.</param>
    public void Extend(int level, string reason, ExtensionApproval? approval, ComplaintNotice? notice, ComplaintRuleSet rules, HolidayCalendar calendar, EventStamp stamp)
    {
        RequireOwn(rules);
        Guard(ComplaintAction.Extend, stamp);
        BusinessRules.Check(new ExtensionMustBeNextStep(rules, ExtensionLevel, level));
        var step = rules.Extension(level)!;
        BusinessRules.Check(new ExtensionApproverMustBeEntitled(step, approval, Organisation));
        NoticeChecks.Check(rules.Notification, step.CustomerNotice, notice, ReceivedAt, stamp.RecordedAt);
        var current = ComplaintClock.Compute(_history, rules, calendar, stamp.At).Decision.Decision.Due;
        BusinessRules.Check(new ExtensionMustPrecedeDeadline(current, stamp.At));
        Append(new DeadlineExtended(stamp, Organisation, level, reason, approval, notice));
    }

    /// <summary>
    /// Records a repeat of the complaint within the handling period. With new facts, and where the rules say so, the
    /// decision period restarts from the repeat's receipt; without, it is only linked.
    /// </summary>
    /// <param name="linkedComplaintId">The record the repeat arrived as, when it was registered separately and merged.</param>
    /// <param name="newFacts">Whether it brings new facts and reasons.</param>
    /// <param name="rules">The complaint's rule version.</param>
    /// <param name="stamp">Who, and when the repeat was received.</param>
    public void RecordRepeat(Guid? linkedComplaintId, bool newFacts, ComplaintRuleSet rules, EventStamp stamp)
    {
        RequireOwn(rules);
        Guard(ComplaintAction.RecordRepeat, stamp);
        var restarts = newFacts && rules.Repeat.NewFactsRestartPeriod;
        if (restarts)
        {
            BusinessRules.Check(new ClockMustBeRunning(PausedFor));
        }

        Append(new RepeatComplaintReceived(stamp, Organisation, linkedComplaintId, newFacts, restarts));
    }

    /// <summary>Records the complainant's withdrawal; the procedure ends on the day it was received.</summary>
    /// <param name="stamp">Who, and when the withdrawal request was received.</param>
    public void Withdraw(EventStamp stamp)
    {
        Guard(ComplaintAction.Withdraw, stamp);
        Append(new ComplaintWithdrawn(stamp, ActingOrganisation));
    }
}
