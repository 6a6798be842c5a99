using Xiaobao.Complaints;
using Xiaobao.Complaints.Domain;
using Xiaobao.Kernel.Errors;

namespace Xiaobao.UnitTests.Complaints;

public sealed class ComplaintWorkflowTests
{
    public static TheoryData<ComplaintAction, ComplaintStatus> Legal() => Pairs(allowed: true);

    public static TheoryData<ComplaintAction, ComplaintStatus> Illegal() => Pairs(allowed: false);

    [Theory]
    [MemberData(nameof(Legal))]
    public void Action_AllowedInStatus_MovesToTheTableTargetAndAppendsOneEventPerStep(ComplaintAction action, ComplaintStatus from)
    {
        var driver = ComplaintDriver.China().To(from);
        var before = driver.Complaint.History.Count;

        var steps = Perform(driver, action, withPreconditions: true);

        Assert.Equal(Target(action, from), driver.Complaint.Status);
        Assert.Equal(before + steps, driver.Complaint.History.Count);
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Action_NotAllowedInStatus_IsAConflictAndChangesNothing(ComplaintAction action, ComplaintStatus from)
    {
        var driver = ComplaintDriver.China().To(from);
        var history = driver.Complaint.History.ToList();

        var exception = Assert.Throws<DomainException>(() => Perform(driver, action, withPreconditions: false));

        Assert.Equal(ComplaintProblemTypes.TransitionNotAllowed, exception.Type);
        Assert.True(exception.IsConflict);
        Assert.Equal(from, driver.Complaint.Status);
        Assert.Equal(history, driver.Complaint.History);
    }

    [Fact]
    [UseUiCulture("en")]
    public void Action_NotAllowed_MessageNamesStatusAndAction()
    {
        var driver = ComplaintDriver.China();

        var exception = Assert.Throws<DomainException>(() => driver.Close());

        Assert.Equal("'Close' is not possible while the complaint is Registered.", exception.Message);
    }

    [Fact]
    public void ActionsIn_Closed_OffersReopenVerificationAndClassificationOnly()
    {
        Assert.Equal(
            [ComplaintAction.Classify, ComplaintAction.Reopen, ComplaintAction.RequestVerification],
            ComplaintWorkflow.ActionsIn(ComplaintStatus.Closed));
        Assert.Equal([ComplaintAction.Classify], ComplaintWorkflow.ActionsIn(ComplaintStatus.Withdrawn));
        Assert.Equal([ComplaintAction.Classify], ComplaintWorkflow.ActionsIn(ComplaintStatus.Rejected));
    }

    [Fact]
    public void FullLife_RegisteredToClosed_FollowsTheIssueOrder()
    {
        var driver = ComplaintDriver.China();
        var seen = new List<ComplaintStatus> { driver.Complaint.Status };

        driver.Accept();
        seen.Add(driver.Complaint.Status);
        driver.Assign();
        seen.Add(driver.Complaint.Status);
        driver.StartInvestigation();
        seen.Add(driver.Complaint.Status);
        driver.Decide();
        seen.Add(driver.Complaint.Status);
        driver.Notify();
        seen.Add(driver.Complaint.Status);
        driver.Close();
        seen.Add(driver.Complaint.Status);

        Assert.Equal(
            [ComplaintStatus.Registered, ComplaintStatus.Accepted, ComplaintStatus.Assigned, ComplaintStatus.Investigating, ComplaintStatus.Decided, ComplaintStatus.Notified, ComplaintStatus.Closed],
            seen);
    }

    [Fact]
    public void Verification_DecidedNotifiedAndClosed_RunsInTheVerificationStageAtTheUpperLevel()
    {
        var driver = ComplaintDriver.China().To(ComplaintStatus.Closed).RequestVerification(Orgs.City);

        driver.Assign().Decide().Notify().Close();

        Assert.Equal((ComplaintStatus.Closed, ComplaintStage.Verification), (driver.Complaint.Status, driver.Complaint.Stage));
        Assert.Equal(Orgs.City, driver.Complaint.ActingOrganisation);
        Assert.Equal(Orgs.SubBranch, driver.Complaint.Organisation);
        Assert.Equal(Orgs.SubBranch, driver.Complaint.DecidedBy);
    }

    [Fact]
    public void Reopen_AfterVerification_ReturnsToVerifying()
    {
        var driver = ComplaintDriver.China().To(ComplaintStatus.Verifying).Assign().Decide().Notify().Close();

        driver.Complaint.Reopen("复核", driver.Next());

        Assert.Equal(ComplaintStatus.Verifying, driver.Complaint.Status);
    }

    private static TheoryData<ComplaintAction, ComplaintStatus> Pairs(bool allowed)
    {
        var data = new TheoryData<ComplaintAction, ComplaintStatus>();
        foreach (var action in Enum.GetValues<ComplaintAction>())
        {
            foreach (var status in Enum.GetValues<ComplaintStatus>().Where(s => ComplaintWorkflow.Allows(s, action) == allowed))
            {
                data.Add(action, status);
            }
        }

        return data;
    }

    private static ComplaintStatus Target(ComplaintAction action, ComplaintStatus from) => action switch
    {
        ComplaintAction.Accept => ComplaintStatus.Accepted,
        ComplaintAction.Reject => ComplaintStatus.Rejected,
        ComplaintAction.Assign => from == ComplaintStatus.Verifying ? ComplaintStatus.Verifying : ComplaintStatus.Assigned,
        ComplaintAction.StartInvestigation => ComplaintStatus.Investigating,
        ComplaintAction.RecordRepeat => from == ComplaintStatus.Decided ? ComplaintStatus.Investigating : from,
        ComplaintAction.Transfer => from == ComplaintStatus.Registered ? ComplaintStatus.Registered : ComplaintStatus.Accepted,
        ComplaintAction.Decide => ComplaintStatus.Decided,
        ComplaintAction.Notify => ComplaintStatus.Notified,
        ComplaintAction.Close => ComplaintStatus.Closed,
        ComplaintAction.Reopen => ComplaintStatus.Investigating,
        ComplaintAction.RequestVerification => ComplaintStatus.Verifying,
        ComplaintAction.Withdraw => ComplaintStatus.Withdrawn,
        _ => from,
    };

    // Performs the action with valid arguments and returns how many events that took. With preconditions, first does
    // what the action needs besides the status (a pause before resuming, an escalation before handing back).
    private static int Perform(ComplaintDriver driver, ComplaintAction action, bool withPreconditions)
    {
        var complaint = driver.Complaint;
        var rules = driver.Rules;
        switch (action)
        {
            case ComplaintAction.Accept:
                complaint.Accept(driver.Next());
                return 1;
            case ComplaintAction.Reject:
                complaint.Reject("not_from_complainant", null, driver.Notice(), rules, driver.Next());
                return 1;
            case ComplaintAction.Assign:
                complaint.Assign(Orgs.Staff(complaint.ActingOrganisation), driver.Next());
                return 1;
            case ComplaintAction.StartInvestigation:
                complaint.StartInvestigation(driver.Next());
                return 1;
            case ComplaintAction.Pause:
                complaint.Pause("mediation", null, rules, driver.Next());
                return 1;
            case ComplaintAction.Resume:
                if (withPreconditions)
                {
                    complaint.Pause("mediation", null, rules, driver.Next());
                }

                complaint.Resume(driver.Next());
                return withPreconditions ? 2 : 1;
            case ComplaintAction.Extend:
                complaint.Extend(1, "复杂", new ExtensionApproval(Orgs.Staff(complaint.Organisation), "BranchManager"), driver.Notice(), rules, driver.Calendar, driver.Next());
                return 1;
            case ComplaintAction.RecordRepeat:
                complaint.RecordRepeat(null, newFacts: true, rules, driver.Next());
                return 1;
            case ComplaintAction.Transfer:
                complaint.Transfer(Orgs.OtherSubBranch, "属地", driver.Next());
                return 1;
            case ComplaintAction.Escalate:
                complaint.Escalate(Orgs.Staff(Orgs.Province), [], driver.Next());
                return 1;
            case ComplaintAction.HandBack:
                if (withPreconditions)
                {
                    complaint.Escalate(Orgs.Staff(Orgs.Province), [], driver.Next());
                }

                complaint.HandBack(null, "已约见客户", driver.Next());
                return withPreconditions ? 2 : 1;
            case ComplaintAction.ReviseFacts:
                complaint.ReviseFacts(complaint.Facts with { MediaRisk = true }, rules, driver.Taxonomy, driver.Next());
                return 1;
            case ComplaintAction.Classify:
                complaint.Classify(new ComplaintClassification("disease", "claim_dispute", false), rules, driver.Taxonomy, driver.Next());
                return 1;
            case ComplaintAction.Decide:
                driver.Decide();
                return 1;
            case ComplaintAction.Notify:
                driver.Notify();
                return 1;
            case ComplaintAction.Close:
                driver.Close();
                return 1;
            case ComplaintAction.Reopen:
                complaint.Reopen("质检", driver.Next());
                return 1;
            case ComplaintAction.RequestVerification:
                driver.RequestVerification(Orgs.City);
                return 1;
            case ComplaintAction.Withdraw:
                complaint.Withdraw(driver.Next());
                return 1;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
