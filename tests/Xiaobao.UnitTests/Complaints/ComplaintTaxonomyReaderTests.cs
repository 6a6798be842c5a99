using System.Text.Json.Nodes;
using Xiaobao.Complaints.RuleBook;
using Xiaobao.Complaints.Taxonomy;

namespace Xiaobao.UnitTests.Complaints;

[UseUiCulture("en")]
public sealed class ComplaintTaxonomyReaderTests
{
    [Fact]
    public void Read_DuplicateCode_NamesTheListAndCode()
    {
        var error = Assert.Single(Errors(r => r["rootCauses"]!.AsArray().Add(new JsonObject { ["code"] = "claims", ["nameZh"] = "理赔", ["nameEn"] = "Claims", ["internal"] = true })));

        Assert.Equal(("rootCauses.claims", "$.rootCauses[7].code", "duplicate"), (error.Rule, error.Field, error.Code));
    }

    [Fact]
    public void Read_RootCauseWithoutInternalFlag_IsMissing()
    {
        var error = Assert.Single(Errors(r => r["rootCauses"]![0]!.AsObject().Remove("internal")));

        Assert.Equal(("rootCauses.product_design", "$.rootCauses[0].internal", "missing"), (error.Rule, error.Field, error.Code));
    }

    [Theory]
    [InlineData("Sales Dispute")]
    [InlineData("销售")]
    public void Read_CodeNotLowerCaseAscii_IsInvalid(string code)
    {
        var error = Assert.Single(Errors(r => r["complaintReasons"]![0]!["code"] = code));

        Assert.Equal(("$.complaintReasons[0].code", "invalid"), (error.Field, error.Code));
    }

    [Fact]
    public void Read_UnknownBulletinBucketAndMissingEnglishName_BothReported()
    {
        var errors = Errors(r =>
        {
            r["complaintReasons"]![0]!["bulletinBucket"] = "Fraud Cases";
            r["businessTypes"]![1]!.AsObject().Remove("nameEn");
        });

        Assert.Contains(errors, e => e is { Rule: "complaintReasons.sales_dispute", Code: "invalid" });
        Assert.Contains(errors, e => e is { Rule: "businessTypes.participating", Field: "$.businessTypes[1].nameEn", Code: "missing" });
    }

    private static IReadOnlyList<RuleDataError> Errors(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(China.TaxonomyJson)!.AsObject();
        change(root);
        return Assert.Throws<ComplaintRuleDataException>(() => ComplaintTaxonomyReader.Read(root.ToJsonString())).Errors;
    }
}
