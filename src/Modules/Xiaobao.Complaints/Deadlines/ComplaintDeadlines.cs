using Xiaobao.Complaints.Domain;
using Xiaobao.Kernel.Calendar;

namespace Xiaobao.Complaints.Deadlines;

/// <summary>Where a stage stands against its deadline.</summary>
public enum StageStatus
{
    /// <summary>Not done; the deadline has not passed.</summary>
    Pending,

    /// <summary>Not done and the deadline passed (also when the complaint ended after the deadline without it).</summary>
    Overdue,

    /// <summary>Done before the deadline ended.</summary>
    OnTime,

    /// <summary>Done after the deadline ended.</summary>
    Late,

    /// <summary>Not needed any more: the complaint was withdrawn or declined before the deadline.</summary>
    Ended,
}

/// <summary>One stage's deadline and standing.</summary>
/// <param name="Due">When the stage must be done by.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="CompletedAt">When it was done (for a notice: the moment its channel's rule judges), if it was.</param>
public sealed record StageClock(Deadline Due, StageStatus Status, DateTimeOffset? CompletedAt);

/// <summary>The decision period: deciding and telling the complainant.</summary>
/// <param name="StartedAt">Receipt, or the receipt of a repeat with new facts that restarted the period.</param>
/// <param name="ExtensionLevel">The extension step in force; 0 for none.</param>
/// <param name="PausedDays">Calendar days the period was lengthened by pauses.</param>
/// <param name="PausedSince">When the clock stopped, while it is stopped.</param>
/// <param name="EndedAt">When a withdrawal or refusal ended the procedure, if one did.</param>
/// <param name="Decision">Deciding.</param>
/// <param name="Notification">Telling the complainant, judged by the moment each delivery channel's rule names.</param>
public sealed record DecisionClock(
    DateTimeOffset StartedAt, int ExtensionLevel, int PausedDays, DateTimeOffset? PausedSince, DateTimeOffset? EndedAt,
    StageClock Decision, StageClock Notification);

/// <summary>Where the complainant's right to ask for verification stands.</summary>
public enum VerificationWindowStatus
{
    /// <summary>The complainant may still apply.</summary>
    Open,

    /// <summary>The complainant applied inside the window.</summary>
    Requested,

    /// <summary>The window closed without an application.</summary>
    Lapsed,
}

/// <summary>Upper-level verification: the complainant's window to apply, then the verifying organisation's period.</summary>
/// <param name="WindowOpenedAt">When the complainant received the decision.</param>
/// <param name="WindowCloses">The end of the window to apply.</param>
/// <param name="Window">Where the window stands.</param>
/// <param name="RequestedAt">When the application was received, if it was.</param>
/// <param name="Decision">The verification decision, once applied for.</param>
/// <param name="Notification">Telling the complainant the verification decision, once applied for.</param>
public sealed record VerificationClock(
    DateTimeOffset WindowOpenedAt, Deadline WindowCloses, VerificationWindowStatus Window, DateTimeOffset? RequestedAt,
    StageClock? Decision, StageClock? Notification);

/// <summary>How much of the decision period one organisation used while the complaint sat with it (pauses excluded).</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="Consumed">Time the clock ran while it held the complaint.</param>
public sealed record OrganisationClock(OrganisationUnit Organisation, TimeSpan Consumed);

/// <summary>How much of the decision period one organisation level used (pauses excluded).</summary>
/// <param name="Level">1 for the top of the hierarchy, one more for each step down.</param>
/// <param name="Consumed">Time the clock ran while organisations of this level held the complaint.</param>
public sealed record LevelClock(int Level, TimeSpan Consumed);

/// <summary>Every deadline of a complaint, computed from its history by <see cref="ComplaintClock"/>.</summary>
/// <param name="Acceptance">Accepting or declining; null when the rules set no acceptance period.</param>
/// <param name="Decision">Deciding and telling.</param>
/// <param name="Verification">Verification; null when the rules have none, the decision was made at the top and the
/// rules reserve verification for lower levels, or no decision has been notified yet.</param>
/// <param name="Organisations">Sub-clocks per organisation, in the order they first held the complaint.</param>
/// <param name="Levels">Sub-clocks per organisation level, top first.</param>
public sealed record ComplaintDeadlines(
    StageClock? Acceptance, DecisionClock Decision, VerificationClock? Verification,
    IReadOnlyList<OrganisationClock> Organisations, IReadOnlyList<LevelClock> Levels);
