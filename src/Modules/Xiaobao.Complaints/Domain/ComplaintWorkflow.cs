using System.Collections.Frozen;
using static Xiaobao.Complaints.Domain.ComplaintStatus;

namespace Xiaobao.Complaints.Domain;

/// <summary>What can be done to a complaint.</summary>
public enum ComplaintAction
{
    /// <summary>Accept for handling.</summary>
    Accept,

    /// <summary>Decline on a ground the rules allow.</summary>
    Reject,

    /// <summary>Assign (or reassign) a handler.</summary>
    Assign,

    /// <summary>The handler starts investigating.</summary>
    StartInvestigation,

    /// <summary>Stop the decision clock (external appraisal, mediation).</summary>
    Pause,

    /// <summary>Restart the stopped clock.</summary>
    Resume,

    /// <summary>Extend the decision period by one step.</summary>
    Extend,

    /// <summary>Record a repeat of the same complaint, with or without new facts.</summary>
    RecordRepeat,

    /// <summary>Hand the complaint to another organisation.</summary>
    Transfer,

    /// <summary>Give the complaint to a service officer.</summary>
    Escalate,

    /// <summary>The service officer hands the complaint back.</summary>
    HandBack,

    /// <summary>Correct the facts rules look at.</summary>
    ReviseFacts,

    /// <summary>Set or correct the regulator's classification.</summary>
    Classify,

    /// <summary>Decide the complaint, or the verification request.</summary>
    Decide,

    /// <summary>Record that the complainant was told the decision.</summary>
    Notify,

    /// <summary>Close with a root cause.</summary>
    Close,

    /// <summary>Reopen a closed complaint.</summary>
    Reopen,

    /// <summary>Record the complainant's request for upper-level verification.</summary>
    RequestVerification,

    /// <summary>Record the complainant's withdrawal.</summary>
    Withdraw,
}

/// <summary>
/// The complaint state machine as a table: in which statuses each action is allowed. Actions that leave the status
/// as it is (pause, extend, escalate …) are listed too, so one table answers "may this be done now?".
/// </summary>
public static class ComplaintWorkflow
{
    private static readonly ComplaintStatus[] _open = [Registered, Accepted, Assigned, Investigating, Verifying, Decided];
    private static readonly ComplaintStatus[] _clockRunning = [Accepted, Assigned, Investigating];

    private static readonly FrozenDictionary<ComplaintAction, FrozenSet<ComplaintStatus>> _allowed = new Dictionary<ComplaintAction, ComplaintStatus[]>
    {
        [ComplaintAction.Accept] = [Registered],
        [ComplaintAction.Reject] = [Registered],
        [ComplaintAction.Assign] = [Accepted, Assigned, Investigating, Verifying],
        [ComplaintAction.StartInvestigation] = [Assigned],
        [ComplaintAction.Pause] = _clockRunning,
        [ComplaintAction.Resume] = _clockRunning,
        [ComplaintAction.Extend] = _clockRunning,

        // Only a repeat "within the handling period" restarts it, i.e. before the complainant has been told a decision.
        [ComplaintAction.RecordRepeat] = [Registered, Accepted, Assigned, Investigating, Decided],
        [ComplaintAction.Transfer] = [Registered, Accepted, Assigned, Investigating],
        [ComplaintAction.Escalate] = _open,
        [ComplaintAction.HandBack] = _open,
        [ComplaintAction.ReviseFacts] = [.. _open, Notified],
        [ComplaintAction.Classify] = Enum.GetValues<ComplaintStatus>(),
        [ComplaintAction.Decide] = [Investigating, Verifying],
        [ComplaintAction.Notify] = [Decided],
        [ComplaintAction.Close] = [Notified],
        [ComplaintAction.Reopen] = [Closed],
        [ComplaintAction.RequestVerification] = [Notified, Closed],

        // Once told the decision the procedure is over; a withdrawal then changes nothing, except during verification.
        [ComplaintAction.Withdraw] = [Registered, Accepted, Assigned, Investigating, Decided, Verifying],
    }.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenSet());

    /// <summary>Whether <paramref name="action"/> may be done to a complaint in <paramref name="status"/>.</summary>
    public static bool Allows(ComplaintStatus status, ComplaintAction action) => _allowed[action].Contains(status);

    /// <summary>The statuses in which <paramref name="action"/> may be done.</summary>
    public static IReadOnlySet<ComplaintStatus> AllowedFrom(ComplaintAction action) => _allowed[action];

    /// <summary>The actions that may be done in <paramref name="status"/>, for offering only what is possible.</summary>
    public static IReadOnlyList<ComplaintAction> ActionsIn(ComplaintStatus status) =>
        [.. Enum.GetValues<ComplaintAction>().Where(a => Allows(status, a))];
}
