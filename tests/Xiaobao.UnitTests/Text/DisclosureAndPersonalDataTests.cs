using Xiaobao.Text.Phrases;

namespace Xiaobao.UnitTests.Text;

public sealed class DisclosureAndPersonalDataTests
{
    private const string HealthClause =
        "第一条 保险责任：被保险人于等待期后确诊重大疾病，我们给付重大疾病保险金。" +
        "第二条 责任免除：因下列情形之一导致的，我们不承担给付保险金的责任。" +
        "第三条 您在犹豫期内可以解除合同。犹豫期后解除合同，您只能取得现金价值，会遭受一定损失。" +
        "第四条 投保时您应当如实告知。";

    private static CheckResult Disclosures(string text, string documentType) =>
        PhraseChecker.Check(text, [BuiltInRuleSets.Find(BuiltInRuleSets.Disclosures)!], documentType);

    private static CheckResult PersonalData(string text) => PhraseChecker.Check(text, [BuiltInRuleSets.Find(BuiltInRuleSets.PersonalData)!]);

    [Fact]
    public void Check_CompleteHealthClause_MissesNothing()
    {
        var result = Disclosures(HealthClause, "clause");

        Assert.Empty(result.Missing);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Check_ClauseWithoutCoolingOffAndWaitingPeriod_ReportsBothMissing()
    {
        var text = HealthClause.Replace("等待期后", string.Empty, StringComparison.Ordinal).Replace("第三条 您在犹豫期内可以解除合同。犹豫期后解除合同", "第三条 解除合同", StringComparison.Ordinal);

        var missing = Disclosures(text, "clause").Missing.Select(m => m.RuleId).Order().ToList();

        Assert.Equal(["DIS-COOLING-OFF", "DIS-WAITING-PERIOD"], missing);
    }

    [Fact]
    public void Check_WaitingPeriodRule_AppliesOnlyWhenIllnessIsCovered()
    {
        const string accident = "意外伤害保险。责任免除见第五条。犹豫期15日。犹豫期后退保会遭受一定损失。如实告知。";

        Assert.DoesNotContain(Disclosures(accident, "clause").Missing, m => m.RuleId == "DIS-WAITING-PERIOD");
    }

    [Fact]
    public void Check_MarketingAboutDividendsWithoutUncertainty_ReportsMissingWarningAndIdentification()
    {
        var missing = Disclosures("年年分红，财富传承。", "marketing").Missing.Select(m => m.RuleId).Order().ToList();

        Assert.Equal(["DIS-IS-INSURANCE", "DIS-NON-GUARANTEED"], missing);
        Assert.Empty(Disclosures("本保险产品分红水平不保证，可能为零。", "marketing").Missing);
    }

    [Fact]
    public void Check_ValidResidentIdNumber_IsFoundAndMasked()
    {
        const string text = "投诉人身份证号11010519491231002X，要求退保。";

        var finding = Assert.Single(PersonalData(text).Findings);

        Assert.Equal("PII-RESIDENT-ID", finding.RuleId);
        Assert.Equal(text.IndexOf("110105", StringComparison.Ordinal), finding.Start);
        Assert.Equal(18, finding.Length);
        Assert.Equal("**************002X", finding.Text);
    }

    [Theory]
    [InlineData("保单号110105194912310021")]
    [InlineData("订单号110105194913310028")]
    [InlineData("金额 3201021985112045 元")]
    public void Check_NumbersThatFailTheChecks_AreNotPersonalData(string text)
    {
        Assert.Empty(PersonalData(text).Findings);
    }

    [Fact]
    public void Check_FullWidthIdNumber_IsFoundAtTheOriginalPlace()
    {
        const string text = "证件：３２０１０２１９８５１１２０４５６６";

        var finding = Assert.Single(PersonalData(text).Findings);

        Assert.Equal(3, finding.Start);
        Assert.Equal(18, finding.Length);
    }

    [Theory]
    [InlineData("请联系13812345678", "PII-MOBILE")]
    [InlineData("电话 +86 138 1234 5678 ", "PII-MOBILE")]
    [InlineData("退款到卡号6222 0212 3456 7890 128", "PII-BANK-CARD")]
    [InlineData("卡号：4111111111111111。", "PII-BANK-CARD")]
    [InlineData("邮箱 Zhang.San@Example.com.cn 已收到", "PII-EMAIL")]
    public void Check_ContactAndAccountData_IsFound(string text, string ruleId)
    {
        Assert.Equal(ruleId, Assert.Single(PersonalData(text).Findings).RuleId);
    }

    [Fact]
    public void Check_CardNumberWithWrongCheckDigit_IsNotReported()
    {
        Assert.Empty(PersonalData("卡号6222021234567890127").Findings);
    }
}
