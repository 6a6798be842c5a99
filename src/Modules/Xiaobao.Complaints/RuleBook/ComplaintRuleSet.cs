namespace Xiaobao.Complaints.RuleBook;

/// <summary>
/// One version of one market's complaint rules: every deadline, step, threshold and trigger the complaint module
/// applies, read from data (see <see cref="ComplaintRuleSetReader"/>). A complaint is handled under the version in
/// force on the day it was received, for its whole life.
/// </summary>
public sealed class ComplaintRuleSet
{
    internal ComplaintRuleSet(
        RuleSetId id,
        DateOnly effectiveFrom,
        DateOnly? effectiveTo,
        TimeZoneInfo timeZone,
        string currency,
        IReadOnlyList<RuleSourceDocument> sources,
        ComplaintRules rules)
    {
        Id = id;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        TimeZone = timeZone;
        Currency = currency;
        Sources = sources;
        Counting = rules.Counting;
        Acceptance = rules.Acceptance;
        Decision = rules.Decision;
        Extensions = rules.Extensions;
        Pauses = rules.Pauses;
        Repeat = rules.Repeat;
        Withdrawal = rules.Withdrawal;
        Verification = rules.Verification;
        Notification = rules.Notification;
        DecisionNotice = rules.DecisionNotice;
        GroupComplaint = rules.GroupComplaint;
        MajorComplaint = rules.MajorComplaint;
        Escalation = rules.Escalation;
    }

    /// <summary>Market and version.</summary>
    public RuleSetId Id { get; }

    /// <summary>The first receipt day (in <see cref="TimeZone"/>) the version applies to.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>The last receipt day the version applies to; null while it has no successor.</summary>
    public DateOnly? EffectiveTo { get; }

    /// <summary>The zone whose calendar days the market's periods count.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The ISO 4217 code of amounts in these rules and on complaints handled under them.</summary>
    public string Currency { get; }

    /// <summary>The documents the rules cite.</summary>
    public IReadOnlyList<RuleSourceDocument> Sources { get; }

    /// <summary>How the set's periods are counted.</summary>
    public PeriodCountingRule Counting { get; }

    /// <summary>Accepting or declining a complaint.</summary>
    public AcceptanceRule Acceptance { get; }

    /// <summary>The decision period before any extension.</summary>
    public DecisionRule Decision { get; }

    /// <summary>The extension steps in level order; empty when the market allows none.</summary>
    public IReadOnlyList<ExtensionStep> Extensions { get; }

    /// <summary>The events that stop the decision clock.</summary>
    public IReadOnlyList<PauseRule> Pauses { get; }

    /// <summary>What a repeat complaint does.</summary>
    public RepeatRule Repeat { get; }

    /// <summary>Withdrawal.</summary>
    public WithdrawalRule Withdrawal { get; }

    /// <summary>Upper-level verification of a decision; null when the market has none.</summary>
    public VerificationRule? Verification { get; }

    /// <summary>Delivery channels and when a notice counts.</summary>
    public NotificationRule Notification { get; }

    /// <summary>What a decision must record and its notice name.</summary>
    public DecisionNoticeRule DecisionNotice { get; }

    /// <summary>Representatives of a joint complaint.</summary>
    public GroupComplaintRule GroupComplaint { get; }

    /// <summary>Major complaints.</summary>
    public MajorComplaintRule MajorComplaint { get; }

    /// <summary>The company's escalation triggers.</summary>
    public EscalationRule Escalation { get; }

    /// <summary>Whether a complaint received on <paramref name="day"/> (in <see cref="TimeZone"/>) falls under this version.</summary>
    public bool IsInForceOn(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is null || day <= EffectiveTo);

    /// <summary>The calendar day of <paramref name="moment"/> in the market's zone.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, TimeZone).DateTime);

    /// <summary>The pause rule for <paramref name="kind"/>, or null when the market does not stop the clock for it.</summary>
    public PauseRule? Pause(string kind) => Pauses.FirstOrDefault(p => p.Id == kind);

    /// <summary>The extension step of <paramref name="level"/>, or null when there is none.</summary>
    public ExtensionStep? Extension(int level) => Extensions.FirstOrDefault(e => e.Level == level);

    /// <summary>Every rule in the set, for listing and for checking references.</summary>
    public IEnumerable<ComplaintRule> AllRules()
    {
        yield return Counting;
        yield return Acceptance;
        foreach (var reason in Acceptance.RejectionReasons)
        {
            yield return reason;
        }

        yield return Decision;
        foreach (var step in Extensions)
        {
            yield return step;
        }

        foreach (var pause in Pauses)
        {
            yield return pause;
        }

        yield return Repeat;
        yield return Withdrawal;
        if (Verification is not null)
        {
            yield return Verification;
        }

        yield return Notification;
        yield return DecisionNotice;
        yield return GroupComplaint;
        yield return MajorComplaint;
        yield return Escalation;
    }
}

/// <summary>The rules of a set, grouped so the reader can hand them over in one piece.</summary>
internal sealed record ComplaintRules(
    PeriodCountingRule Counting,
    AcceptanceRule Acceptance,
    DecisionRule Decision,
    IReadOnlyList<ExtensionStep> Extensions,
    IReadOnlyList<PauseRule> Pauses,
    RepeatRule Repeat,
    WithdrawalRule Withdrawal,
    VerificationRule? Verification,
    NotificationRule Notification,
    DecisionNoticeRule DecisionNotice,
    GroupComplaintRule GroupComplaint,
    MajorComplaintRule MajorComplaint,
    EscalationRule Escalation);
