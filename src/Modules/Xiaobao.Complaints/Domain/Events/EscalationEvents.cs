using Xiaobao.Complaints.Escalation;

namespace Xiaobao.Complaints.Domain.Events;

/// <summary>A service officer took the complaint on.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The handling organisation it was escalated from.</param>
/// <param name="Officer">The service officer; their organisation is where it went.</param>
/// <param name="Reasons">The triggers met, or "manual".</param>
public sealed record EscalatedToServiceOfficer(EventStamp Stamp, OrganisationUnit Organisation, StaffMember Officer, IReadOnlyList<EscalationReason> Reasons)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>The service officer handed the complaint back.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The handling organisation it returns to.</param>
/// <param name="Officer">The officer handing back.</param>
/// <param name="Handler">The handler it goes to, when the officer names one.</param>
/// <param name="Note">What the officer did or asks for.</param>
public sealed record HandedBack(EventStamp Stamp, OrganisationUnit Organisation, StaffMember Officer, StaffMember? Handler, string? Note)
    : ComplaintEvent(Stamp, Organisation);
