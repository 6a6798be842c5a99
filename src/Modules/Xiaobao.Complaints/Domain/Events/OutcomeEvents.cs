namespace Xiaobao.Complaints.Domain.Events;

/// <summary>A decision was made.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The deciding organisation.</param>
/// <param name="Stage">Whether it decides the complaint or a request for its verification.</param>
/// <param name="Decision">The decision.</param>
public sealed record ComplaintDecided(EventStamp Stamp, OrganisationUnit Organisation, ComplaintStage Stage, ComplaintDecision Decision)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>The complainant was told a decision.</summary>
/// <param name="Stamp">Who recorded it, when.</param>
/// <param name="Organisation">The deciding organisation.</param>
/// <param name="Stage">Which decision.</param>
/// <param name="Notice">Channel, times and proof.</param>
public sealed record ComplainantNotified(EventStamp Stamp, OrganisationUnit Organisation, ComplaintStage Stage, ComplaintNotice Notice)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>The complainant asked an upper-level organisation to verify the decision.</summary>
/// <param name="Stamp">Who, and when the application was received.</param>
/// <param name="Organisation">The organisation whose decision is contested.</param>
/// <param name="VerifyingOrganisation">The upper-level organisation that verifies.</param>
public sealed record VerificationRequested(EventStamp Stamp, OrganisationUnit Organisation, OrganisationUnit VerifyingOrganisation)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>The complaint was closed.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The acting organisation.</param>
/// <param name="RootCause">The root-cause code.</param>
/// <param name="InternalCause">Whether the taxonomy marks the cause internal.</param>
/// <param name="Rectification">The rectification item for an internal cause.</param>
public sealed record ComplaintClosed(EventStamp Stamp, OrganisationUnit Organisation, string RootCause, bool InternalCause, RectificationItem? Rectification)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>A closed complaint was reopened; it returns to investigation in the stage it was in.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The acting organisation.</param>
/// <param name="Reason">Why.</param>
public sealed record ComplaintReopened(EventStamp Stamp, OrganisationUnit Organisation, string Reason) : ComplaintEvent(Stamp, Organisation);
