using Xiaobao.Complaints.RuleBook;

namespace Xiaobao.Complaints.Domain;

/// <summary>The outcome of a decision.</summary>
public enum DecisionOutcome
{
    /// <summary>The complainant's request is granted.</summary>
    Upheld,

    /// <summary>Part of the request is granted.</summary>
    PartlyUpheld,

    /// <summary>The request is refused.</summary>
    NotUpheld,
}

/// <summary>A decision on a complaint, or on a request for its verification.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="HowVerified">How the facts were verified.</param>
/// <param name="Grounds">The grounds and reasons of the decision.</param>
/// <param name="RedressAmount">Compensation or refund granted, in the rule set's currency; null when none.</param>
public sealed record ComplaintDecision(DecisionOutcome Outcome, string HowVerified, string Grounds, decimal? RedressAmount);

/// <summary>A notice to the complainant: of a decision, an extension, a pause or a refusal.</summary>
/// <param name="Channel">The delivery channel code.</param>
/// <param name="DispatchedAt">When the letter was handed over or posted, the message sent or the call made.</param>
/// <param name="DeliveredAt">When the complainant received it, if known.</param>
/// <param name="ProofReference">Where the proof of delivery is kept (a document id, a call recording id).</param>
/// <param name="ComplainantUnreachable">The complainant could not be reached, so no proof can exist.</param>
public sealed record ComplaintNotice(
    string Channel, DateTimeOffset DispatchedAt, DateTimeOffset? DeliveredAt = null, string? ProofReference = null, bool ComplainantUnreachable = false)
{
    /// <summary>The moment <paramref name="rule"/> judges against the deadline; null when that moment is not known yet.</summary>
    public DateTimeOffset? CountedAt(NotificationRule rule) =>
        (rule ?? throw new ArgumentNullException(nameof(rule))).For(Channel)?.CountsWhen == NoticeMoment.Delivered ? DeliveredAt : DispatchedAt;

    /// <summary>When the complainant can be taken to have the notice: on delivery if known, else on dispatch.</summary>
    public DateTimeOffset ReceivedAt => DeliveredAt ?? DispatchedAt;
}

/// <summary>Approval of an extension step.</summary>
/// <param name="Approver">Who approved it.</param>
/// <param name="Role">The role the approver acted in, as the access module names roles.</param>
public sealed record ExtensionApproval(StaffMember Approver, string Role);

/// <summary>The fix for an internal root cause, kept simple until the inspections module extends it.</summary>
/// <param name="Action">What will be changed.</param>
/// <param name="Owner">Who is responsible for it.</param>
/// <param name="DueOn">When it must be done.</param>
public sealed record RectificationItem(string Action, StaffMember Owner, DateOnly DueOn);
