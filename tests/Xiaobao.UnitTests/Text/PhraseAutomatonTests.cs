using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xiaobao.Text.Matching;

namespace Xiaobao.UnitTests.Text;

public sealed class PhraseAutomatonTests
{
    public static Arbitrary<string> SmallAlphabet() =>
        Gen.ListOf(Gen.Elements("保", "本", "息", "证", "a", "b")).Select(c => string.Concat(c)).ToArbitrary();

    [Fact]
    public void FindAll_OverlappingPhrases_ReportsEveryOccurrence()
    {
        var automaton = new PhraseAutomaton(["he", "she", "his", "hers"]);

        var hits = automaton.FindAll("ushers").Select(h => (h.Phrase, h.Start, h.Length)).OrderBy(h => h.Start).ThenBy(h => h.Phrase).ToList();

        Assert.Equal([(1, 1, 3), (0, 2, 2), (3, 2, 4)], hits);
    }

    [Fact]
    public void FindAll_NestedChinesePhrases_FindsShortAndLong()
    {
        var automaton = new PhraseAutomaton(["稳赚", "稳赚不赔", "不赔"]);

        var hits = automaton.FindAll("产品稳赚不赔").Select(h => (h.Phrase, h.Start)).ToHashSet();

        Assert.Equal([(0, 2), (1, 2), (2, 4)], hits);
    }

    [Property(Arbitrary = [typeof(PhraseAutomatonTests)], MaxTest = 300)]
    public void FindAll_AnyPhrasesAndText_EqualsNaiveSearch(string[] phrases, string text)
    {
        var list = phrases.Where(p => p is not null).ToList();
        var automaton = new PhraseAutomaton(list);

        var found = automaton.FindAll(text).Select(h => (h.Phrase, h.Start)).Order().ToList();

        var expected = new List<(int, int)>();
        for (var p = 0; p < list.Count; p++)
        {
            for (var i = 0; list[p].Length > 0 && i + list[p].Length <= text.Length; i++)
            {
                if (string.CompareOrdinal(text, i, list[p], 0, list[p].Length) == 0)
                {
                    expected.Add((p, i));
                }
            }
        }

        Assert.Equal(expected.Order(), found);
    }
}
