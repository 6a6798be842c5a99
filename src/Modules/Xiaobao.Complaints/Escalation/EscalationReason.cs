using Xiaobao.Complaints.Deadlines;
using Xiaobao.Complaints.Domain;
using Xiaobao.Complaints.RuleBook;

namespace Xiaobao.Complaints.Escalation;

/// <summary>Why a complaint is major or goes to a service officer.</summary>
/// <param name="Code">The criterion or trigger kind that was met, e.g. "group_size" or "amount_in_dispute".</param>
/// <param name="Detail">The value that met it (a flag list, a count, an amount, days left), invariant-formatted; null when the kind says it all.</param>
public sealed record EscalationReason(string Code, string? Detail);

/// <summary>What escalation triggers look at.</summary>
/// <param name="Facts">The complaint's facts.</param>
/// <param name="Decision">The decision clock, for the deadline-at-risk trigger; null when not computed.</param>
/// <param name="AsOf">The moment of evaluation.</param>
/// <param name="ComplainantAge">The complainant's age from the personal-data layer, when known; never stored on the complaint.</param>
public sealed record EscalationContext(ComplaintFacts Facts, DecisionClock? Decision, DateTimeOffset AsOf, int? ComplainantAge = null);

/// <summary>Whether a complaint is major, why, and what follows.</summary>
/// <param name="Reasons">The criteria met; empty when the complaint is not major.</param>
/// <param name="Effects">What the rules set off for a major complaint; empty when it is not major.</param>
public sealed record MajorComplaintAssessment(IReadOnlyList<EscalationReason> Reasons, IReadOnlyList<MajorComplaintEffect> Effects)
{
    /// <summary>Whether any criterion was met.</summary>
    public bool IsMajor => Reasons.Count > 0;
}
