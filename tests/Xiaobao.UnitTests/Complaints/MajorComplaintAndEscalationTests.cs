using Xiaobao.Complaints.Domain;
using Xiaobao.Complaints.Domain.Events;
using Xiaobao.Complaints.Escalation;
using Xiaobao.Complaints.RuleBook;
using static Xiaobao.UnitTests.Complaints.China;

namespace Xiaobao.UnitTests.Complaints;

public sealed class MajorComplaintAndEscalationTests
{
    [Theory]
    [InlineData("visit", 20, true)]
    [InlineData("counter", 25, true)]
    [InlineData("visit", 19, false)]
    [InlineData("phone", 40, false)] // the criterion is a joint face-to-face complaint
    public void Assess_JointComplaint_MajorFromTwentyPeopleInPerson(string channel, int people, bool major)
    {
        var assessment = Rules.MajorComplaint.Assess(new ComplaintFacts { Channel = channel, PeopleCount = people, Representatives = 5 });

        Assert.Equal(major, assessment.IsMajor);
    }

    [Fact]
    public void Assess_DisasterCauseOrRegulatorDesignation_EachMakesItMajorWithBothEffects()
    {
        var disaster = Rules.MajorComplaint.Assess(new ComplaintFacts { Channel = "phone", EventCause = "natural_disaster" });
        var designated = Rules.MajorComplaint.Assess(new ComplaintFacts { Channel = "phone", RegulatorDesignatedMajor = true });

        Assert.Equal([new EscalationReason("event_cause", "natural_disaster")], disaster.Reasons);
        Assert.Equal([new EscalationReason("regulator_designation", null)], designated.Reasons);
        Assert.Equal([MajorComplaintEffect.EmergencyProcedure, MajorComplaintEffect.ImmediateEscalation], disaster.Effects);
    }

    [Fact]
    public void Assess_OrdinaryComplaint_NotMajorAndNoEffects()
    {
        var assessment = Rules.MajorComplaint.Assess(ComplaintDriver.PhoneFacts);

        Assert.False(assessment.IsMajor);
        Assert.Empty(assessment.Effects);
    }

    [Fact]
    public void Register_MajorComplaint_DeclaredAtOnceAndAwaitsAServiceOfficer()
    {
        var driver = ComplaintDriver.China(facts: new ComplaintFacts { Channel = "visit", PeopleCount = 23, Representatives = 5 });

        var declared = Assert.IsType<MajorComplaintDeclared>(driver.Complaint.History[1]);
        Assert.Equal([new EscalationReason("group_size", "23")], declared.Reasons);
        Assert.True(driver.Complaint.IsMajor);
        Assert.True(driver.Complaint.AwaitsEscalation);

        driver.Complaint.Escalate(Orgs.Staff(Orgs.Province), declared.Reasons, driver.Next());

        Assert.False(driver.Complaint.AwaitsEscalation);
    }

    [Fact]
    public void ReviseFacts_RegulatorDesignatesItMajorLater_DeclaredOnceOnly()
    {
        var driver = ComplaintDriver.China().Investigate();
        var designated = driver.Complaint.Facts with { RegulatorDesignatedMajor = true };

        driver.Complaint.ReviseFacts(designated, Rules, Taxonomy, driver.Next());
        driver.Complaint.ReviseFacts(designated with { MediaRisk = true }, Rules, Taxonomy, driver.Next());

        Assert.Single(driver.Complaint.History.OfType<MajorComplaintDeclared>());
        Assert.True(driver.Complaint.IsMajor);
    }

    [Fact]
    public void EscalationReasons_EveryTriggerOfTheChinaDefaults_FiresWithItsDetail()
    {
        var facts = new ComplaintFacts
        {
            Channel = "phone",
            PeopleCount = 3,
            Representatives = 1,
            VulnerabilityFlags = ["serious_illness"],
            AmountInDispute = 100000m,
            MediaRisk = true,
            IsRepeat = true,
        };
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9), facts: facts).Investigate();

        var reasons = driver.Complaint.EscalationReasons(Rules, China.Calendar, Cst(2024, 3, 17), complainantAge: 67);

        Assert.Equal(
            [
                new EscalationReason("repeat_complaint", null),
                new EscalationReason("vulnerable_customer", "serious_illness,age>=60"),
                new EscalationReason("group_complaint", "3"),
                new EscalationReason("media_risk", null),
                new EscalationReason("amount_in_dispute", "100000"),
                new EscalationReason("deadline_at_risk", "3"),
            ],
            reasons);
    }

    [Fact]
    public void EscalationReasons_OrdinaryComplaintEarlyOn_None()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate();

        Assert.Empty(driver.Complaint.EscalationReasons(Rules, China.Calendar, Cst(2024, 3, 5), complainantAge: 45));
    }

    [Theory]
    [InlineData(99999.99, false)]
    [InlineData(100000, true)]
    public void AmountTrigger_AtTheThreshold_Fires(double amount, bool fires)
    {
        var trigger = Rules.Escalation.Triggers.OfType<AmountInDisputeTrigger>().Single();

        var reason = trigger.Evaluate(new EscalationContext(ComplaintDriver.PhoneFacts with { AmountInDispute = (decimal)amount }, null, Cst(2024, 3, 4)));

        Assert.Equal(fires, reason is not null);
    }

    [Fact]
    public void DeadlineAtRisk_OnceDecided_NoLongerFires()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate().Decide(Cst(2024, 3, 16));

        Assert.DoesNotContain(driver.Complaint.EscalationReasons(Rules, China.Calendar, Cst(2024, 3, 18)), r => r.Code == "deadline_at_risk");
    }

    [Fact]
    public void DeadlineAtRisk_Overdue_FiresWithZeroDaysLeft()
    {
        var driver = ComplaintDriver.China(Cst(2024, 3, 4, 9)).Investigate();

        Assert.Contains(new EscalationReason("deadline_at_risk", "0"), driver.Complaint.EscalationReasons(Rules, China.Calendar, Cst(2024, 3, 25)));
    }

    [Fact]
    public void Escalate_Manually_RecordsFromAndToOrganisationAndTheOfficer()
    {
        var driver = ComplaintDriver.China().Investigate();
        var officer = Orgs.Staff(Orgs.Province);

        driver.Complaint.Escalate(officer, [], driver.Next());
        var handler = Orgs.Staff(Orgs.SubBranch);
        driver.Complaint.HandBack(handler, "已与客户面谈，交回经办", driver.Next());

        var escalated = Assert.IsType<EscalatedToServiceOfficer>(driver.Complaint.History[^2]);
        Assert.Equal((Orgs.SubBranch, Orgs.Province), (escalated.Organisation, escalated.Officer.Organisation));
        Assert.Equal([new EscalationReason(EscalationTriggerKinds.Manual, null)], escalated.Reasons);
        var handedBack = Assert.IsType<HandedBack>(driver.Complaint.History[^1]);
        Assert.Equal((officer, handler), (handedBack.Officer, handedBack.Handler));
        Assert.Null(driver.Complaint.ServiceOfficer);
        Assert.Equal(handler, driver.Complaint.Handler);
    }

    [Fact]
    public void Zedland_MajorAtFiftyPeopleOnAnyChannel_OnlyTheEmergencyProcedure()
    {
        var assessment = Zedland.Rules2025.MajorComplaint.Assess(new ComplaintFacts { Channel = "web", PeopleCount = 50 });

        Assert.True(assessment.IsMajor);
        Assert.Equal([MajorComplaintEffect.EmergencyProcedure], assessment.Effects);
    }

    [Fact]
    public void Register_MajorUnderRulesWithoutImmediateEscalation_DoesNotAwaitAServiceOfficer()
    {
        var driver = ComplaintDriver.Register(
            Zedland.Rules2025, Zedland.Taxonomy, Zedland.Calendar, Zedland.Utc(2025, 2, 28), Orgs.SubBranch, new ComplaintFacts { Channel = "web", PeopleCount = 60, Representatives = 3 });

        Assert.True(driver.Complaint.IsMajor);
        Assert.Equal([MajorComplaintEffect.EmergencyProcedure], driver.Complaint.MajorEffects);
        Assert.False(driver.Complaint.AwaitsEscalation);
    }
}
