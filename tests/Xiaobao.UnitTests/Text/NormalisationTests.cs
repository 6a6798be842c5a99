using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xiaobao.Text;
using Xiaobao.Text.Normalisation;

namespace Xiaobao.UnitTests.Text;

public sealed class NormalisationTests
{
    // Characters that exercise every folding: Traditional, full-width, Chinese punctuation, whitespace of all kinds,
    // zero-width characters, a supplementary-plane character and plain ASCII.
    private static readonly string[] s_pieces =
    [
        "保", "險", "現金價值", "乾坤", "ＡＢ１２", "，", "。", "“", "”", " ", "\n", "\r\n", "\u3000", "\u200B", "\t", "𠀀", "a", "Z", "9", "犹豫期", "臺灣",
    ];

    public static Arbitrary<string> MixedText() =>
        Gen.ListOf(Gen.Elements(s_pieces)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Fact]
    public void Normalise_FullWidthAndTraditional_FoldsCharacterForCharacter()
    {
        var result = TextNormaliser.Normalise("保險現金價值ＡＢＣ１２３，", NormalisationOptions.Segmentation);

        Assert.Equal("保险现金价值ABC123,", result.Text);
        Assert.True(result.IsAligned);
    }

    [Fact]
    public void Normalise_TraditionalPhraseThatCharactersWouldGetWrong_UsesThePhraseTable()
    {
        Assert.Equal("乾坤", TextNormaliser.Normalise("乾坤", NormalisationOptions.Segmentation).Text);
        Assert.Equal("干净", TextNormaliser.Normalise("乾淨", NormalisationOptions.Segmentation).Text);
    }

    [Fact]
    public void Normalise_LineBreakInsideChineseWord_IsDroppedAndMapsBackOverIt()
    {
        var result = TextNormaliser.Normalise("稳赚\n不赔 and  more", NormalisationOptions.Matching);

        Assert.Equal("稳赚不赔 and more", result.Text);
        Assert.Equal(new TextSpan(0, 5), result.ToOriginal(new TextSpan(0, 4)));
        Assert.Equal("稳赚\n不赔", result.OriginalSlice(new TextSpan(0, 4)));
        Assert.Equal("and", result.OriginalSlice(new TextSpan(5, 3)));
    }

    [Fact]
    public void Normalise_ZeroWidthCharacterInsidePhrase_IsRemovedForMatching()
    {
        var result = TextNormaliser.Normalise("保\u200B本", NormalisationOptions.Matching);

        Assert.Equal("保本", result.Text);
        Assert.Equal("保\u200B本", result.OriginalSlice(new TextSpan(0, 2)));
    }

    [Fact]
    public void Normalise_Matching_LowercasesAsciiAndFoldsChinesePunctuation()
    {
        Assert.Equal("\"100%收益\",保本.", TextNormaliser.Normalise("“１００％收益”、保本。", NormalisationOptions.Matching).Text);
        Assert.Equal("xiaobao@example.com", TextNormaliser.Normalise("XiaoBao@Example.COM", NormalisationOptions.Matching).Text);
    }

    [Property(Arbitrary = [typeof(NormalisationTests)], MaxTest = 300)]
    public void ToOriginal_EveryFoldedCharacter_MapsInsideTheOriginalInOrder(string text)
    {
        foreach (var options in new[] { NormalisationOptions.Segmentation, NormalisationOptions.Matching })
        {
            var result = TextNormaliser.Normalise(text, options);
            var previousEnd = 0;
            for (var i = 0; i < result.Text.Length; i++)
            {
                var span = result.ToOriginal(new TextSpan(i, 1));
                Assert.InRange(span.Start, previousEnd, text.Length - 1);
                Assert.InRange(span.End, span.Start + 1, text.Length);
                previousEnd = span.Start;
            }

            Assert.Equal(result.Text, TextNormaliser.Normalise(result.OriginalSlice(new TextSpan(0, result.Text.Length)), options).Text);
        }
    }

    [Property(Arbitrary = [typeof(NormalisationTests)], MaxTest = 200)]
    public void Normalise_Segmentation_KeepsLengthAndEveryOffset(string text)
    {
        var result = TextNormaliser.Normalise(text, NormalisationOptions.Segmentation);

        Assert.Equal(text.Length, result.Text.Length);
        Assert.True(result.IsAligned);
    }
}
