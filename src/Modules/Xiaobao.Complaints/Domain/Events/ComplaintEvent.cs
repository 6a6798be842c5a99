using System.Text.Json.Serialization;

namespace Xiaobao.Complaints.Domain.Events;

/// <summary>
/// One entry of a complaint's history. The history is the record the deadline engine and the statistics read, so
/// every event says who acted, when, and for which organisation; transfers and escalations also name where the case
/// went. Events serialise to JSON with a stable "type" discriminator.
/// </summary>
/// <param name="Stamp">Who, when it happened, when it was recorded.</param>
/// <param name="Organisation">The organisation acting on the complaint at the time: the handling organisation, or the
/// verifying one during verification.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ComplaintRegistered), "registered")]
[JsonDerivedType(typeof(MajorComplaintDeclared), "major-declared")]
[JsonDerivedType(typeof(ComplaintFactsRevised), "facts-revised")]
[JsonDerivedType(typeof(ComplaintClassified), "classified")]
[JsonDerivedType(typeof(ComplaintAccepted), "accepted")]
[JsonDerivedType(typeof(ComplaintRejected), "rejected")]
[JsonDerivedType(typeof(HandlerAssigned), "handler-assigned")]
[JsonDerivedType(typeof(InvestigationStarted), "investigation-started")]
[JsonDerivedType(typeof(ComplaintTransferred), "transferred")]
[JsonDerivedType(typeof(ClockPaused), "clock-paused")]
[JsonDerivedType(typeof(ClockResumed), "clock-resumed")]
[JsonDerivedType(typeof(DeadlineExtended), "extended")]
[JsonDerivedType(typeof(RepeatComplaintReceived), "repeat-received")]
[JsonDerivedType(typeof(ComplaintWithdrawn), "withdrawn")]
[JsonDerivedType(typeof(EscalatedToServiceOfficer), "escalated")]
[JsonDerivedType(typeof(HandedBack), "handed-back")]
[JsonDerivedType(typeof(ComplaintDecided), "decided")]
[JsonDerivedType(typeof(ComplainantNotified), "notified")]
[JsonDerivedType(typeof(VerificationRequested), "verification-requested")]
[JsonDerivedType(typeof(ComplaintClosed), "closed")]
[JsonDerivedType(typeof(ComplaintReopened), "reopened")]
public abstract record ComplaintEvent(EventStamp Stamp, OrganisationUnit Organisation);
