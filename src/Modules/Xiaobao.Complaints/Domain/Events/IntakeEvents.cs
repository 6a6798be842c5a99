using Xiaobao.Complaints.Escalation;
using Xiaobao.Complaints.RuleBook;

namespace Xiaobao.Complaints.Domain.Events;

/// <summary>The complaint was received and recorded; <see cref="EventStamp.At"/> is the receipt time every period counts from.</summary>
/// <param name="Stamp">Who recorded it, when it was received, when it was recorded.</param>
/// <param name="Organisation">The organisation responsible for it.</param>
/// <param name="Rules">The rule version in force on the day of receipt; the complaint keeps it for life.</param>
/// <param name="TaxonomyVersion">The taxonomy version its codes come from.</param>
/// <param name="Facts">The facts rules look at.</param>
/// <param name="Classification">The regulator's classification, if known at intake.</param>
public sealed record ComplaintRegistered(
    EventStamp Stamp, OrganisationUnit Organisation, RuleSetId Rules, string TaxonomyVersion, ComplaintFacts Facts, ComplaintClassification Classification)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>The complaint meets a major-complaint criterion; the emergency procedure applies.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The handling organisation.</param>
/// <param name="Reasons">The criteria met.</param>
/// <param name="Effects">What the rules set off.</param>
public sealed record MajorComplaintDeclared(
    EventStamp Stamp, OrganisationUnit Organisation, IReadOnlyList<EscalationReason> Reasons, IReadOnlyList<MajorComplaintEffect> Effects)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>The facts rules look at were corrected or completed.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The handling organisation.</param>
/// <param name="Facts">The facts as they now stand.</param>
public sealed record ComplaintFactsRevised(EventStamp Stamp, OrganisationUnit Organisation, ComplaintFacts Facts)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>The regulator's classification was set or corrected.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The handling organisation.</param>
/// <param name="Classification">The classification as it now stands.</param>
/// <param name="TaxonomyVersion">The taxonomy version its codes come from.</param>
public sealed record ComplaintClassified(EventStamp Stamp, OrganisationUnit Organisation, ComplaintClassification Classification, string TaxonomyVersion)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>The complaint was accepted for handling.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The handling organisation.</param>
public sealed record ComplaintAccepted(EventStamp Stamp, OrganisationUnit Organisation) : ComplaintEvent(Stamp, Organisation);

/// <summary>The complaint was declined.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The handling organisation.</param>
/// <param name="Reason">The rejection-reason code the rules allow.</param>
/// <param name="Note">Free-text explanation.</param>
/// <param name="Notice">The notice to the person who filed it, when given.</param>
public sealed record ComplaintRejected(EventStamp Stamp, OrganisationUnit Organisation, string Reason, string? Note, ComplaintNotice? Notice)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>A handler was assigned.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The handling (or verifying) organisation.</param>
/// <param name="Handler">The new handler.</param>
public sealed record HandlerAssigned(EventStamp Stamp, OrganisationUnit Organisation, StaffMember Handler) : ComplaintEvent(Stamp, Organisation);

/// <summary>The handler started investigating.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The handling organisation.</param>
public sealed record InvestigationStarted(EventStamp Stamp, OrganisationUnit Organisation) : ComplaintEvent(Stamp, Organisation);

/// <summary>The complaint moved to another organisation; the handler assignment lapses.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The organisation it came from.</param>
/// <param name="To">The organisation it went to.</param>
/// <param name="Reason">Why.</param>
public sealed record ComplaintTransferred(EventStamp Stamp, OrganisationUnit Organisation, OrganisationUnit To, string Reason)
    : ComplaintEvent(Stamp, Organisation);
