using Xiaobao.Complaints.RuleBook;
using Xiaobao.Kernel.Calendar;

namespace Xiaobao.UnitTests.Complaints;

public sealed class ComplaintRuleDataTests
{
    private static readonly ComplaintRuleSet _cn = China.Rules;

    [Fact]
    public void BuiltIn_China_CarriesTheDeadlinesOfRulesSection3()
    {
        Assert.Equal(new RuleSetId("CN", "cn-cbirc-2020.1"), _cn.Id);
        Assert.Equal(new DateOnly(2020, 3, 1), _cn.EffectiveFrom);
        Assert.Null(_cn.EffectiveTo);
        Assert.Equal("CNY", _cn.Currency);
        Assert.Equal(TimeSpan.FromHours(8), _cn.TimeZone.GetUtcOffset(new DateTime(2024, 7, 1)));

        Assert.Equal(new PeriodRule(15, PeriodUnit.CalendarDay, StartExclusive: true, RollForwardIfRestDay: true), _cn.Decision.Period);
        Assert.Equal([1, 2], _cn.Extensions.Select(e => e.Level));
        Assert.Equal([30, 60], _cn.Extensions.Select(e => e.TotalPeriod.Length));
        Assert.Equal(new PeriodRule(30, PeriodUnit.CalendarDay), _cn.Verification!.RequestWindow);
        Assert.Equal(new PeriodRule(30, PeriodUnit.CalendarDay), _cn.Verification.DecisionPeriod);
        Assert.True(_cn.Verification.RequiresUpperLevel);
        Assert.Null(_cn.Acceptance.Period);
    }

    [Fact]
    public void BuiltIn_ChinaSecondExtension_NeedsUpperLevelOrHeadOfficeSeniorManagerAndANotice()
    {
        var second = _cn.Extension(2)!;

        Assert.Equal(
            [new ApproverRule("BranchManager", ApproverPlacement.AboveHandling), new ApproverRule("ServiceOfficer", ApproverPlacement.Top)],
            second.Approval.Approvers);
        Assert.Equal(NoticeLevel.Required, second.CustomerNotice.Requirement);
        Assert.True(second.Status.MayBeShownAsLaw());
        Assert.True(second.Approval.Status.MayBeShownAsLaw());
    }

    [Fact]
    public void BuiltIn_ChinaFirstExtension_ApproverAndNoticeAreCompanyPolicyNotLaw()
    {
        var first = _cn.Extension(1)!;

        Assert.True(first.Status.MayBeShownAsLaw());
        Assert.Equal(RuleConfidence.CompanyPolicy, first.Approval.Status);
        Assert.Equal(RuleConfidence.CompanyPolicy, first.CustomerNotice.Status);
        Assert.False(first.Approval.Status.MayBeShownAsLaw());
    }

    [Fact]
    public void BuiltIn_ChinaPausesNotificationAndMajorComplaint_AreThoseOfTheRuleBook()
    {
        Assert.Equal(["external_appraisal", "mediation"], _cn.Pauses.Select(p => p.Id));
        Assert.Equal(NoticeLevel.Required, _cn.Pause("external_appraisal")!.CustomerNotice.Requirement);
        Assert.All(_cn.Notification.Channels, c => Assert.Equal(NoticeMoment.Dispatched, c.CountsWhen));
        Assert.True(_cn.Notification.ProofRequired);
        Assert.Equal(["verification", "mediation", "arbitration", "litigation"], _cn.DecisionNotice.Remedies);
        Assert.Equal(5, _cn.GroupComplaint.MaxRepresentatives);

        var group = Assert.Single(_cn.MajorComplaint.Criteria.OfType<GroupSizeCriterion>());
        Assert.Equal(20, group.MinimumPeople);
        Assert.Equal(["visit", "counter"], group.Channels);
        Assert.Equal([MajorComplaintEffect.EmergencyProcedure, MajorComplaintEffect.ImmediateEscalation], _cn.MajorComplaint.Effects);
        Assert.True(_cn.Repeat.NewFactsRestartPeriod);
    }

    [Fact]
    public void BuiltIn_ChinaEscalationThresholds_AreConfigurablePolicy()
    {
        Assert.Equal(RuleConfidence.CompanyPolicy, _cn.Escalation.Status);
        Assert.Equal(100000m, Assert.Single(_cn.Escalation.Triggers.OfType<AmountInDisputeTrigger>()).MinimumAmount);
        Assert.Equal(3, Assert.Single(_cn.Escalation.Triggers.OfType<DeadlineAtRiskTrigger>()).RemainingDays);
        Assert.Equal(60, Assert.Single(_cn.Escalation.Triggers.OfType<VulnerableCustomerTrigger>()).MinimumAge);
    }

    [Fact]
    public void BuiltIn_EveryChinaRule_CitesAListedSourceAndHasAUniqueId()
    {
        var sources = _cn.Sources.Select(s => s.Id).ToHashSet();
        var rules = _cn.AllRules().ToList();

        Assert.All(rules, r => Assert.Contains(r.Source.Id, sources));
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules.Where(r => r.Source.Id != "policy"), r => Assert.False(string.IsNullOrEmpty(r.Source.Article), r.Id));
    }

    [Fact]
    public void BuiltIn_ChinaTaxonomy_HasBothAxesTheViolationFlagAndRootCausesMarkedInternalOrExternal()
    {
        var taxonomy = China.Taxonomy;

        Assert.Equal(11, taxonomy.BusinessTypes.Count);
        Assert.Equal(10, taxonomy.ComplaintReasons.Count);
        Assert.Equal("suspected_violation", taxonomy.ViolationFlag.Code);
        Assert.Equal(
            ["sales_dispute", "surrender_dispute", "claim_dispute"],
            taxonomy.ComplaintReasons.Where(r => r.BulletinBucket != "other").Select(r => r.Code));
        Assert.Equal(
            ["product_design", "sales_conduct", "service_process", "claims", "system"],
            taxonomy.RootCauses.Where(r => r.IsInternal).Select(r => r.Code));
        Assert.Equal(["third_party", "unfounded"], taxonomy.RootCauses.Where(r => !r.IsInternal).Select(r => r.Code));
        Assert.Equal(["counter", "visit"], taxonomy.Channels.Where(c => c.FaceToFace).Select(c => c.Code));
        Assert.Equal(["policyholder", "insured", "beneficiary", "agent", "other"], taxonomy.PolicyRelationships.Select(r => r.Code));
        Assert.Equal(["elderly", "disabled", "low_income", "serious_illness"], taxonomy.VulnerabilityFlags.Select(f => f.Code));
        Assert.Equal(RuleConfidence.Unverified, taxonomy.Status);
        Assert.All(taxonomy.BusinessTypes, b => Assert.Null(b.StandardCode));
    }

    [Fact]
    public void TaxonomyEntry_Name_IsEnglishForEnglishCulturesAndChineseOtherwise()
    {
        var claims = China.Taxonomy.ComplaintReasons.Single(r => r.Code == "claim_dispute");

        Assert.Equal("Claim dispute", claims.Name(new System.Globalization.CultureInfo("en-GB")));
        Assert.Equal("理赔纠纷", claims.Name(new System.Globalization.CultureInfo("zh-CN")));
    }

    [Fact]
    public void Zedland_RulesOfAnotherMarket_LoadAsDataWithTheirOwnUnitsAndChannels()
    {
        var rules = Zedland.Rules2025;

        Assert.Equal(new PeriodRule(20, PeriodUnit.WorkingDay, StartExclusive: true, RollForwardIfRestDay: false), rules.Decision.Period);
        Assert.Equal(new PeriodRule(3, PeriodUnit.WorkingDay, true, false), rules.Acceptance.Period);
        Assert.Null(rules.Verification);
        Assert.Equal(NoticeMoment.Delivered, rules.Notification.For("email")!.CountsWhen);
        Assert.Equal("XTS", rules.Currency);
        Assert.Equal(ApproverPlacement.Handling, Assert.Single(rules.Extension(1)!.Approval.Approvers).Organisation);
    }
}
