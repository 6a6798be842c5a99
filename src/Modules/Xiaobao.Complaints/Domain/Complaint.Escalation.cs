using Xiaobao.Complaints.Domain.Events;
using Xiaobao.Complaints.Domain.Rules;
using Xiaobao.Complaints.Escalation;
using Xiaobao.Complaints.RuleBook;

namespace Xiaobao.Complaints.Domain;

public sealed partial class Complaint
{
    /// <summary>Gives the complaint to a service officer.</summary>
    /// <param name="officer">The service officer taking it on.</param>
    /// <param name="reasons">The triggers met (<see cref="EscalationReasons"/>); empty for a manual escalation.</param>
    /// <param name="stamp">Who, when.</param>
    public void Escalate(StaffMember officer, IReadOnlyList<EscalationReason> reasons, EventStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(reasons);
        Guard(ComplaintAction.Escalate, stamp);
        BusinessRules.Check(new ComplaintMustNotBeEscalated(ServiceOfficer));
        Append(new EscalatedToServiceOfficer(stamp, ActingOrganisation, officer, reasons.Count > 0 ? reasons : [new EscalationReason(EscalationTriggerKinds.Manual, null)]));
    }

    /// <summary>The service officer hands the complaint back, optionally to a named handler.</summary>
    /// <param name="handler">The handler it goes to; the previous handler keeps it when null.</param>
    /// <param name="note">What the officer did or asks for.</param>
    /// <param name="stamp">Who, when.</param>
    public void HandBack(StaffMember? handler, string? note, EventStamp stamp)
    {
        Guard(ComplaintAction.HandBack, stamp);
        BusinessRules.Check(new ComplaintMustBeEscalated(ServiceOfficer));
        if (handler is not null)
        {
            BusinessRules.Check(new HandlerMustBelongToActingOrganisation(handler, ActingOrganisation));
        }

        Append(new HandedBack(stamp, ActingOrganisation, ServiceOfficer!, handler, note));
    }
}
