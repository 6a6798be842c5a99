using Xiaobao.Text.Phrases;

namespace Xiaobao.UnitTests.Text;

public sealed class PhraseCheckerTests
{
    private static CheckResult Marketing(string text) => PhraseChecker.Check(text, [BuiltInRuleSets.Find(BuiltInRuleSets.Marketing)!]);

    private static List<string> RuleIds(string text) => [.. Marketing(text).Findings.Select(f => f.RuleId)];

    [Fact]
    public void Check_CapitalGuaranteePromise_IsBlockedWithItsPlaceAndSource()
    {
        const string text = "本产品保本保息，放心购买。";

        var finding = Assert.Single(Marketing(text).Findings);

        Assert.Equal("MKT-GUARANTEE-01", finding.RuleId);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal("保本保息", text.Substring(finding.Start, finding.Length));
        Assert.Equal("保本保息", finding.Text);
        Assert.Contains("S3 art 13", finding.Source, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(finding.Suggestion?.Zh));
    }

    [Theory]
    [InlineData("本产品不保本，投资风险由投保人承担。")]
    [InlineData("我们不承诺保本。")]
    [InlineData("销售人员不得宣传保本。")]
    [InlineData("本产品并非存款。")]
    public void Check_NegatedPhrase_IsNotReported(string text)
    {
        Assert.Empty(Marketing(text).Findings);
    }

    [Fact]
    public void Check_NegationInAnotherClause_DoesNotCancelTheMatch()
    {
        Assert.Equal(["MKT-GUARANTEE-01"], RuleIds("不要犹豫，保本又高收益").Distinct());
    }

    [Fact]
    public void Check_NotOnlyIsNoNegation_StillReported()
    {
        Assert.Contains("MKT-GUARANTEE-01", RuleIds("这款产品不仅保本，还有分红。"));
    }

    [Theory]
    [InlineData("万能账户的最低保证利率为1.75%。")]
    [InlineData("本合同为保证续保合同，保证续保期间为20年。")]
    [InlineData("结算利率每月公布。")]
    public void Check_DefinedTermsContainingAFlaggedWord_AreAllowedContexts(string text)
    {
        Assert.Empty(Marketing(text).Findings);
    }

    [Fact]
    public void Check_GuaranteeOutsideItsAllowedContexts_IsReported()
    {
        const string text = "保证利率2.5%，我们保证您的收益。";

        var guarantee = Assert.Single(Marketing(text).Findings);

        Assert.Equal("MKT-GUARANTEE-02", guarantee.RuleId);
        Assert.Equal(text.IndexOf("我们保证", StringComparison.Ordinal) + 2, guarantee.Start);
    }

    [Fact]
    public void Check_ShortPhraseInsideLongerOneOfTheSameRule_ReportedOnceAsTheLonger()
    {
        var finding = Assert.Single(Marketing("稳赚不赔！").Findings);

        Assert.Equal("稳赚不赔", finding.Text);
    }

    [Fact]
    public void Check_PhrasesOfDifferentRulesOverlapping_AreEachReported()
    {
        var findings = Marketing("银行理财产品").Findings;

        Assert.Equal(["MKT-BANK-01"], findings.Select(f => f.RuleId).Distinct());
        Assert.Equal("银行理财产品", Assert.Single(findings).Text);
        Assert.Equal(["MKT-DEPOSIT-02", "MKT-GUARANTEE-01"], RuleIds("本金和利息都有保本").Order().Distinct().ToList()[..2]);
    }

    [Fact]
    public void Check_TraditionalFullWidthAndBrokenLines_FoundAtTheOriginalPlace()
    {
        const string text = "年年分紅１０％，穩賺\n不賠";

        var findings = Marketing(text).Findings;

        var dividend = Assert.Single(findings, f => f.RuleId == "MKT-GUARANTEE-03");
        Assert.Equal("年年分紅１０％", dividend.Text);
        var sure = Assert.Single(findings, f => f.RuleId == "MKT-GUARANTEE-01");
        Assert.Equal("穩賺\n不賠", sure.Text);
        Assert.Equal(text.IndexOf('穩', StringComparison.Ordinal), sure.Start);
    }

    [Fact]
    public void Check_DepositWordingPatterns_AreReported()
    {
        Assert.Contains("MKT-DEPOSIT-03", RuleIds("存5年，利率3.5%"));
        Assert.Contains("MKT-URGENCY-02", RuleIds("最后3天！"));
        Assert.Contains("MKT-COMPARE-01", RuleIds("收益比银行存款高"));
    }

    [Fact]
    public void Check_AbsoluteTermInAClauseNumber_IsNotReported()
    {
        Assert.Empty(Marketing("第一条 保险合同的构成").Findings);
        Assert.Contains("MKT-ABSOLUTE-01", RuleIds("全国第一的保险产品"));
    }

    [Fact]
    public void Check_CleanClauseText_HasNoMarketingFindings()
    {
        const string clause = "在本合同保险期间内，被保险人于本合同生效之日起90日后确诊初次发生本合同所定义的重大疾病，我们按基本保险金额给付重大疾病保险金。";

        Assert.Empty(Marketing(clause).Findings);
    }
}
