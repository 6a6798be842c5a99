using Xiaobao.Complaints;
using Xiaobao.Complaints.Domain;
using Xiaobao.Kernel.Errors;
using static Xiaobao.UnitTests.Complaints.China;

namespace Xiaobao.UnitTests.Complaints;

/// <summary>Each named rule the complaint checks, broken once, with its stable problem type.</summary>
public sealed class ComplaintGuardTests
{
    [Fact]
    public void Reject_OnAGroundTheRulesDoNotList_IsRefused()
    {
        var driver = ComplaintDriver.China();

        AssertBroken(ComplaintProblemTypes.RejectionReason, () => driver.Complaint.Reject("too_angry", null, driver.Notice(), Rules, driver.Next()));
    }

    [Fact]
    public void Reject_WithoutTheNoticeTheGroundRequires_IsRefused()
    {
        var driver = ComplaintDriver.China();

        AssertBroken(ComplaintProblemTypes.NoticeRequired, () => driver.Complaint.Reject("not_from_complainant", null, null, Rules, driver.Next()));
    }

    [Fact]
    public void Notice_WithoutProof_RefusedUnlessTheComplainantWasUnreachable()
    {
        var driver = ComplaintDriver.China().Investigate().Decide();
        var stamp = driver.Next();

        AssertBroken(ComplaintProblemTypes.NoticeProof, () => driver.Complaint.Notify(new ComplaintNotice("phone", stamp.At), Rules, stamp));
        driver.Complaint.Notify(new ComplaintNotice("phone", stamp.At, ComplainantUnreachable: true), Rules, stamp);

        Assert.Equal(ComplaintStatus.Notified, driver.Complaint.Status);
    }

    [Fact]
    public void Notice_OnAChannelTheRulesDoNotAccept_IsRefused()
    {
        var driver = ComplaintDriver.China().Investigate().Decide();
        var stamp = driver.Next();

        AssertBroken(ComplaintProblemTypes.DeliveryChannel, () => driver.Complaint.Notify(new ComplaintNotice("carrier_pigeon", stamp.At, null, "p"), Rules, stamp));
    }

    [Theory]
    [InlineData(-2, null)] // sent before the decision
    [InlineData(1, null)] // sent after it is recorded
    [InlineData(0, -1)] // delivered before it was sent
    public void Notice_WithImpossibleTimes_IsRefused(int dispatchedHoursFromNow, int? deliveredHoursFromDispatch)
    {
        var driver = ComplaintDriver.China().Investigate().Decide();
        var stamp = driver.Next();
        var dispatched = stamp.At.AddHours(dispatchedHoursFromNow);
        var notice = new ComplaintNotice("post", dispatched, deliveredHoursFromDispatch is { } d ? dispatched.AddHours(d) : null, "p");

        AssertBroken(ComplaintProblemTypes.NoticeTime, () => driver.Complaint.Notify(notice, Rules, stamp));
    }

    [Fact]
    public void Pause_ForAnEventTheRulesDoNotName_IsRefused()
    {
        var driver = ComplaintDriver.China().Investigate();

        AssertBroken(ComplaintProblemTypes.PauseKind, () => driver.Complaint.Pause("holiday", null, Rules, driver.Next()));
    }

    [Fact]
    public void Pause_ForExternalAppraisalWithoutNotice_IsRefusedButMediationNeedsNone()
    {
        var driver = ComplaintDriver.China().Investigate();

        AssertBroken(ComplaintProblemTypes.NoticeRequired, () => driver.Complaint.Pause("external_appraisal", null, Rules, driver.Next()));
        driver.Complaint.Pause("mediation", null, Rules, driver.Next());

        Assert.Equal("mediation", driver.Complaint.PausedFor);
    }

    [Fact]
    public void ClockStopped_PauseAgainDecideOrRestart_AreConflicts()
    {
        var driver = ComplaintDriver.China().Investigate().Pause();

        AssertConflict(ComplaintProblemTypes.ClockPaused, () => driver.Complaint.Pause("mediation", null, Rules, driver.Next()));
        AssertConflict(ComplaintProblemTypes.ClockPaused, () => driver.Decide());
        AssertConflict(ComplaintProblemTypes.ClockPaused, () => driver.Complaint.RecordRepeat(null, true, Rules, driver.Next()));
    }

    [Fact]
    public void Resume_ClockRunning_IsAConflict()
    {
        var driver = ComplaintDriver.China().Investigate();

        AssertConflict(ComplaintProblemTypes.ClockRunning, () => driver.Complaint.Resume(driver.Next()));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public void Extend_NotTheNextStep_IsRefused(int level)
    {
        var driver = ComplaintDriver.China().Investigate();

        AssertBroken(ComplaintProblemTypes.ExtensionLevel, () => Extend(driver, level, Orgs.SubBranch, "BranchManager"));
    }

    [Fact]
    [UseUiCulture("en")]
    public void Extend_BeyondTheLastStep_SaysNoFurtherExtension()
    {
        var driver = ComplaintDriver.China().Investigate();
        Extend(driver, 1, Orgs.SubBranch, "BranchManager");
        Extend(driver, 2, Orgs.City, "BranchManager");

        var exception = AssertBroken(ComplaintProblemTypes.ExtensionLevel, () => Extend(driver, 3, Orgs.City, "BranchManager"));

        Assert.Equal("The rules allow no further extension.", exception.Message);
    }

    [Theory]
    [InlineData(1, "SubBranch", "ComplaintHandler")] // wrong role
    [InlineData(1, "OtherSubBranch", "BranchManager")] // a neighbour, not the handling organisation or above
    [InlineData(2, "SubBranch", "BranchManager")] // the second step needs the upper level
    [InlineData(2, "Province", "ServiceOfficer")] // a service officer, but not at head office
    public void Extend_ApproverNotEntitled_IsRefused(int level, string organisation, string role)
    {
        var driver = ComplaintDriver.China().Investigate();
        if (level == 2)
        {
            Extend(driver, 1, Orgs.SubBranch, "BranchManager");
        }

        AssertBroken(ComplaintProblemTypes.ExtensionApprover, () => Extend(driver, level, Org(organisation), role));
    }

    [Theory]
    [InlineData("City", "BranchManager")]
    [InlineData("HeadOffice", "BranchManager")]
    [InlineData("HeadOffice", "ServiceOfficer")]
    public void Extend_SecondStepByUpperLevelOrHeadOfficeSeniorManager_IsGranted(string organisation, string role)
    {
        var driver = ComplaintDriver.China().Investigate();
        Extend(driver, 1, Orgs.SubBranch, "BranchManager");

        Extend(driver, 2, Org(organisation), role);

        Assert.Equal(2, driver.Complaint.ExtensionLevel);
    }

    [Fact]
    public void Extend_WithoutApprovalOrNotice_IsRefused()
    {
        var driver = ComplaintDriver.China().Investigate();

        AssertBroken(ComplaintProblemTypes.ExtensionApprover, () => driver.Complaint.Extend(1, "复杂", null, driver.Notice(), Rules, China.Calendar, driver.Next()));
        AssertBroken(ComplaintProblemTypes.NoticeRequired, () => driver.Complaint.Extend(1, "复杂", Approval(Orgs.SubBranch, "BranchManager"), null, Rules, China.Calendar, driver.Next()));
    }

    [Fact]
    public void Extend_AfterTheDeadlinePassed_IsRefused()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate();
        var stamp = driver.At(Cst(2024, 3, 20, 0));

        AssertBroken(ComplaintProblemTypes.ExtensionLate, () => driver.Complaint.Extend(1, "复杂", Approval(Orgs.SubBranch, "BranchManager"), driver.Notice(), Rules, China.Calendar, stamp));
    }

    [Fact]
    public void Close_WithoutRootCause_IsRefused()
    {
        var driver = ComplaintDriver.China().To(ComplaintStatus.Notified);

        AssertBroken(ComplaintProblemTypes.RootCauseRequired, () => driver.Complaint.Close(null, null, Rules, driver.Next()));
    }

    [Fact]
    public void Close_InternalCauseWithoutRectification_IsRefusedExternalCauseIsNot()
    {
        var internalCause = ComplaintDriver.China().To(ComplaintStatus.Notified);
        var externalCause = ComplaintDriver.China().To(ComplaintStatus.Notified);

        AssertBroken(ComplaintProblemTypes.RectificationRequired, () => internalCause.Complaint.Close(Taxonomy.RootCause("sales_conduct"), null, Rules, internalCause.Next()));
        externalCause.Complaint.Close(Taxonomy.RootCause("unfounded"), null, Rules, externalCause.Next());

        Assert.Equal(ComplaintStatus.Closed, externalCause.Complaint.Status);
    }

    [Fact]
    public void Close_InternalCauseWithRectification_RecordsItOnTheComplaintAndInTheHistory()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).To(ComplaintStatus.Notified);
        var rectification = new RectificationItem("修订双录话术", Orgs.Staff(Orgs.City), new DateOnly(2024, 4, 30));

        driver.Complaint.Close(Taxonomy.RootCause("sales_conduct"), rectification, Rules, driver.Next());

        Assert.Equal(("sales_conduct", rectification), (driver.Complaint.RootCause, driver.Complaint.Rectification));
        var closed = Assert.IsType<Xiaobao.Complaints.Domain.Events.ComplaintClosed>(driver.Complaint.History[^1]);
        Assert.True(closed.InternalCause);
    }

    [Fact]
    public void Close_RectificationDueBeforeClosure_IsRefused()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).To(ComplaintStatus.Notified);
        var rectification = new RectificationItem("修订话术", Orgs.Staff(Orgs.City), new DateOnly(2024, 3, 1));

        AssertBroken(ComplaintProblemTypes.RectificationDue, () => driver.Complaint.Close(Taxonomy.RootCause("sales_conduct"), rectification, Rules, driver.Next()));
    }

    [Fact]
    public void RequestVerification_DecisionOfTheHeadOffice_IsUnavailable()
    {
        var driver = ComplaintDriver.China(organisation: Orgs.HeadOffice).To(ComplaintStatus.Notified);

        AssertBroken(ComplaintProblemTypes.VerificationUnavailable, () => driver.RequestVerification(Orgs.HeadOffice));
    }

    [Fact]
    public void RequestVerification_MarketWithoutVerification_IsUnavailable()
    {
        var driver = ComplaintDriver.Register(Zedland.Rules2025, Zedland.Taxonomy, Zedland.Calendar, Zedland.Utc(2025, 2, 28), Orgs.SubBranch, new ComplaintFacts { Channel = "web" })
            .Investigate().Decide().Notify(channel: "phone");

        AssertBroken(ComplaintProblemTypes.VerificationUnavailable, () => driver.RequestVerification(Orgs.City));
    }

    [Theory]
    [InlineData("SubBranch")]
    [InlineData("OtherSubBranch")]
    public void RequestVerification_ByAnOrganisationNotAboveTheDecider_IsRefused(string organisation)
    {
        var driver = ComplaintDriver.China().To(ComplaintStatus.Notified);

        AssertBroken(ComplaintProblemTypes.VerificationOrganisation, () => driver.RequestVerification(Org(organisation)));
    }

    [Fact]
    public void RequestVerification_AfterTheWindow_IsRefusedOnItsLastDayAccepted()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate().Decide(Cst(2024, 3, 14)).Notify(Cst(2024, 3, 15));

        // The 30th day, 14 April 2024, is a Sunday: the window ends with Monday 15 April.
        driver.Complaint.RequestVerification(Orgs.City, Rules, China.Calendar, driver.At(Cst(2024, 4, 15, 23, 59)));
        var late = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate().Decide(Cst(2024, 3, 14)).Notify(Cst(2024, 3, 15));

        AssertBroken(ComplaintProblemTypes.VerificationWindow, () => late.Complaint.RequestVerification(Orgs.City, Rules, China.Calendar, late.At(Cst(2024, 4, 16, 0))));
    }

    [Fact]
    public void RequestVerification_SecondTime_IsAConflict()
    {
        var driver = ComplaintDriver.China().To(ComplaintStatus.Verifying).Assign().Decide().Notify();

        AssertConflict(ComplaintProblemTypes.VerificationRepeated, () => driver.RequestVerification(Orgs.Province));
    }

    [Fact]
    public void AnyAction_DatedBeforeThePreviousOrAfterItsRecording_IsRefused()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Accept();
        var actor = Orgs.Actor(Orgs.SubBranch);

        AssertBroken(ComplaintProblemTypes.TimeOrder, () => driver.Complaint.Withdraw(new EventStamp(actor, Cst(2024, 3, 4, 8), Cst(2024, 3, 5))));
        AssertBroken(ComplaintProblemTypes.TimeOrder, () => driver.Complaint.Withdraw(new EventStamp(actor, Cst(2024, 3, 6), Cst(2024, 3, 5))));
    }

    [Fact]
    public void Assign_HandlerOfAnotherOrganisation_IsRefused()
    {
        var driver = ComplaintDriver.China().Accept();

        AssertBroken(ComplaintProblemTypes.HandlerOrganisation, () => driver.Complaint.Assign(Orgs.Staff(Orgs.OtherSubBranch), driver.Next()));
    }

    [Fact]
    public void Transfer_ToTheSameOrganisation_IsRefused()
    {
        var driver = ComplaintDriver.China();

        AssertBroken(ComplaintProblemTypes.TransferSame, () => driver.Complaint.Transfer(Orgs.SubBranch, "x", driver.Next()));
    }

    [Fact]
    public void Escalate_Twice_AndHandBackWithoutEscalation_AreConflicts()
    {
        var escalated = ComplaintDriver.China().Accept();
        escalated.Complaint.Escalate(Orgs.Staff(Orgs.Province), [], escalated.Next());
        var plain = ComplaintDriver.China().Accept();

        AssertConflict(ComplaintProblemTypes.AlreadyEscalated, () => escalated.Complaint.Escalate(Orgs.Staff(Orgs.HeadOffice), [], escalated.Next()));
        AssertConflict(ComplaintProblemTypes.NotEscalated, () => plain.Complaint.HandBack(null, null, plain.Next()));
    }

    [Fact]
    public void Decide_WithoutGroundsOrHowVerified_FieldErrorsNamingBoth()
    {
        var driver = ComplaintDriver.China().Investigate();

        var exception = Assert.Throws<ValidationFailedException>(() =>
            driver.Complaint.Decide(new ComplaintDecision(DecisionOutcome.NotUpheld, " ", "", -1m), Rules, driver.Next()));

        Assert.Equal(["grounds", "howVerified", "redressAmount"], exception.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Decide_MarketRequiringOnlyGrounds_AcceptsAnEmptyHowVerified()
    {
        var driver = ComplaintDriver.Register(Zedland.Rules2025, Zedland.Taxonomy, Zedland.Calendar, Zedland.Utc(2025, 2, 28), Orgs.SubBranch, new ComplaintFacts { Channel = "web" }).Investigate();

        driver.Complaint.Decide(new ComplaintDecision(DecisionOutcome.Upheld, "", "policy wording", 250m), driver.Rules, driver.Next());

        Assert.Equal(250m, driver.Complaint.Decision!.RedressAmount);
    }

    [Fact]
    public void Register_ReceivedInTheFutureOrWithUnknownCodes_FieldErrorsAndNoComplaint()
    {
        var actor = Orgs.Actor(Orgs.SubBranch);
        var facts = new ComplaintFacts { Channel = "pigeon", VulnerabilityFlags = ["elderly", "grumpy"], PeopleCount = 8, Representatives = 6, AmountInDispute = -5 };
        var intake = new ComplaintIntake(Orgs.SubBranch, facts, new ComplaintClassification("yacht", "sales_dispute", false));

        var exception = Assert.Throws<ValidationFailedException>(() =>
            Complaint.Register(Guid.NewGuid(), intake, Rules, Taxonomy, new EventStamp(actor, Cst(2024, 3, 5), Cst(2024, 3, 4))));

        Assert.Equal(
            ["amountInDispute", "businessType", "channel", "receivedAt", "representatives", "vulnerabilityFlags"],
            exception.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    [UseUiCulture("en")]
    public void Register_SixRepresentatives_RefusedWithTheCapOfTheRules()
    {
        var intake = new ComplaintIntake(Orgs.SubBranch, new ComplaintFacts { Channel = "visit", PeopleCount = 30, Representatives = 6 }, ComplaintClassification.None);

        var exception = Assert.Throws<ValidationFailedException>(() =>
            Complaint.Register(Guid.NewGuid(), intake, Rules, Taxonomy, new EventStamp(Orgs.Actor(Orgs.SubBranch), Cst(2024, 3, 4), Cst(2024, 3, 4))));

        Assert.Equal(["There can be at most 5 representatives."], exception.Errors["representatives"]);
    }

    [Fact]
    public void Register_UnderRulesNotInForceOnTheDayOfReceipt_IsAProgrammingError()
    {
        var intake = new ComplaintIntake(Orgs.SubBranch, new ComplaintFacts { Channel = "web" }, ComplaintClassification.None);

        Assert.Throws<ArgumentException>(() =>
            Complaint.Register(Guid.NewGuid(), intake, Zedland.Rules2023, Zedland.Taxonomy, new EventStamp(Orgs.Actor(Orgs.SubBranch), Zedland.Utc(2025, 2, 1), Zedland.Utc(2025, 2, 1))));
    }

    [Fact]
    public void AnyRuleMethod_WithAnotherRuleVersion_IsAProgrammingError()
    {
        var driver = ComplaintDriver.China().Investigate();

        Assert.Throws<ArgumentException>(() => driver.Complaint.Pause("awaiting_customer", null, Zedland.Rules2025, driver.Next()));
    }

    private static void Extend(ComplaintDriver driver, int level, OrganisationUnit approverOrganisation, string role) =>
        driver.Complaint.Extend(level, "复杂", Approval(approverOrganisation, role), driver.Notice(), Rules, China.Calendar, driver.Next());

    private static ExtensionApproval Approval(OrganisationUnit organisation, string role) => new(Orgs.Staff(organisation), role);

    private static OrganisationUnit Org(string name) => name switch
    {
        "HeadOffice" => Orgs.HeadOffice,
        "Province" => Orgs.Province,
        "City" => Orgs.City,
        "SubBranch" => Orgs.SubBranch,
        "OtherSubBranch" => Orgs.OtherSubBranch,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static DomainException AssertBroken(string type, Action action)
    {
        var exception = Assert.Throws<DomainException>(action);
        Assert.Equal((type, false), (exception.Type, exception.IsConflict));
        Assert.DoesNotContain("⟦", exception.Message, StringComparison.Ordinal);
        return exception;
    }

    private static void AssertConflict(string type, Action action)
    {
        var exception = Assert.Throws<DomainException>(action);
        Assert.Equal((type, true), (exception.Type, exception.IsConflict));
        Assert.DoesNotContain("⟦", exception.Message, StringComparison.Ordinal);
    }
}
