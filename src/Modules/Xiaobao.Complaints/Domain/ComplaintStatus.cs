namespace Xiaobao.Complaints.Domain;

/// <summary>Where a complaint is in its handling.</summary>
public enum ComplaintStatus
{
    /// <summary>Recorded; not yet accepted or declined.</summary>
    Registered,

    /// <summary>Accepted for handling, no handler yet.</summary>
    Accepted,

    /// <summary>Declined on a ground the rules allow. Final.</summary>
    Rejected,

    /// <summary>A handler is assigned.</summary>
    Assigned,

    /// <summary>The handler is investigating.</summary>
    Investigating,

    /// <summary>An upper-level organisation is verifying the decision at the complainant's request.</summary>
    Verifying,

    /// <summary>Decided; the complainant not yet told.</summary>
    Decided,

    /// <summary>The complainant has been told the decision.</summary>
    Notified,

    /// <summary>Closed with its root cause.</summary>
    Closed,

    /// <summary>Withdrawn by the complainant. Final.</summary>
    Withdrawn,
}

/// <summary>Which decision a complaint is working towards.</summary>
public enum ComplaintStage
{
    /// <summary>The first decision on the complaint.</summary>
    Original,

    /// <summary>The upper level's decision on a request for verification.</summary>
    Verification,
}
