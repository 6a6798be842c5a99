namespace Xiaobao.Complaints.Domain.Events;

/// <summary>The decision clock stopped.</summary>
/// <param name="Stamp">Who, and when the pausing event (appraisal, mediation) began.</param>
/// <param name="Organisation">The handling organisation.</param>
/// <param name="Kind">The pause kind the rules allow.</param>
/// <param name="Notice">The notice to the complainant, when given.</param>
public sealed record ClockPaused(EventStamp Stamp, OrganisationUnit Organisation, string Kind, ComplaintNotice? Notice)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>The decision clock runs again.</summary>
/// <param name="Stamp">Who, and when the pausing event ended.</param>
/// <param name="Organisation">The handling organisation.</param>
public sealed record ClockResumed(EventStamp Stamp, OrganisationUnit Organisation) : ComplaintEvent(Stamp, Organisation);

/// <summary>The decision period was extended by one step.</summary>
/// <param name="Stamp">Who, when.</param>
/// <param name="Organisation">The handling organisation.</param>
/// <param name="Level">The step granted.</param>
/// <param name="Reason">Why the case needs more time.</param>
/// <param name="Approval">Who approved it, when the step needs approval.</param>
/// <param name="Notice">The notice to the complainant, when given.</param>
public sealed record DeadlineExtended(
    EventStamp Stamp, OrganisationUnit Organisation, int Level, string Reason, ExtensionApproval? Approval, ComplaintNotice? Notice)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>The complainant repeated the complaint while it was being handled.</summary>
/// <param name="Stamp">Who, and when the repeat (with any new material) was received.</param>
/// <param name="Organisation">The handling organisation.</param>
/// <param name="LinkedComplaintId">The record the repeat arrived as, when it was registered separately and merged.</param>
/// <param name="NewFacts">Whether it brought new facts and reasons.</param>
/// <param name="RestartsPeriod">Whether the decision period starts again from <see cref="EventStamp.At"/>.</param>
public sealed record RepeatComplaintReceived(EventStamp Stamp, OrganisationUnit Organisation, Guid? LinkedComplaintId, bool NewFacts, bool RestartsPeriod)
    : ComplaintEvent(Stamp, Organisation);

/// <summary>The complainant withdrew; the procedure ends on the day the request was received.</summary>
/// <param name="Stamp">Who, and when the withdrawal request was received.</param>
/// <param name="Organisation">The acting organisation.</param>
public sealed record ComplaintWithdrawn(EventStamp Stamp, OrganisationUnit Organisation) : ComplaintEvent(Stamp, Organisation);
