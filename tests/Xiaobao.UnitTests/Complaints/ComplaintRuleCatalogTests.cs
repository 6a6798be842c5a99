using System.Text.Json.Nodes;
using Xiaobao.Complaints;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Complaints.Taxonomy;
using Xiaobao.Kernel.Errors;

namespace Xiaobao.UnitTests.Complaints;

[UseUiCulture("en")]
public sealed class ComplaintRuleCatalogTests
{
    private static readonly ComplaintRuleCatalog _zedland = new([Zedland.Rules2025, Zedland.Rules2023], [Zedland.Taxonomy]);

    [Theory]
    [InlineData("2023-01-01T00:00:00+00:00", "zz-2023.1")]
    [InlineData("2024-12-31T23:59:59+00:00", "zz-2023.1")]
    [InlineData("2025-01-01T00:00:00+00:00", "zz-2025.1")]
    [InlineData("2026-06-30T12:00:00+00:00", "zz-2025.1")]
    public void RulesInForce_ByReceiptDay_PicksTheVersionThen(string receivedAt, string version)
    {
        Assert.Equal(version, _zedland.RulesInForce("ZZ", DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture)).Id.Version);
    }

    [Fact]
    public void RulesInForce_ReceiptDayCountedInTheMarketsZone()
    {
        // 2024-12-31 23:30 in New York is already 2025-01-01 in London, Zedland's zone.
        var receivedAt = new DateTimeOffset(2024, 12, 31, 23, 30, 0, TimeSpan.FromHours(-5));

        Assert.Equal("zz-2025.1", _zedland.RulesInForce("ZZ", receivedAt).Id.Version);
    }

    [Fact]
    public void RulesInForce_BeforeTheFirstVersion_IsABrokenRule()
    {
        var exception = Assert.Throws<DomainException>(() => _zedland.RulesInForce("ZZ", Zedland.Utc(2022, 12, 31)));

        Assert.Equal(ComplaintProblemTypes.NoRules, exception.Type);
        Assert.False(exception.IsConflict);
        Assert.Equal("Market ZZ has no rule version for complaints received on 2022-12-31.", exception.Message);
    }

    [Fact]
    public void RulesInForce_ChinaBeforeTheComplaintMeasuresTookEffect_HasNoRules()
    {
        Assert.Throws<DomainException>(() => ComplaintRuleCatalog.BuiltIn.RulesInForce("CN", China.Cst(2020, 2, 29)));
        Assert.Equal("cn-cbirc-2020.1", ComplaintRuleCatalog.BuiltIn.RulesInForce("CN", China.Cst(2020, 3, 1, 0)).Id.Version);
    }

    [Fact]
    public void Rules_ByRegisteredId_FindsTheVersionEvenAfterASuccessor()
    {
        Assert.Same(Zedland.Rules2023, _zedland.Rules(new RuleSetId("ZZ", "zz-2023.1")));
        Assert.Throws<KeyNotFoundException>(() => _zedland.Rules(new RuleSetId("ZZ", "zz-1999.1")));
    }

    [Fact]
    public void Catalog_OverlappingVersions_AreRefused()
    {
        var overlapping = ComplaintRuleSetReader.Read(Edit("zz-2025.json", r => r["effectiveFrom"] = "2024-06-01"));

        var error = Assert.Single(Assert.Throws<ComplaintRuleDataException>(() => new ComplaintRuleCatalog([Zedland.Rules2023, overlapping], [Zedland.Taxonomy])).Errors);

        Assert.Equal(("zz-2025.1", "overlap"), (error.Rule, error.Code));
    }

    [Fact]
    public void Catalog_SameVersionTwice_IsRefused()
    {
        var error = Assert.Single(Assert.Throws<ComplaintRuleDataException>(() => new ComplaintRuleCatalog([Zedland.Rules2025, Zedland.Rules2025], [Zedland.Taxonomy])).Errors);

        Assert.Equal("duplicate", error.Code);
    }

    [Fact]
    public void Catalog_RuleNamesACodeTheTaxonomyLacks_NamesRuleCodeAndTaxonomy()
    {
        var taxonomy = ComplaintTaxonomyReader.Read(Edit("zz-taxonomy.json", t => t["pauseKinds"] = new JsonArray()));

        var error = Assert.Single(Assert.Throws<ComplaintRuleDataException>(() => new ComplaintRuleCatalog([Zedland.Rules2025], [taxonomy])).Errors);

        Assert.Equal(("awaiting_customer", "unknown-code"), (error.Rule, error.Code));
        Assert.Equal("Rule 'awaiting_customer' names code 'awaiting_customer', which taxonomy zz-taxonomy.1 lacks.", error.Message);
    }

    [Fact]
    public void Catalog_RuleVersionWithoutTaxonomy_IsRefused()
    {
        var error = Assert.Single(Assert.Throws<ComplaintRuleDataException>(() => new ComplaintRuleCatalog([Zedland.Rules2025], [])).Errors);

        Assert.Equal("no-taxonomy", error.Code);
    }

    [Fact]
    public void BuiltIn_EveryCodeTheChinaRulesName_IsInTheChinaTaxonomy()
    {
        // The built-in catalog is checked as it loads; this states what that check covered.
        var catalog = ComplaintRuleCatalog.BuiltIn;

        Assert.Equal(["CN"], catalog.RuleSets.Select(r => r.Id.Market).Distinct());
        Assert.Contains("natural_disaster", China.Taxonomy.EventCauses.Select(e => e.Code));
        Assert.Contains("external_appraisal", China.Taxonomy.PauseKinds.Select(e => e.Code));
    }

    private static string Edit(string file, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Zedland.Json(file))!.AsObject();
        change(root);
        return root.ToJsonString();
    }
}
