using Xiaobao.Complaints.RuleBook;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Complaints.Domain.Rules;

/// <summary>A step whose rule requires telling the complainant comes with the notice.</summary>
internal sealed class NoticeMustBeGivenWhenRequired(NoticeRequirement requirement, ComplaintNotice? notice) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.NoticeRequired;

    public string Message => UiText.Get("Error.Complaint.NoticeRequired");

    public bool IsBroken() => requirement.Requirement == NoticeLevel.Required && notice is null;
}

/// <summary>A notice uses a delivery channel the rules accept (S1 art 21 lists the valid ways).</summary>
internal sealed class DeliveryChannelMustBeAccepted(NotificationRule rule, ComplaintNotice notice) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.DeliveryChannel;

    public string Message => UiText.Format("Error.Complaint.DeliveryChannel", notice.Channel);

    public bool IsBroken() => rule.For(notice.Channel) is null;
}

/// <summary>Proof of every notice is kept unless the complainant could not be reached.</summary>
internal sealed class NoticeMustHaveProof(NotificationRule rule, ComplaintNotice notice) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.NoticeProof;

    public string Message => UiText.Get("Error.Complaint.NoticeProof");

    public bool IsBroken() => rule.ProofRequired && !notice.ComplainantUnreachable && string.IsNullOrWhiteSpace(notice.ProofReference);
}

/// <summary>A notice goes out after what it reports and before it is recorded, and arrives after it goes out.</summary>
internal sealed class NoticeTimesMustBePossible(ComplaintNotice notice, DateTimeOffset notBefore, DateTimeOffset recordedAt) : IBusinessRule
{
    public string Type => ComplaintProblemTypes.NoticeTime;

    public string Message => UiText.Get("Error.Complaint.NoticeTime");

    public bool IsBroken() =>
        notice.DispatchedAt < notBefore || notice.DispatchedAt > recordedAt
        || notice.DeliveredAt < notice.DispatchedAt || notice.DeliveredAt > recordedAt;
}

/// <summary>Checks every rule a notice must meet.</summary>
internal static class NoticeChecks
{
    public static void Check(NotificationRule rule, NoticeRequirement requirement, ComplaintNotice? notice, DateTimeOffset notBefore, DateTimeOffset recordedAt)
    {
        BusinessRules.Check(new NoticeMustBeGivenWhenRequired(requirement, notice));
        if (notice is not null)
        {
            BusinessRules.Check(new DeliveryChannelMustBeAccepted(rule, notice));
            BusinessRules.Check(new NoticeMustHaveProof(rule, notice));
            BusinessRules.Check(new NoticeTimesMustBePossible(notice, notBefore, recordedAt));
        }
    }
}
