using Xiaobao.Complaints.Domain;
using Xiaobao.Complaints.Domain.Events;

namespace Xiaobao.Complaints.Deadlines;

/// <summary>A span during which the decision clock was stopped; <see cref="To"/> is null while it still is.</summary>
internal readonly record struct ClockPause(DateTimeOffset From, DateTimeOffset? To);

/// <summary>From when an organisation held the complaint.</summary>
internal readonly record struct Holding(DateTimeOffset From, OrganisationUnit Organisation);

/// <summary>The facts the deadline engine needs, gathered in one pass over a complaint's history.</summary>
internal sealed class HistoryWalk
{
    private HistoryWalk()
    {
    }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Receipt, or the last restart by a repeat with new facts.</summary>
    public DateTimeOffset ClockStart { get; private set; }

    /// <summary>Pauses since <see cref="ClockStart"/>, in order; they never overlap.</summary>
    public List<ClockPause> Pauses { get; } = [];

    public int ExtensionLevel { get; private set; }

    public DateTimeOffset? AcceptanceAt { get; private set; }

    /// <summary>When a withdrawal or refusal ended the procedure.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The first decision since <see cref="ClockStart"/>.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The organisation of the latest decision on the complaint itself.</summary>
    public OrganisationUnit? DecidedBy { get; private set; }

    /// <summary>Decision notices since <see cref="ClockStart"/>, in order.</summary>
    public List<ComplaintNotice> DecisionNotices { get; } = [];

    public DateTimeOffset? VerificationRequestedAt { get; private set; }

    public DateTimeOffset? VerificationDecidedAt { get; private set; }

    public List<ComplaintNotice> VerificationNotices { get; } = [];

    /// <summary>Which organisation held the complaint from when, over the whole history.</summary>
    public List<Holding> Holdings { get; } = [];

    public static HistoryWalk Read(IReadOnlyList<ComplaintEvent> history)
    {
        var walk = new HistoryWalk();
        foreach (var e in history)
        {
            walk.Read(e);
        }

        return walk;
    }

    private void Read(ComplaintEvent e)
    {
        var at = e.Stamp.At;
        switch (e)
        {
            case ComplaintRegistered registered:
                ReceivedAt = ClockStart = at;
                Holdings.Add(new Holding(at, registered.Organisation));
                break;
            case ComplaintAccepted:
                AcceptanceAt ??= at;
                break;
            case ComplaintRejected:
                AcceptanceAt ??= at;
                EndedAt = at;
                break;
            case ComplaintTransferred transferred:
                Holdings.Add(new Holding(at, transferred.To));
                break;
            case ClockPaused:
                Pauses.Add(new ClockPause(at, null));
                break;
            case ClockResumed:
                Pauses[^1] = Pauses[^1] with { To = at };
                break;
            case DeadlineExtended extended:
                ExtensionLevel = extended.Level;
                break;
            case RepeatComplaintReceived { RestartsPeriod: true }:
                // The period starts again from the new material: earlier pauses, extensions and a decision not yet told are spent.
                ClockStart = at;
                Pauses.Clear();
                ExtensionLevel = 0;
                DecidedAt = null;
                DecisionNotices.Clear();
                break;
            case ComplaintWithdrawn:
                EndedAt = at;
                break;
            case ComplaintDecided { Stage: ComplaintStage.Original } decided:
                DecidedAt ??= at;
                DecidedBy = decided.Organisation;
                break;
            case ComplaintDecided { Stage: ComplaintStage.Verification }:
                VerificationDecidedAt ??= at;
                break;
            case ComplainantNotified { Stage: ComplaintStage.Original } notified:
                DecisionNotices.Add(notified.Notice);
                break;
            case ComplainantNotified { Stage: ComplaintStage.Verification } notified:
                VerificationNotices.Add(notified.Notice);
                break;
            case VerificationRequested:
                VerificationRequestedAt = at;
                break;
            default:
                break;
        }
    }
}
