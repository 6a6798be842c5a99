using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Xiaobao.IntegrationTests.Infrastructure;

namespace Xiaobao.IntegrationTests;

public sealed class OrganisationImportTests(AppFixture apps) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_CsvChildrenBeforeParents_UpsertsAllInOneBatch(string provider)
    {
        using var admin = await apps.For(provider).ClientForAsync("admin");
        var city = OrganisationTests.Unique("HB-WH");
        var province = OrganisationTests.Unique("HB");
        var csv = $"""
            code,name_zh,name_en,level,parent_code,active
            {city}-S,鑫安人寿武汉江汉支公司,Jianghan,支公司,{city},是
            {city},鑫安人寿武汉中心支公司,Wuhan,CityBranch,{province},true
            {province},鑫安人寿湖北分公司,Hubei,2,HO,
            GD,鑫安人寿广东分公司（更新）,Guangdong Branch,ProvincialBranch,HO,true
            """;

        var check = await ImportAsync(admin, Encoding.UTF8.GetBytes(csv), "orgs.csv", dryRun: true);
        var notYet = await HttpAssertions.ReadJsonAsync(await admin.GetAsync($"/api/v1/organisations?search={province}"));
        var done = await ImportAsync(admin, Encoding.UTF8.GetBytes(csv), "orgs.csv", dryRun: false);
        var sub = await HttpAssertions.ReadJsonAsync(await admin.GetAsync($"/api/v1/organisations?search={city}-S"));
        var gd = await HttpAssertions.ReadJsonAsync(await admin.GetAsync("/api/v1/organisations?search=GD&level=ProvincialBranch"));

        Assert.Equal(3, check.GetProperty("created").GetInt32());
        Assert.True(check.GetProperty("dryRun").GetBoolean());
        Assert.Equal(0, notYet.GetProperty("total").GetInt32());
        Assert.Equal(3, done.GetProperty("created").GetInt32());
        Assert.Equal(1, done.GetProperty("updated").GetInt32());
        Assert.Equal(city, Assert.Single(sub.GetProperty("items").EnumerateArray()).GetProperty("parentCode").GetString());
        Assert.Equal("鑫安人寿广东分公司（更新）", Assert.Single(gd.GetProperty("items").EnumerateArray()).GetProperty("nameZh").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_Xlsx_CreatesRows(string provider)
    {
        using var admin = await apps.For(provider).ClientForAsync("admin");
        var code = OrganisationTests.Unique("FJ");
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new[] { new Dictionary<string, object> { ["编码"] = code, ["中文名称"] = "鑫安人寿福建分公司", ["层级"] = "分公司", ["上级编码"] = "HO" } });

        var result = await ImportAsync(admin, stream.ToArray(), "机构.xlsx", dryRun: false);

        Assert.Equal(1, result.GetProperty("created").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_CycleAndUnknownParent_RowReportAndNothingWritten(string provider)
    {
        using var admin = await apps.For(provider).ClientForAsync("admin");
        var a = OrganisationTests.Unique("CYA");
        var b = OrganisationTests.Unique("CYB");
        var ok = OrganisationTests.Unique("OK");
        var csv = $"code,name_zh,level,parent_code\n{ok},正常,ProvincialBranch,HO\n{a},甲,CityBranch,{b}\n{b},乙,CityBranch,{a}\nZZ-1,丙,SubBranch,NOPE\n";

        var response = await admin.PostAsync("/api/v1/organisations/import", File(Encoding.UTF8.GetBytes(csv), "bad.csv"));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var written = await HttpAssertions.ReadJsonAsync(await admin.GetAsync($"/api/v1/organisations?search={ok}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rows = report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("rowNumber").GetInt32()).Distinct().Order().ToList();
        Assert.Equal([3, 4, 5], rows);
        Assert.Equal(0, written.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_NotASpreadsheet_FileErrorAndNothingWritten(string provider)
    {
        using var admin = await apps.For(provider).ClientForAsync("admin");

        var response = await admin.PostAsync("/api/v1/organisations/import", File("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"u8.ToArray(), "orgs.csv"));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("file", report.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_BranchManagerTouchingOtherBranch_Refused(string provider)
    {
        using var manager = await apps.For(provider).ClientForAsync("manager");
        var csv = $"code,name_zh,level,parent_code\n{OrganisationTests.Unique("GD-NEW")},越权,CityBranch,GD\nGD,改名,ProvincialBranch,HO\n";

        var response = await manager.PostAsync("/api/v1/organisations/import", File(Encoding.UTF8.GetBytes(csv), "x.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, byte[] content, string name, bool dryRun) =>
        await HttpAssertions.ReadJsonAsync(await client.PostAsync($"/api/v1/organisations/import?dryRun={dryRun}", File(content, name)));

    private static MultipartFormDataContent File(byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
