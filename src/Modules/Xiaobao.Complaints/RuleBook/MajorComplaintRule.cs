using Xiaobao.Complaints.Domain;
using Xiaobao.Complaints.Escalation;

namespace Xiaobao.Complaints.RuleBook;

/// <summary>How many representatives a joint complaint may choose.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="MaxRepresentatives">The most representatives a joint complaint may have.</param>
public sealed record GroupComplaintRule(string Id, RuleSource Source, RuleConfidence Status, int MaxRepresentatives)
    : ComplaintRule(Id, Source, Status);

/// <summary>When a complaint is major, and what follows. Any one criterion makes it major.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="Criteria">The criteria, each of which alone makes a complaint major.</param>
/// <param name="Effects">What a major complaint sets off.</param>
public sealed record MajorComplaintRule(
    string Id, RuleSource Source, RuleConfidence Status, IReadOnlyList<MajorCriterion> Criteria, IReadOnlyList<MajorComplaintEffect> Effects)
    : ComplaintRule(Id, Source, Status)
{
    /// <summary>Which criteria <paramref name="facts"/> meet.</summary>
    public MajorComplaintAssessment Assess(ComplaintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var reasons = Criteria.Select(c => c.Evaluate(facts)).OfType<EscalationReason>().ToList();
        return new MajorComplaintAssessment(reasons, reasons.Count > 0 ? Effects : []);
    }
}

/// <summary>What a major complaint sets off.</summary>
public enum MajorComplaintEffect
{
    /// <summary>The emergency plan for major complaints starts ("emergency_procedure").</summary>
    EmergencyProcedure,

    /// <summary>The complaint goes to a service officer at once ("immediate_escalation").</summary>
    ImmediateEscalation,
}

/// <summary>The kind codes of <see cref="MajorCriterion"/> in rule files and in <see cref="EscalationReason.Code"/>.</summary>
public static class MajorCriterionKinds
{
    /// <summary>Caused by one of the listed events (disaster, accident, public-health event).</summary>
    public const string EventCause = "event_cause";

    /// <summary>A joint complaint by at least so many people, optionally only on the listed channels.</summary>
    public const string GroupSize = "group_size";

    /// <summary>Designated major by the regulator.</summary>
    public const string RegulatorDesignation = "regulator_designation";
}

/// <summary>One condition that makes a complaint major.</summary>
/// <param name="Kind">The kind code, one of <see cref="MajorCriterionKinds"/>.</param>
public abstract record MajorCriterion(string Kind)
{
    /// <summary>The reason when <paramref name="facts"/> meet the criterion, else null.</summary>
    public abstract EscalationReason? Evaluate(ComplaintFacts facts);
}

/// <summary>Caused by one of <paramref name="Causes"/>.</summary>
/// <param name="Causes">Event-cause codes.</param>
public sealed record EventCauseCriterion(IReadOnlyList<string> Causes) : MajorCriterion(MajorCriterionKinds.EventCause)
{
    /// <inheritdoc />
    public override EscalationReason? Evaluate(ComplaintFacts facts) =>
        facts?.EventCause is { } cause && Causes.Contains(cause, StringComparer.Ordinal) ? new(Kind, cause) : null;
}

/// <summary>A joint complaint by at least <paramref name="MinimumPeople"/>, on one of <paramref name="Channels"/> (any when empty).</summary>
/// <param name="MinimumPeople">The smallest number of complainants that counts.</param>
/// <param name="Channels">Intake channel codes that count, e.g. face-to-face ones; empty for all.</param>
public sealed record GroupSizeCriterion(int MinimumPeople, IReadOnlyList<string> Channels) : MajorCriterion(MajorCriterionKinds.GroupSize)
{
    /// <inheritdoc />
    public override EscalationReason? Evaluate(ComplaintFacts facts) =>
        facts is not null && facts.PeopleCount >= MinimumPeople && (Channels.Count == 0 || Channels.Contains(facts.Channel, StringComparer.Ordinal))
            ? new(Kind, facts.PeopleCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
}

/// <summary>Designated major by the regulator.</summary>
public sealed record RegulatorDesignationCriterion() : MajorCriterion(MajorCriterionKinds.RegulatorDesignation)
{
    /// <inheritdoc />
    public override EscalationReason? Evaluate(ComplaintFacts facts) =>
        facts is { RegulatorDesignatedMajor: true } ? new(Kind, null) : null;
}
