using FsCheck.Xunit;
using Xiaobao.Text.Segmentation;

namespace Xiaobao.UnitTests.Text;

public sealed class SegmentationTests
{
    private static readonly ChineseSegmenter s_segmenter = ChineseSegmenter.Shared;

    [Theory]
    [InlineData("犹豫期为15日，自您签收保单之日起算。", "犹豫期")]
    [InlineData("解除合同时我们退还保单的现金价值。", "现金价值")]
    [InlineData("自合同生效之日起90日为等待期。", "等待期")]
    [InlineData("请仔细阅读责任免除条款。", "责任免除")]
    [InlineData("您可以申请保单贷款。", "保单贷款")]
    [InlineData("保险费进入万能账户后按结算利率计息。", "万能账户")]
    [InlineData("投资连结保险的投资风险由投保人承担。", "投资连结保险")]
    [InlineData("被保险人确诊重大疾病的，给付重大疾病保险金。", "重大疾病")]
    [InlineData("办理保全变更需要提供身份证明。", "保全变更")]
    [InlineData("新单回访在犹豫期内完成，销售过程需双录。", "双录")]
    public void Segment_SentenceWithInsuranceTerm_KeepsTheTermWhole(string sentence, string term)
    {
        var words = s_segmenter.Segment(sentence).Select(t => t.Text).ToList();

        Assert.Contains(term, words);
    }

    [Fact]
    public void InsuranceTerms_Shipped_AreAtLeast300DistinctTerms()
    {
        var terms = s_segmenter.InsuranceTerms;

        Assert.True(terms.Count >= 300, $"{terms.Count} terms");
        Assert.Equal(terms.Count, terms.Distinct(StringComparer.Ordinal).Count());
        Assert.All(terms, t => Assert.DoesNotContain(' ', t));
    }

    [Fact]
    public void Segment_TraditionalText_TokensCarryTheOriginalCharactersAndTheirFoldedForm()
    {
        var tokens = s_segmenter.Segment("保單的現金價值");

        var cashValue = Assert.Single(tokens, t => t.Normalised == "现金价值");
        Assert.Equal("現金價值", cashValue.Text);
        Assert.Equal(3, cashValue.Start);
        Assert.Equal(4, cashValue.Length);
    }

    [Fact]
    public void Segment_UserTerm_IsAlwaysOneToken()
    {
        var options = new SegmentationOptions { UserTerms = new UserTerms(["鑫安福满堂", "康宁e生"]) };

        var words = s_segmenter.Segment("投保鑫安福满堂两全保险或康宁e生", options).Select(t => t.Text).ToList();

        Assert.Contains("鑫安福满堂", words);
        Assert.Contains("康宁e生", words);
        Assert.DoesNotContain("鑫安福满堂", s_segmenter.Segment("投保鑫安福满堂两全保险").Select(t => t.Text));
    }

    [Fact]
    public void Segment_Kinds_TellWordsNumbersPunctuationAndSpaceApart()
    {
        var tokens = s_segmenter.Segment("等待期 90 日。");

        Assert.Equal(
            [TokenKind.Word, TokenKind.Whitespace, TokenKind.Number, TokenKind.Whitespace, TokenKind.Word, TokenKind.Punctuation],
            tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Segment_ManyThreadsAtOnce_GiveTheSameTokensAsOneThread()
    {
        const string text = "被保险人在等待期后确诊重大疾病，我们按基本保险金额给付重大疾病保险金，本合同终止。";
        var expected = s_segmenter.Segment(text).Select(t => t.Text).ToList();
        var options = new SegmentationOptions { UserTerms = new UserTerms(["基本保险金额给付"]) };

        var results = new List<string>[64];
        Parallel.For(0, results.Length, i => results[i] = [.. s_segmenter.Segment(text, i % 2 == 0 ? null : options).Select(t => t.Text)]);

        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal(expected, r));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Contains("基本保险金额给付", r));
    }

    [Property(Arbitrary = [typeof(NormalisationTests)], MaxTest = 200)]
    public void Segment_AnyText_TokensSliceTheOriginalAndCoverItInOrder(string text)
    {
        var tokens = s_segmenter.Segment(text, new SegmentationOptions { UserTerms = new UserTerms(["現金", "ab"]) });

        var position = 0;
        foreach (var token in tokens)
        {
            Assert.Equal(position, token.Start);
            Assert.Equal(text.Substring(token.Start, token.Length), token.Text);
            position += token.Length;
        }

        Assert.Equal(text.Length, position);
    }
}
