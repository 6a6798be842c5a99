using Xiaobao.Complaints.Deadlines;
using Xiaobao.Complaints.Domain;
using static Xiaobao.UnitTests.Complaints.China;

namespace Xiaobao.UnitTests.Complaints;

public sealed class ComplaintClockTests
{
    private static readonly TimeSpan _plus8 = TimeSpan.FromHours(8);

    [Fact]
    public void Compute_ReceivedBeforeNationalDay_DueTuesdayAfterTheHoliday()
    {
        var driver = ComplaintDriver.China(Cst(2024, 9, 20));

        var decision = Deadlines(driver, Cst(2024, 9, 21)).Decision;

        Assert.Equal(new DateOnly(2024, 10, 8), decision.Decision.Due.LastDay);
        Assert.Equal(new DateTimeOffset(2024, 10, 9, 0, 0, 0, _plus8), decision.Decision.Due.DueAt);
        Assert.Equal(decision.Decision.Due, decision.Notification.Due);
        Assert.Equal(StageStatus.Pending, decision.Decision.Status);
        Assert.Equal(0, decision.ExtensionLevel);
    }

    [Theory]
    [InlineData("2024-09-27", "2024-10-12")] // the 15th day is a Saturday make-up working day: no roll-forward
    [InlineData("2024-03-22", "2024-04-07")] // the 15th day is in the Qingming holiday: rolls to the Sunday make-up working day
    [InlineData("2024-03-04", "2024-03-19")] // ordinary weekdays
    [InlineData("2024-03-01", "2024-03-18")] // plain Saturday rolls to Monday
    public void Compute_FifteenDays_CountedOnTheOfficialCalendar(string received, string lastDay)
    {
        var driver = ComplaintDriver.China(Received(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), Deadlines(driver, driver.Now).Decision.Decision.Due.LastDay);
    }

    [Fact]
    public void Compute_FirstAndSecondExtension_ThirtyThenSixtyDaysFromReceipt()
    {
        var driver = ComplaintDriver.China(Cst(2024, 9, 20)).Investigate();
        var approver = new ExtensionApproval(Orgs.Staff(Orgs.SubBranch), "BranchManager");
        driver.Complaint.Extend(1, "复杂", approver, driver.Notice(), Rules, China.Calendar, driver.Next());
        var first = Deadlines(driver, driver.Now).Decision;

        driver.Complaint.Extend(2, "特别复杂", new ExtensionApproval(Orgs.Staff(Orgs.City), "BranchManager"), driver.Notice(), Rules, China.Calendar, driver.At(Cst(2024, 10, 15)));
        var second = Deadlines(driver, driver.Now).Decision;

        // 20 October 2024 is a Sunday.
        Assert.Equal((1, new DateOnly(2024, 10, 21)), (first.ExtensionLevel, first.Decision.Due.LastDay));
        Assert.Equal((2, new DateOnly(2024, 11, 19)), (second.ExtensionLevel, second.Decision.Due.LastDay));
    }

    [Fact]
    public void Compute_PauseOverDays_LengthensByCalendarDaysThenRollsForward()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate().Pause("mediation", Cst(2024, 3, 6, 10)).Resume(Cst(2024, 3, 11, 15));

        var decision = Deadlines(driver, driver.Now).Decision;

        // 19 March + 5 days is Sunday 24 March.
        Assert.Equal(5, decision.PausedDays);
        Assert.Equal(new DateOnly(2024, 3, 25), decision.Decision.Due.LastDay);
        Assert.Null(decision.PausedSince);
    }

    [Fact]
    public void Compute_PauseOpenedAndClosedTheSameDay_CostsNothing()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate().Pause("mediation", Cst(2024, 3, 6, 10)).Resume(Cst(2024, 3, 6, 17));

        var decision = Deadlines(driver, driver.Now).Decision;

        Assert.Equal((0, new DateOnly(2024, 3, 19)), (decision.PausedDays, decision.Decision.Due.LastDay));
    }

    [Fact]
    public void Compute_PauseStillOpen_ShowsTheDeadlineAsIfResumedNow()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate().Pause("mediation", Cst(2024, 3, 6, 10));

        var decision = Deadlines(driver, Cst(2024, 3, 8, 12)).Decision;

        Assert.Equal(Cst(2024, 3, 6, 10), decision.PausedSince);
        Assert.Equal((2, new DateOnly(2024, 3, 21)), (decision.PausedDays, decision.Decision.Due.LastDay));
    }

    [Fact]
    public void Compute_PauseBeginningAfterTheDeadline_DoesNotReviveIt()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate().Pause("mediation", Cst(2024, 3, 21)).Resume(Cst(2024, 3, 28));

        var decision = Deadlines(driver, driver.Now).Decision;

        Assert.Equal((0, new DateOnly(2024, 3, 19)), (decision.PausedDays, decision.Decision.Due.LastDay));
        Assert.Equal(StageStatus.Overdue, decision.Decision.Status);
    }

    [Fact]
    public void Compute_RepeatWithNewFacts_RestartsFromItsReceiptWithoutEarlierExtension()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate();
        driver.Complaint.Extend(1, "复杂", new ExtensionApproval(Orgs.Staff(Orgs.SubBranch), "BranchManager"), driver.Notice(), Rules, China.Calendar, driver.Next());
        driver.Complaint.RecordRepeat(null, newFacts: true, Rules, driver.At(Cst(2024, 3, 10, 14)));

        var decision = Deadlines(driver, driver.Now).Decision;

        Assert.Equal(Cst(2024, 3, 10, 14), decision.StartedAt);
        Assert.Equal((0, new DateOnly(2024, 3, 25)), (decision.ExtensionLevel, decision.Decision.Due.LastDay));
        Assert.Equal(0, driver.Complaint.ExtensionLevel);
    }

    [Fact]
    public void Compute_RepeatWithoutNewFacts_ChangesNoDeadline()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate();
        driver.Complaint.RecordRepeat(Guid.NewGuid(), newFacts: false, Rules, driver.At(Cst(2024, 3, 10, 14)));

        var decision = Deadlines(driver, driver.Now).Decision;

        Assert.Equal((Cst(2024, 3, 4, 9), new DateOnly(2024, 3, 19)), (decision.StartedAt, decision.Decision.Due.LastDay));
        Assert.True(driver.Complaint.Facts.IsRepeat);
    }

    [Fact]
    public void Compute_WithdrawnBeforeTheDeadline_EndsEveryStage()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate();
        driver.Complaint.Withdraw(driver.At(Cst(2024, 3, 8)));

        var decision = Deadlines(driver, Cst(2024, 4, 1)).Decision;

        Assert.Equal(Cst(2024, 3, 8), decision.EndedAt);
        Assert.Equal((StageStatus.Ended, StageStatus.Ended), (decision.Decision.Status, decision.Notification.Status));
    }

    [Fact]
    public void Compute_WithdrawnAfterTheDeadline_StaysOverdue()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate();
        driver.Complaint.Withdraw(driver.At(Cst(2024, 3, 22)));

        Assert.Equal(StageStatus.Overdue, Deadlines(driver, Cst(2024, 4, 1)).Decision.Decision.Status);
    }

    [Fact]
    public void Compute_LetterPostedBeforeMidnightOfTheLastDay_IsOnTimeThoughDeliveredLater()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate()
            .Decide(Cst(2024, 3, 19, 20))
            .Notify(Cst(2024, 3, 19, 23, 30), "post", deliveredAt: Cst(2024, 3, 22));

        var decision = Deadlines(driver, driver.Now).Decision;

        Assert.Equal((StageStatus.OnTime, StageStatus.OnTime), (decision.Decision.Status, decision.Notification.Status));
        Assert.Equal(Cst(2024, 3, 19, 23, 30), decision.Notification.CompletedAt);
    }

    [Fact]
    public void Compute_CallMadeAfterMidnight_NotificationLateThoughDecisionOnTime()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate().Decide(Cst(2024, 3, 19, 20)).Notify(Cst(2024, 3, 20, 0, 30), "phone");

        var decision = Deadlines(driver, driver.Now).Decision;

        Assert.Equal((StageStatus.OnTime, StageStatus.Late), (decision.Decision.Status, decision.Notification.Status));
    }

    [Theory]
    [InlineData(19, 23, StageStatus.Pending)]
    [InlineData(20, 0, StageStatus.Overdue)]
    public void Compute_Undecided_PendingUntilMidnightOfTheLastDay(int day, int hour, StageStatus expected)
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate();

        Assert.Equal(expected, Deadlines(driver, Cst(2024, 3, day, hour)).Decision.Decision.Status);
    }

    [Fact]
    public void Compute_ReopenedAndDecidedAgain_KeepsTheFirstDecisionAndNotice()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate().Decide(Cst(2024, 3, 10)).Notify(Cst(2024, 3, 11)).Close();
        driver.Complaint.Reopen("质检发现依据有误", driver.At(Cst(2024, 3, 25)));
        driver.Decide(Cst(2024, 3, 26)).Notify(Cst(2024, 3, 27));

        var decision = Deadlines(driver, driver.Now).Decision;

        Assert.Equal((Cst(2024, 3, 10), StageStatus.OnTime), (decision.Decision.CompletedAt, decision.Decision.Status));
        Assert.Equal(Cst(2024, 3, 11), decision.Notification.CompletedAt);
    }

    [Fact]
    public void Compute_VerificationWindow_OpensWhenTheDecisionIsReceivedAndLapsesAfterThirtyDays()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate().Decide(Cst(2024, 3, 14)).Notify(Cst(2024, 3, 15), "post", deliveredAt: Cst(2024, 3, 18));

        var open = Deadlines(driver, Cst(2024, 4, 10)).Verification!;
        var lapsed = Deadlines(driver, Cst(2024, 4, 18, 0)).Verification!;

        Assert.Equal(Cst(2024, 3, 18), open.WindowOpenedAt);
        Assert.Equal(new DateOnly(2024, 4, 17), open.WindowCloses.LastDay);
        Assert.Equal(VerificationWindowStatus.Open, open.Window);
        Assert.Equal(VerificationWindowStatus.Lapsed, lapsed.Window);
        Assert.Null(open.Decision);
    }

    [Fact]
    public void Compute_VerificationRequested_UpperLevelHasThirtyDaysToDecideAndTell()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate().Decide(Cst(2024, 3, 14)).Notify(Cst(2024, 3, 15), "post", deliveredAt: Cst(2024, 3, 18));
        driver.Complaint.RequestVerification(Orgs.City, Rules, China.Calendar, driver.At(Cst(2024, 4, 10)));
        driver.Assign().Decide(Cst(2024, 5, 8)).Notify(Cst(2024, 5, 9), "sms");

        var verification = Deadlines(driver, driver.Now).Verification!;

        Assert.Equal((VerificationWindowStatus.Requested, Cst(2024, 4, 10)), (verification.Window, verification.RequestedAt));
        Assert.Equal(new DateOnly(2024, 5, 10), verification.Decision!.Due.LastDay);
        Assert.Equal((StageStatus.OnTime, StageStatus.OnTime), (verification.Decision.Status, verification.Notification!.Status));
    }

    [Fact]
    public void Compute_DecidedAtHeadOffice_HasNoVerification()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9), Orgs.HeadOffice).Investigate().Decide().Notify();

        Assert.Null(Deadlines(driver, driver.Now).Verification);
    }

    [Fact]
    public void Compute_TransferredUpAndBack_SubClocksSplitTheRunningTimePerOrganisationAndLevel()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9));
        var complaint = driver.Complaint;
        complaint.Transfer(Orgs.City, "涉及多家支公司", driver.At(Cst(2024, 3, 6, 9)));
        driver.Investigate().Pause("mediation", Cst(2024, 3, 7, 9)).Resume(Cst(2024, 3, 8, 9));
        complaint.Transfer(Orgs.SubBranch, "退回属地处理", driver.At(Cst(2024, 3, 9, 9)));
        driver.Assign().StartInvestigation().Decide(Cst(2024, 3, 10, 9)).Notify(Cst(2024, 3, 11, 9)).Close();

        var deadlines = Deadlines(driver, Cst(2024, 4, 1));

        Assert.Equal(
            [new OrganisationClock(Orgs.SubBranch, TimeSpan.FromDays(4)), new OrganisationClock(Orgs.City, TimeSpan.FromDays(2))],
            deadlines.Organisations);
        Assert.Equal([new LevelClock(3, TimeSpan.FromDays(2)), new LevelClock(4, TimeSpan.FromDays(4))], deadlines.Levels);
    }

    [Fact]
    public void Compute_SubClocksWhileStillOpen_RunToTheMomentOfEvaluation()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate();

        var levels = Deadlines(driver, Cst(2024, 3, 5, 21)).Levels;

        Assert.Equal([new LevelClock(4, TimeSpan.FromHours(36))], levels);
    }

    [Fact]
    public void Compute_ChinaHasNoAcceptancePeriod_NoAcceptanceStage()
    {
        var driver = ComplaintDriver.China();

        Assert.Null(Deadlines(driver, driver.Now).Acceptance);
    }

    [Fact]
    public void IsWithinRepeatWindow_NinetyDaysFromReceiptCountedLikeEveryPeriod()
    {
        // The 90th day, 2 June 2024, is a Sunday, so the window runs to the end of Monday 3 June.
        Assert.True(ComplaintClock.IsWithinRepeatWindow(Rules, China.Calendar, Cst(2024, 3, 4), Cst(2024, 6, 3, 23)));
        Assert.False(ComplaintClock.IsWithinRepeatWindow(Rules, China.Calendar, Cst(2024, 3, 4), Cst(2024, 6, 4, 0)));
        Assert.False(ComplaintClock.IsWithinRepeatWindow(Rules, China.Calendar, Cst(2024, 3, 4), Cst(2024, 3, 3)));
    }

    [Fact]
    public void Compute_HistoryOfAnotherRuleVersion_IsRefused()
    {
        var driver = ComplaintDriver.China();

        Assert.Throws<ArgumentException>(() => ComplaintClock.Compute(driver.Complaint.History, Zedland.Rules2025, China.Calendar, driver.Now));
        Assert.Throws<ArgumentException>(() => ComplaintClock.Compute([.. driver.Complaint.History.Skip(1)], Rules, China.Calendar, driver.Now));
    }

    private static DateTimeOffset Received(DateOnly day) => Cst(day.Year, day.Month, day.Day);

    private static ComplaintDeadlines Deadlines(ComplaintDriver driver, DateTimeOffset asOf) =>
        driver.Complaint.Deadlines(driver.Rules, driver.Calendar, asOf);
}
