using Xiaobao.Complaints.Deadlines;
using Xiaobao.Complaints.Domain;
using static Xiaobao.UnitTests.Complaints.Zedland;

namespace Xiaobao.UnitTests.Complaints;

/// <summary>The same engine on a made-up market's rules: working days, a holiday, delivery-based notices, no roll-forward.</summary>
public sealed class ZedlandClockTests
{
    private static readonly OrganisationUnit _branch = Orgs.SubBranch;

    [Fact]
    public void Compute_AcknowledgementWithinThreeWorkingDays_SkipsTheHoliday()
    {
        var driver = Register(Utc(2025, 2, 28));

        var acceptance = Deadlines(driver, Utc(2025, 3, 5)).Acceptance!;

        // Monday 3 March is Founders' Day: Tuesday, Wednesday, Thursday.
        Assert.Equal(new DateOnly(2025, 3, 6), acceptance.Due.LastDay);
        Assert.Equal(StageStatus.Pending, acceptance.Status);
    }

    [Theory]
    [InlineData(6, 16, StageStatus.OnTime)]
    [InlineData(7, 9, StageStatus.Late)]
    public void Compute_Acknowledged_OnTimeOrLate(int day, int hour, StageStatus expected)
    {
        var driver = Register(Utc(2025, 2, 28));
        driver.Complaint.Accept(driver.At(Utc(2025, 3, day, hour)));

        Assert.Equal(expected, Deadlines(driver, driver.Now).Acceptance!.Status);
    }

    [Fact]
    public void Compute_FinalResponseTwentyWorkingDays_AndTheExtensionFortyWorkingDays()
    {
        var driver = Register(Utc(2025, 2, 28));
        var before = Deadlines(driver, driver.Now).Decision.Decision.Due;
        driver.Accept().Assign().StartInvestigation();
        driver.Complaint.Extend(1, "awaiting expert", new ExtensionApproval(Orgs.Staff(_branch), "ComplaintsManager"), null, Rules2025, Zedland.Calendar, driver.Next());
        var after = Deadlines(driver, driver.Now).Decision.Decision.Due;

        Assert.Equal(new DateOnly(2025, 3, 31), before.LastDay);
        Assert.Equal(new DateOnly(2025, 4, 28), after.LastDay);

        // British Summer Time began on 30 March: midnight is 23:00 UTC.
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.FromHours(1)), before.DueAt);
    }

    [Fact]
    public void Compute_EmailCountsOnDelivery_SentInTimeButDeliveredAfterMidnightIsLate()
    {
        var driver = Register(Utc(2025, 2, 28)).Accept().Assign().StartInvestigation().Decide(Utc(2025, 3, 31, 18));
        driver.Notify(Utc(2025, 3, 31, 20), "email", deliveredAt: Utc(2025, 4, 1, 8));

        Assert.Equal(StageStatus.Late, Deadlines(driver, driver.Now).Decision.Notification.Status);
    }

    [Fact]
    public void Compute_PhoneCountsWhenTheCallIsMade()
    {
        var driver = Register(Utc(2025, 2, 28)).Accept().Assign().StartInvestigation().Decide(Utc(2025, 3, 31, 18));
        driver.Notify(Utc(2025, 3, 31, 20), "phone");

        Assert.Equal(StageStatus.OnTime, Deadlines(driver, driver.Now).Decision.Notification.Status);
    }

    [Fact]
    public void Compute_EmailNotYetDelivered_NotificationStillOutstanding()
    {
        var driver = Register(Utc(2025, 2, 28)).Accept().Assign().StartInvestigation().Decide(Utc(2025, 3, 31, 18));
        driver.Notify(Utc(2025, 3, 31, 20), "email");

        var notification = Deadlines(driver, Utc(2025, 4, 2)).Decision.Notification;

        Assert.Equal((StageStatus.Overdue, null), (notification.Status, notification.CompletedAt));
    }

    [Fact]
    public void Compute_EightWeeksEndingOnASaturday_DoesNotRollForwardUnderRulesThatSayNot()
    {
        var driver = Register(Utc(2024, 1, 6), Rules2023);

        var due = Deadlines(driver, driver.Now).Decision.Decision.Due;

        Assert.Equal(new DateOnly(2024, 3, 2), due.LastDay);
        Assert.False(due.CalendarCovered);
    }

    [Fact]
    public void Compute_NewFactsUnderRulesThatDoNotRestart_KeepTheOriginalStart()
    {
        var driver = Register(Utc(2025, 2, 28)).Accept();
        driver.Complaint.RecordRepeat(null, newFacts: true, Rules2025, driver.At(Utc(2025, 3, 14)));

        var decision = Deadlines(driver, driver.Now).Decision;

        Assert.Equal(Utc(2025, 2, 28), decision.StartedAt);
        Assert.False(((Xiaobao.Complaints.Domain.Events.RepeatComplaintReceived)driver.Complaint.History[^1]).RestartsPeriod);
    }

    [Fact]
    public void Compute_NoVerificationInTheMarket_NoVerificationClock()
    {
        var driver = Register(Utc(2025, 2, 28)).Accept().Assign().StartInvestigation().Decide().Notify(channel: "phone");

        Assert.Null(Deadlines(driver, driver.Now).Verification);
    }

    private static ComplaintDriver Register(DateTimeOffset receivedAt, Xiaobao.Complaints.RuleBook.ComplaintRuleSet? rules = null) =>
        ComplaintDriver.Register(rules ?? Rules2025, Taxonomy, Zedland.Calendar, receivedAt, _branch, new ComplaintFacts { Channel = "web" });

    private static ComplaintDeadlines Deadlines(ComplaintDriver driver, DateTimeOffset asOf) =>
        driver.Complaint.Deadlines(driver.Rules, driver.Calendar, asOf);
}
