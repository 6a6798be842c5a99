namespace Xiaobao.Complaints.RuleBook;

/// <summary>When a notice to the complainant counts as given, per delivery channel.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="Channels">The delivery channels a notice may use; no others are accepted.</param>
/// <param name="ProofRequired">Whether proof of delivery must be kept unless the complainant cannot be reached.</param>
public sealed record NotificationRule(
    string Id, RuleSource Source, RuleConfidence Status, IReadOnlyList<DeliveryChannelRule> Channels, bool ProofRequired)
    : ComplaintRule(Id, Source, Status)
{
    /// <summary>The rule for <paramref name="channel"/>, or null when notices may not use it.</summary>
    public DeliveryChannelRule? For(string channel) => Channels.FirstOrDefault(c => c.Channel == channel);
}

/// <summary>When a notice on one channel counts.</summary>
/// <param name="Channel">The delivery channel code.</param>
/// <param name="CountsWhen">The moment that must fall inside the period.</param>
public sealed record DeliveryChannelRule(string Channel, NoticeMoment CountsWhen);

/// <summary>Which moment of a notice is judged against the deadline.</summary>
public enum NoticeMoment
{
    /// <summary>When the letter is handed over or posted, the message sent, or the call made.</summary>
    Dispatched,

    /// <summary>When the complainant received it.</summary>
    Delivered,
}

/// <summary>What a decision must record, and the remedies its notice must name.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="RequiredContents">The parts a decision may not leave empty.</param>
/// <param name="Remedies">The remedy codes every decision notice names, in order.</param>
public sealed record DecisionNoticeRule(
    string Id, RuleSource Source, RuleConfidence Status, IReadOnlyList<DecisionContent> RequiredContents, IReadOnlyList<string> Remedies)
    : ComplaintRule(Id, Source, Status);

/// <summary>A part of a decision a rule can require.</summary>
public enum DecisionContent
{
    /// <summary>How the complaint was verified ("how_verified").</summary>
    HowVerified,

    /// <summary>The grounds and reasons of the decision ("grounds").</summary>
    Grounds,
}
