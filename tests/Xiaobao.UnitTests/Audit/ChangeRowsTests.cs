using System.Text.Json;
using Xiaobao.Audit.Features.ListEntries;

namespace Xiaobao.UnitTests.Audit;

public sealed class ChangeRowsTests
{
    [Fact]
    public void Read_UpdateWithPersonalField_GivesBeforeAfterRowsAndAMaskedRow()
    {
        var (changes, details) = ChangeRows.Read(Json("""{"DisplayName":"changed","IsActive":{"after":false,"before":true},"NameZh":{"after":"新","before":"旧"}}"""));

        Assert.Equal(
            [new ChangeRow("DisplayName", null, null, Masked: true), new ChangeRow("IsActive", "true", "false", false), new ChangeRow("NameZh", "旧", "新", false)],
            changes);
        Assert.Empty(details);
    }

    [Fact]
    public void Read_CreatedRecordWithNulls_ShowsOnlyAfterValues()
    {
        var (changes, _) = ChangeRows.Read(Json("""{"ExpiresAt":{"after":null},"Permissions":{"after":["organisations.read"]}}"""));

        Assert.Equal([new ChangeRow("ExpiresAt", null, null, false), new ChangeRow("Permissions", null, "[\"organisations.read\"]", false)], changes);
    }

    [Fact]
    public void Read_RoleGrantedAndRevoked_BecomesAfterAndBefore()
    {
        var (granted, _) = ChangeRows.Read(Json("""{"role":{"granted":"Auditor"}}"""));
        var (revoked, _) = ChangeRows.Read(Json("""{"xiaobao:permission":{"revoked":"calendar.read"}}"""));

        Assert.Equal([new ChangeRow("role", null, "Auditor", false)], granted);
        Assert.Equal([new ChangeRow("xiaobao:permission", "calendar.read", null, false)], revoked);
    }

    [Fact]
    public void Read_EventFacts_GivesDetailRowsNotChanges()
    {
        var (changes, details) = ChangeRows.Read(Json("""{"format":"Csv","rows":12,"rowsByTable":{"org_organisations":3},"outcome":"changed-password"}"""));

        Assert.Empty(changes);
        Assert.Equal(
            [new DetailRow("format", "Csv"), new DetailRow("rows", "12"), new DetailRow("rowsByTable", """{"org_organisations":3}"""), new DetailRow("outcome", "changed-password")],
            details);
    }

    [Fact]
    public void Read_NotAnObject_GivesNothing()
    {
        var (changes, details) = ChangeRows.Read(Json("[]"));

        Assert.Empty(changes);
        Assert.Empty(details);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
