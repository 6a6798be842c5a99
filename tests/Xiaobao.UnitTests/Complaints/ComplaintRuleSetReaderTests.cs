using System.Text.Json.Nodes;
using Xiaobao.Complaints.RuleBook;

namespace Xiaobao.UnitTests.Complaints;

[UseUiCulture("en")]
public sealed class ComplaintRuleSetReaderTests
{
    [Fact]
    public void Read_NotJson_ReportsTheLine()
    {
        var error = Assert.Single(Errors("{\n  \"market\": \"CN\",\n  oops\n}"));

        Assert.Equal("json", error.Code);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DecisionPeriodMissing_NamesTheRuleAndField()
    {
        var error = Assert.Single(Errors(Mutate(r => r["decision"]!.AsObject().Remove("period"))));

        Assert.Equal(("decision_simple", "$.decision.period", "missing"), (error.Rule, error.Field, error.Code));
        Assert.Equal("Rule 'decision_simple' lacks '$.decision.period'.", error.Message);
    }

    [Fact]
    public void Read_MisspeltField_IsRefusedNotIgnored()
    {
        var errors = Errors(Mutate(r =>
        {
            var period = r["decision"]!["period"]!.AsObject();
            period.Remove("length");
            period["lenght"] = 15;
        }));

        Assert.Contains(errors, e => e is { Rule: "decision_simple", Field: "$.decision.period.lenght", Code: "unknown-field" });
        Assert.Contains(errors, e => e is { Rule: "decision_simple", Field: "$.decision.period.length", Code: "missing" });
    }

    [Theory]
    [InlineData("0", "$.decision.period.length")]
    [InlineData("\"fifteen\"", "$.decision.period.length")]
    public void Read_PeriodLengthNotAPositiveInteger_IsInvalid(string value, string field)
    {
        var error = Assert.Single(Errors(Mutate(r => r["decision"]!["period"]!["length"] = JsonNode.Parse(value))));

        Assert.Equal(("decision_simple", field, "invalid"), (error.Rule, error.Field, error.Code));
    }

    [Fact]
    public void Read_UnknownUnitStatusAndSource_EachNamed()
    {
        var errors = Errors(Mutate(r =>
        {
            r["decision"]!["period"]!["unit"] = "fortnight";
            r["withdrawal"]!["status"] = "probably";
            r["verification"]!["source"]!["id"] = "S99";
        }));

        Assert.Contains(errors, e => e is { Rule: "decision_simple", Field: "$.decision.period.unit", Code: "invalid" });
        Assert.Contains(errors, e => e is { Rule: "withdrawal", Field: "$.withdrawal.status", Code: "invalid" });
        Assert.Contains(errors, e => e is { Rule: "verification", Field: "$.verification.source.id", Code: "unknown-source" });
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Read_ExtensionShorterThanThePreviousStep_IsOutOfOrder()
    {
        var error = Assert.Single(Errors(Mutate(r => r["extensions"]![1]!["totalPeriod"]!["length"] = 20)));

        Assert.Equal(("extension_2", "order"), (error.Rule, error.Code));
    }

    [Fact]
    public void Read_FirstExtensionNotLongerThanTheDecisionPeriod_IsOutOfOrder()
    {
        var error = Assert.Single(Errors(Mutate(r => r["extensions"]![0]!["totalPeriod"]!["length"] = 15)));

        Assert.Equal(("extension_1", "order"), (error.Rule, error.Code));
    }

    [Fact]
    public void Read_ExtensionLevelsSkipAStep_IsOutOfOrder()
    {
        var error = Assert.Single(Errors(Mutate(r => r["extensions"]![1]!["level"] = 3)));

        Assert.Equal(("extension_2", "$.extensions[1].level", "order"), (error.Rule, error.Field, error.Code));
    }

    [Fact]
    public void Read_TwoRulesShareAnId_IsDuplicate()
    {
        var error = Assert.Single(Errors(Mutate(r => r["withdrawal"]!["id"] = "decision_simple")));

        Assert.Equal(("decision_simple", "duplicate"), (error.Rule, error.Code));
    }

    [Fact]
    public void Read_UnknownTriggerKind_ListsTheKnownKinds()
    {
        var error = Assert.Single(Errors(Mutate(r => r["escalation"]!["triggers"]!.AsArray().Add(new JsonObject { ["kind"] = "full_moon" }))));

        Assert.Equal(("escalation_triggers", "invalid"), (error.Rule, error.Code));
        Assert.Contains("deadline_at_risk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ThresholdOnATriggerThatHasNone_IsRefused()
    {
        var error = Assert.Single(Errors(Mutate(r => r["escalation"]!["triggers"]![3]!["minimumAmount"] = 5)));

        Assert.Equal(("escalation_triggers", "$.escalation.triggers[3].minimumAmount", "invalid"), (error.Rule, error.Field, error.Code));
    }

    [Fact]
    public void Read_SameTriggerTwice_IsDuplicate()
    {
        var error = Assert.Single(Errors(Mutate(r => r["escalation"]!["triggers"]!.AsArray().Add(new JsonObject { ["kind"] = "media_risk" }))));

        Assert.Equal(("escalation_triggers", "duplicate"), (error.Rule, error.Code));
    }

    [Fact]
    public void Read_UnknownApproverPlacementAndNoticeLevel_AreInvalid()
    {
        var errors = Errors(Mutate(r =>
        {
            r["extensions"]![1]!["approval"]!["approvers"]![0]!["organisation"] = "anywhere";
            r["extensions"]![1]!["customerNotice"]!["requirement"] = "maybe";
        }));

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(("extension_2", "invalid"), (e.Rule, e.Code)));
    }

    [Fact]
    public void Read_EffectiveToBeforeEffectiveFrom_IsRefused()
    {
        var error = Assert.Single(Errors(Mutate(r => r["effectiveTo"] = "2019-12-31")));

        Assert.Equal(("cn-cbirc-2020.1", "$.effectiveTo", "order"), (error.Rule, error.Field, error.Code));
    }

    [Fact]
    public void Read_UnknownTimeZoneWithoutOffset_IsRefused()
    {
        var errors = Errors(Mutate(r =>
        {
            r["timeZone"] = "Mars/Olympus_Mons";
            r.Remove("standardUtcOffset");
        }));

        Assert.Equal(("$.timeZone", "invalid"), (Assert.Single(errors).Field, errors[0].Code));
    }

    [Fact]
    public void Read_UnknownTimeZoneWithOffset_UsesTheFixedOffset()
    {
        var rules = ComplaintRuleSetReader.Read(Mutate(r => r["timeZone"] = "Mars/Olympus_Mons"));

        Assert.Equal(TimeSpan.FromHours(8), rules.TimeZone.BaseUtcOffset);
    }

    [Fact]
    public void Read_ManyProblems_AllReportedInOnePass()
    {
        var errors = Errors(Mutate(r =>
        {
            r.Remove("market");
            r["currency"] = "yuan";
            r["groupComplaint"]!["maxRepresentatives"] = 0;
            r["notification"]!["channels"]![0]!["countsWhen"] = "read";
        }));

        Assert.Equal(["$.market", "$.currency", "$.notification.channels[0].countsWhen", "$.groupComplaint.maxRepresentatives"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Read_ShippedChinaFile_RoundTripsWithoutErrors()
    {
        var rules = ComplaintRuleSetReader.Read(China.RuleJson);

        Assert.Equal(China.Rules.Id, rules.Id);
        Assert.Equal(China.Rules.AllRules().Select(r => r.Id), rules.AllRules().Select(r => r.Id));
    }

    internal static string Mutate(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(China.RuleJson)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static IReadOnlyList<RuleDataError> Errors(string json) =>
        Assert.Throws<ComplaintRuleDataException>(() => ComplaintRuleSetReader.Read(json)).Errors;
}
