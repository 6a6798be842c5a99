using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xiaobao.Complaints.Deadlines;
using Xiaobao.Complaints.Domain;
using static Xiaobao.UnitTests.Complaints.China;

namespace Xiaobao.UnitTests.Complaints;

public sealed class ComplaintClockPropertyTests
{
    private static readonly DateOnly _first = new(2024, 1, 1);

    // Receipt anywhere in 2024–2025 at any minute; half of the samples just before a holiday block.
    private static readonly Gen<DateTimeOffset> _receipts = Gen.OneOf(
            Gen.Choose(0, 700).Select(_first.AddDays),
            Gen.Elements(China.Calendar.Entries.Where(e => e.Date.Year is 2024 or 2025).Select(e => e.Date)).SelectMany(d => Gen.Choose(-16, 0).Select(d.AddDays)))
        .SelectMany(day => Gen.Choose(0, (24 * 60) - 1).Select(minute => Cst(day.Year, day.Month, day.Day, 0).AddMinutes(minute)));

    [Property(MaxTest = 300)]
    public Property Pause_AnyStartAndLength_NeverShortensTheDeadline() =>
        Prop.ForAll(
            Arb.From(from received in _receipts
                     from startHours in Gen.Choose(2, 30 * 24)
                     from lengthHours in Gen.Choose(0, 20 * 24)
                     select (received, startHours, lengthHours)),
            t =>
            {
                var without = ComplaintDriver.China(t.received).Investigate();
                var with = ComplaintDriver.China(t.received).Investigate();
                var pausedAt = with.Now.AddHours(t.startHours);
                with.Pause("mediation", pausedAt).Resume(pausedAt.AddHours(t.lengthHours));

                var asOf = with.Now;
                var before = without.Complaint.Deadlines(Rules, China.Calendar, asOf).Decision.Decision.Due;
                var after = with.Complaint.Deadlines(Rules, China.Calendar, asOf).Decision;
                return after.Decision.Due.DueAt >= before.DueAt && !China.Calendar.IsRestDay(after.Decision.Due.LastDay);
            });

    [Property(MaxTest = 200)]
    public Property Extension_EachStep_NeverShortensTheDeadline() =>
        Prop.ForAll(Arb.From(_receipts), received =>
        {
            var driver = ComplaintDriver.China(received).Investigate();
            var none = Due(driver);
            driver.Complaint.Extend(1, "复杂", new ExtensionApproval(Orgs.Staff(Orgs.SubBranch), "BranchManager"), driver.Notice(), Rules, China.Calendar, driver.Next());
            var first = Due(driver);
            driver.Complaint.Extend(2, "特别复杂", new ExtensionApproval(Orgs.Staff(Orgs.City), "BranchManager"), driver.Notice(), Rules, China.Calendar, driver.Next());
            var second = Due(driver);

            return none < first && first < second;
        });

    [Property(MaxTest = 200)]
    public Property SubClocks_TransferredAround_SumToRunningTimeAndNeverNegative() =>
        Prop.ForAll(
            Arb.From(from received in _receipts
                     from firstHold in Gen.Choose(1, 120)
                     from pauseHours in Gen.Choose(0, 72)
                     from secondHold in Gen.Choose(1, 120)
                     select (received, firstHold, pauseHours, secondHold)),
            t =>
            {
                var driver = ComplaintDriver.China(t.received).Investigate();
                driver.Complaint.Transfer(Orgs.City, "上收", driver.Next(TimeSpan.FromHours(t.firstHold)));
                driver.Assign().StartInvestigation().Pause().Resume(driver.Now.AddHours(t.pauseHours + 1));
                driver.Complaint.Transfer(Orgs.SubBranch, "退回", driver.Next(TimeSpan.FromHours(t.secondHold)));
                driver.Assign().StartInvestigation().Decide().Notify();

                var deadlines = driver.Complaint.Deadlines(Rules, China.Calendar, driver.Now.AddDays(40));
                var notice = driver.Complaint.History.OfType<Xiaobao.Complaints.Domain.Events.ComplainantNotified>().Single().Notice.DispatchedAt;
                var running = notice - t.received - TimeSpan.FromHours(t.pauseHours + 1);
                var total = deadlines.Levels.Aggregate(TimeSpan.Zero, (sum, l) => sum + l.Consumed);

                return total == running && deadlines.Levels.All(l => l.Consumed > TimeSpan.Zero) && deadlines.Levels.Select(l => l.Level).SequenceEqual([3, 4]);
            });

    private static DateTimeOffset Due(ComplaintDriver driver) =>
        driver.Complaint.Deadlines(Rules, China.Calendar, driver.Now).Decision.Decision.Due.DueAt;
}
