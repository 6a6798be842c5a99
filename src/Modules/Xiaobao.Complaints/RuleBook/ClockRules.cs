using Xiaobao.Kernel.Calendar;

namespace Xiaobao.Complaints.RuleBook;

/// <summary>An event during which the decision period does not run; its id is the pause kind the taxonomy names.</summary>
/// <param name="Id">The pause kind, e.g. "external_appraisal".</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="CustomerNotice">Whether the complainant must be told of the pause.</param>
public sealed record PauseRule(string Id, RuleSource Source, RuleConfidence Status, NoticeRequirement CustomerNotice)
    : ComplaintRule(Id, Source, Status);

/// <summary>What a repeat of the same complaint does.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="NewFactsRestartPeriod">
/// Whether a repeat that brings new facts and reasons restarts the decision period from its receipt; a repeat
/// without them is linked to the open complaint and changes no deadline.
/// </param>
/// <param name="LinkWindow">How long after a complaint's receipt a new one from the same complainant or on the same
/// policy is linked to it as a repeat.</param>
/// <param name="LinkWindowStatus">How sure the rule book is of the window.</param>
public sealed record RepeatRule(
    string Id, RuleSource Source, RuleConfidence Status, bool NewFactsRestartPeriod, PeriodRule LinkWindow, RuleConfidence LinkWindowStatus)
    : ComplaintRule(Id, Source, Status);

/// <summary>A withdrawal ends the procedure on the day the request is received.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
public sealed record WithdrawalRule(string Id, RuleSource Source, RuleConfidence Status)
    : ComplaintRule(Id, Source, Status);

/// <summary>Re-examination of a decision by an upper-level organisation at the complainant's request (核查).</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="RequestWindow">How long the complainant may apply, counted from receiving the decision.</param>
/// <param name="DecisionPeriod">How long the verifying organisation has to decide and tell, counted from the application.</param>
/// <param name="RequiresUpperLevel">Whether only a decision of an organisation below the top may be verified.</param>
public sealed record VerificationRule(
    string Id, RuleSource Source, RuleConfidence Status, PeriodRule RequestWindow, PeriodRule DecisionPeriod, bool RequiresUpperLevel)
    : ComplaintRule(Id, Source, Status);

/// <summary>How every period of the rule set is counted; applied to each period the set defines.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="StartExclusive">Count from the day after the triggering event.</param>
/// <param name="RollForwardIfRestDay">Move a period ending on a rest day to the first day after the rest.</param>
public sealed record PeriodCountingRule(string Id, RuleSource Source, RuleConfidence Status, bool StartExclusive, bool RollForwardIfRestDay)
    : ComplaintRule(Id, Source, Status)
{
    /// <summary>A period of <paramref name="length"/> <paramref name="unit"/>s counted this way.</summary>
    public PeriodRule Period(int length, PeriodUnit unit) => new(length, unit, StartExclusive, RollForwardIfRestDay);
}
