using Xiaobao.Kernel.Calendar;

namespace Xiaobao.Complaints.RuleBook;

/// <summary>How a registered complaint is accepted or declined.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="Period">The time to accept or decline, counted from receipt; null when the market sets none.</param>
/// <param name="RejectionReasons">The only grounds on which a complaint may be declined.</param>
public sealed record AcceptanceRule(
    string Id, RuleSource Source, RuleConfidence Status, PeriodRule? Period, IReadOnlyList<RejectionReasonRule> RejectionReasons)
    : ComplaintRule(Id, Source, Status)
{
    /// <summary>The reason with code <paramref name="code"/>, or null when the rules do not allow it.</summary>
    public RejectionReasonRule? Reason(string code) => RejectionReasons.FirstOrDefault(r => r.Id == code);
}

/// <summary>One ground on which a complaint may be declined; its id is the code the taxonomy names.</summary>
/// <param name="Id">The reason code.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Status">How sure the rule book is of it.</param>
/// <param name="NoticeRequired">Whether the person who filed the complaint must be told.</param>
public sealed record RejectionReasonRule(string Id, RuleSource Source, RuleConfidence Status, bool NoticeRequired)
    : ComplaintRule(Id, Source, Status);
