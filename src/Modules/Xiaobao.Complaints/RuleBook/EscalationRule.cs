using System.Globalization;
using Xiaobao.Complaints.Deadlines;
using Xiaobao.Complaints.Escalation;

namespace Xiaobao.Complaints.RuleBook;

/// <summary>The company's triggers for handing a complaint to a service officer. Each listed trigger is on.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="Triggers">The triggers that are switched on, with their thresholds.</param>
public sealed record EscalationRule(string Id, RuleSource Source, RuleConfidence Status, IReadOnlyList<EscalationTrigger> Triggers)
    : ComplaintRule(Id, Source, Status)
{
    /// <summary>Every trigger <paramref name="context"/> sets off, in the order the rules list them.</summary>
    public IReadOnlyList<EscalationReason> Evaluate(EscalationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [.. Triggers.Select(t => t.Evaluate(context)).OfType<EscalationReason>()];
    }
}

/// <summary>The kind codes of <see cref="EscalationTrigger"/> in rule files and in <see cref="EscalationReason.Code"/>.</summary>
public static class EscalationTriggerKinds
{
    /// <summary>The complaint repeats an earlier one.</summary>
    public const string RepeatComplaint = "repeat_complaint";

    /// <summary>The complainant has a listed vulnerability flag or is at least a given age.</summary>
    public const string VulnerableCustomer = "vulnerable_customer";

    /// <summary>A joint complaint by at least so many people.</summary>
    public const string GroupComplaint = "group_complaint";

    /// <summary>The complainant threatens or has gone to the media.</summary>
    public const string MediaRisk = "media_risk";

    /// <summary>The amount in dispute reaches a threshold.</summary>
    public const string AmountInDispute = "amount_in_dispute";

    /// <summary>The decision deadline is at most so many days away, or passed, with no decision.</summary>
    public const string DeadlineAtRisk = "deadline_at_risk";

    /// <summary>Not a rule trigger: a person escalated the complaint by hand.</summary>
    public const string Manual = "manual";
}

/// <summary>One condition on which a complaint goes to a service officer.</summary>
/// <param name="Kind">The kind code, one of <see cref="EscalationTriggerKinds"/>.</param>
public abstract record EscalationTrigger(string Kind)
{
    /// <summary>The reason when <paramref name="context"/> sets the trigger off, else null.</summary>
    public abstract EscalationReason? Evaluate(EscalationContext context);

    private protected static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}

/// <summary>Sets off on a repeat complaint.</summary>
public sealed record RepeatComplaintTrigger() : EscalationTrigger(EscalationTriggerKinds.RepeatComplaint)
{
    /// <inheritdoc />
    public override EscalationReason? Evaluate(EscalationContext context) =>
        context is { Facts.IsRepeat: true } ? new(Kind, null) : null;
}

/// <summary>Sets off on any of <paramref name="Flags"/>, or on an age of at least <paramref name="MinimumAge"/> when given.</summary>
/// <param name="Flags">Vulnerability flag codes.</param>
/// <param name="MinimumAge">The age from which a complainant counts as vulnerable; null to use flags only.</param>
public sealed record VulnerableCustomerTrigger(IReadOnlyList<string> Flags, int? MinimumAge) : EscalationTrigger(EscalationTriggerKinds.VulnerableCustomer)
{
    /// <inheritdoc />
    public override EscalationReason? Evaluate(EscalationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var matched = context.Facts.VulnerabilityFlags.Where(f => Flags.Contains(f, StringComparer.Ordinal)).ToList();
        if (MinimumAge is { } minimum && context.ComplainantAge >= minimum)
        {
            matched.Add($"age>={Invariant(minimum)}");
        }

        return matched.Count > 0 ? new(Kind, string.Join(',', matched)) : null;
    }
}

/// <summary>Sets off on a joint complaint by at least <paramref name="MinimumPeople"/>.</summary>
/// <param name="MinimumPeople">The smallest number of complainants that counts.</param>
public sealed record GroupComplaintTrigger(int MinimumPeople) : EscalationTrigger(EscalationTriggerKinds.GroupComplaint)
{
    /// <inheritdoc />
    public override EscalationReason? Evaluate(EscalationContext context) =>
        context?.Facts.PeopleCount >= MinimumPeople ? new(Kind, Invariant(context.Facts.PeopleCount)) : null;
}

/// <summary>Sets off when media risk is flagged.</summary>
public sealed record MediaRiskTrigger() : EscalationTrigger(EscalationTriggerKinds.MediaRisk)
{
    /// <inheritdoc />
    public override EscalationReason? Evaluate(EscalationContext context) =>
        context is { Facts.MediaRisk: true } ? new(Kind, null) : null;
}

/// <summary>Sets off when the amount in dispute is at least <paramref name="MinimumAmount"/>, in the rule set's currency.</summary>
/// <param name="MinimumAmount">The threshold.</param>
public sealed record AmountInDisputeTrigger(decimal MinimumAmount) : EscalationTrigger(EscalationTriggerKinds.AmountInDispute)
{
    /// <inheritdoc />
    public override EscalationReason? Evaluate(EscalationContext context) =>
        context?.Facts.AmountInDispute is { } amount && amount >= MinimumAmount ? new(Kind, Invariant(amount)) : null;
}

/// <summary>
/// Sets off when the decision is still outstanding and its deadline is at most <paramref name="RemainingDays"/> days
/// away (or passed).
/// </summary>
/// <param name="RemainingDays">How many days before the deadline the risk begins.</param>
public sealed record DeadlineAtRiskTrigger(int RemainingDays) : EscalationTrigger(EscalationTriggerKinds.DeadlineAtRisk)
{
    /// <inheritdoc />
    public override EscalationReason? Evaluate(EscalationContext context)
    {
        if (context?.Decision is not { } clock || clock.Decision.Status is not (StageStatus.Pending or StageStatus.Overdue))
        {
            return null;
        }

        var remaining = clock.Decision.Due.DueAt - context.AsOf;
        return remaining <= TimeSpan.FromDays(RemainingDays)
            ? new(Kind, Invariant(Math.Max(0, (int)Math.Ceiling(remaining.TotalDays))))
            : null;
    }
}
