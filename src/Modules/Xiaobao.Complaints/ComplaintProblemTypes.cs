namespace Xiaobao.Complaints;

/// <summary>
/// The stable <see cref="Kernel.Errors.DomainException.Type"/> of every complaint rule. Those marked conflict are
/// raised with <c>IsConflict</c> (409: the complaint's current state does not allow it); the rest are broken rules (422).
/// </summary>
public static class ComplaintProblemTypes
{
    /// <summary>Conflict: the action is not allowed in the complaint's status.</summary>
    public const string TransitionNotAllowed = "complaint/transition-not-allowed";

    /// <summary>The action is dated before the previous one or after the time it is recorded.</summary>
    public const string TimeOrder = "complaint/time-order";

    /// <summary>No rule version is in force for the market on the day of receipt.</summary>
    public const string NoRules = "complaint/no-rules";

    /// <summary>The rules do not allow declining on this ground.</summary>
    public const string RejectionReason = "complaint/rejection-reason";

    /// <summary>The rules require a notice to the complainant for this step.</summary>
    public const string NoticeRequired = "complaint/notice-required";

    /// <summary>The notice uses a delivery channel the rules do not accept.</summary>
    public const string DeliveryChannel = "complaint/delivery-channel";

    /// <summary>The notice has no proof although the complainant was reachable.</summary>
    public const string NoticeProof = "complaint/notice-proof";

    /// <summary>The notice's times are impossible (delivered before dispatch, in the future, before the decision).</summary>
    public const string NoticeTime = "complaint/notice-time";

    /// <summary>The rules do not stop the clock for this kind of event.</summary>
    public const string PauseKind = "complaint/pause-kind";

    /// <summary>Conflict: the clock is stopped.</summary>
    public const string ClockPaused = "complaint/clock-paused";

    /// <summary>Conflict: the clock is running.</summary>
    public const string ClockRunning = "complaint/clock-running";

    /// <summary>There is no such next extension step.</summary>
    public const string ExtensionLevel = "complaint/extension-level";

    /// <summary>The approver does not hold a role at an organisation the step requires.</summary>
    public const string ExtensionApprover = "complaint/extension-approver";

    /// <summary>The deadline being extended has already passed.</summary>
    public const string ExtensionLate = "complaint/extension-late";

    /// <summary>The handler does not belong to the organisation handling the complaint.</summary>
    public const string HandlerOrganisation = "complaint/handler-organisation";

    /// <summary>The transfer names the organisation that already handles the complaint.</summary>
    public const string TransferSame = "complaint/transfer-same";

    /// <summary>Conflict: a service officer already has the complaint.</summary>
    public const string AlreadyEscalated = "complaint/already-escalated";

    /// <summary>Conflict: no service officer has the complaint.</summary>
    public const string NotEscalated = "complaint/not-escalated";

    /// <summary>Closing needs a root cause from the taxonomy.</summary>
    public const string RootCauseRequired = "complaint/root-cause-required";

    /// <summary>An internal root cause needs a rectification item.</summary>
    public const string RectificationRequired = "complaint/rectification-required";

    /// <summary>The rectification is due before the complaint is closed.</summary>
    public const string RectificationDue = "complaint/rectification-due";

    /// <summary>The rules offer no verification for this decision (none in the market, or decided at the top).</summary>
    public const string VerificationUnavailable = "complaint/verification-unavailable";

    /// <summary>The verifying organisation is not above the deciding one.</summary>
    public const string VerificationOrganisation = "complaint/verification-organisation";

    /// <summary>The request arrived after the verification window closed.</summary>
    public const string VerificationWindow = "complaint/verification-window";

    /// <summary>Conflict: verification was already requested once.</summary>
    public const string VerificationRepeated = "complaint/verification-repeated";
}
