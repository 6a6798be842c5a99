using System.Globalization;
using Xiaobao.Text.Phrases;
using Xiaobao.TextEngine.Features.RuleSets;

namespace Xiaobao.UnitTests.Text;

public sealed class RuleSetJsonTests
{
    private const string Minimal = """
        {
          "id": "acme-marketing",
          "version": "1",
          "name": { "zh": "测试" },
          "rules": [
            { "id": "R1", "kind": "phrase", "category": "test", "severity": "warn", "phrases": ["保本"], "explanation": { "zh": "说明" }, "source": "S2 art 17" }
          ]
        }
        """;

    [Fact]
    public void BuiltInRuleSets_AllThree_ParseAndCiteASourceInEveryRule()
    {
        var sets = BuiltInRuleSets.All;

        Assert.Equal([BuiltInRuleSets.Disclosures, BuiltInRuleSets.Marketing, BuiltInRuleSets.PersonalData], sets.Select(s => s.Id));
        Assert.All(sets.SelectMany(s => s.Rules), r => Assert.Matches(@"S\d+|PIPL|广告法|RULES\.md|甘保监发", r.Source));
        Assert.All(sets.SelectMany(s => s.Rules), r => Assert.False(string.IsNullOrWhiteSpace(r.Explanation.En)));
    }

    [Fact]
    public void Write_ThenParse_GivesTheSameRuleSet()
    {
        foreach (var set in BuiltInRuleSets.All)
        {
            var again = RuleSetJson.Parse(RuleSetJson.Write(set));

            Assert.Equal(RuleSetJson.Write(set), RuleSetJson.Write(again));
            Assert.Equal(set.Rules.Count, again.Rules.Count);
        }
    }

    [Fact]
    public void Parse_MinimalDocument_UsesDefaults()
    {
        var set = RuleSetJson.Parse(Minimal);

        var rule = Assert.Single(set.Rules);
        Assert.True(rule.Negatable);
        Assert.Equal(Severity.Warn, rule.Severity);
        Assert.Empty(rule.AppliesTo);
    }

    [Fact]
    public void Parse_DocumentWithManyMistakes_ReportsEachWithItsPath()
    {
        const string json = """
            {
              "id": "Bad Id",
              "version": "1",
              "name": { "zh": "测试" },
              "colour": "red",
              "documentTypes": ["clause"],
              "rules": [
                { "id": "R1", "kind": "phrase", "category": "x", "severity": "fatal", "phrases": [], "explanation": { "zh": "x" }, "source": "s" },
                { "id": "R1", "kind": "pattern", "category": "x", "severity": "warn", "patterns": ["(unclosed"], "explanation": { "zh": "x" }, "source": "s" },
                { "id": "R3", "kind": "disclosure", "category": "x", "severity": "warn", "phrases": ["犹豫期"], "appliesTo": ["leaflet"], "explanation": { "zh": "x" }, "source": "s" },
                { "id": "R4", "kind": "personal-data", "category": "x", "severity": "warn", "explanation": { "zh": "x" } }
              ]
            }
            """;

        var errors = Assert.Throws<RuleSetFormatException>(() => RuleSetJson.Parse(json)).Errors.Select(e => (e.Path, e.Problem)).ToList();

        Assert.Contains(("$.id", RuleSetProblem.BadIdentifier), errors);
        Assert.Contains(("$.colour", RuleSetProblem.UnknownProperty), errors);
        Assert.Contains(("$.rules[0].severity", RuleSetProblem.UnknownValue), errors);
        Assert.Contains(("$.rules[0].phrases", RuleSetProblem.NothingToFind), errors);
        Assert.Contains(("$.rules[1].id", RuleSetProblem.Duplicate), errors);
        Assert.Contains(("$.rules[1].patterns[0]", RuleSetProblem.BadPattern), errors);
        Assert.Contains(("$.rules[2].appliesTo", RuleSetProblem.UnknownDocumentType), errors);
        Assert.Contains(("$.rules[3].detector", RuleSetProblem.NeedsDetector), errors);
        Assert.Contains(("$.rules[3].source", RuleSetProblem.Missing), errors);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"id\": \"x1\", \"version\": \"1\", \"name\": { \"zh\": \"x\" }, \"rules\": [] }")]
    public void Parse_NotARuleSet_FailsWithAReason(string json)
    {
        var error = Assert.Single(Assert.Throws<RuleSetFormatException>(() => RuleSetJson.Parse(json)).Errors);

        Assert.Contains(error.Problem, new[] { RuleSetProblem.NotJson, RuleSetProblem.NotAnObject, RuleSetProblem.Empty });
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void RuleSetErrors_EveryProblem_HasAMessageInBothLanguages(string culture)
    {
        var original = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var messages = Enum.GetValues<RuleSetProblem>().Select(p => RuleSetErrors.Message(new RuleSetError("$.rules[0]", p, "x"))).ToList();

            Assert.All(messages, m => Assert.False(m.StartsWith('⟦'), m));
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }
}
