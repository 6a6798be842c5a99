using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xiaobao.IntegrationTests.Infrastructure;

namespace Xiaobao.IntegrationTests;

public sealed class OrganisationTests(AppFixture apps) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task List_CityBranchHandler_SeesOnlyOwnBranchAndSubBranches(string provider)
    {
        using var handler = await apps.For(provider).ClientForAsync("handler");

        var page = await HttpAssertions.ReadJsonAsync(await handler.GetAsync("/api/v1/organisations?pageSize=200"));
        var codes = page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("code").GetString()).Order().ToList();

        Assert.Equal(["GD-SZ", "GD-SZ-FT", "GD-SZ-NS"], codes);
        Assert.Equal(3, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task List_HeadOfficeOfficer_SeesWholeTreeFilteredSortedAndPaged(string provider)
    {
        using var officer = await apps.For(provider).ClientForAsync("officer");

        var all = await HttpAssertions.ReadJsonAsync(await officer.GetAsync("/api/v1/organisations?pageSize=5&sort=code&desc=true"));
        var cities = await HttpAssertions.ReadJsonAsync(await officer.GetAsync("/api/v1/organisations?level=CityBranch&search=%E6%B7%B1%E5%9C%B3"));

        Assert.True(all.GetProperty("total").GetInt32() >= 25);
        Assert.Equal(5, all.GetProperty("items").GetArrayLength());
        var codes = all.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("code").GetString()!).ToList();
        Assert.Equal(codes.OrderDescending(StringComparer.Ordinal), codes);
        Assert.Equal("GD-SZ", Assert.Single(cities.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Get_OutOfScopeId_Answers404(string provider)
    {
        var app = apps.For(provider);
        using var officer = await app.ClientForAsync("officer");
        using var handler = await app.ClientForAsync("handler");
        var jiangsu = await FindAsync(officer, "JS");

        var response = await handler.GetAsync($"/api/v1/organisations/{jiangsu}");

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateEditMoveDeactivate_BranchManager_WorksInsideScope(string provider)
    {
        var app = apps.For(provider);
        using var manager = await app.ClientForAsync("manager");
        var code = Unique("ZJ-WZ");

        var created = await HttpAssertions.ReadJsonAsync(await manager.PostJsonAsync("/api/v1/organisations", new
        {
            code, nameZh = "鑫安人寿温州中心支公司", nameEn = "Wenzhou City Branch", level = "CityBranch", parentCode = "ZJ",
        }));
        var id = created.GetProperty("id").GetString();
        var sub = Unique("ZJ-WZ-LC");
        await HttpAssertions.ReadJsonAsync(await manager.PostJsonAsync("/api/v1/organisations", new
        {
            code = sub, nameZh = "鑫安人寿温州鹿城支公司", nameEn = "Lucheng", level = "SubBranch", parentCode = code,
        }));
        var renamed = await HttpAssertions.ReadJsonAsync(await manager.PutAsync($"/api/v1/organisations/{id}", Json(new { code, nameZh = "温州中支", nameEn = "Wenzhou" })));
        var blocked = await manager.PostAsync($"/api/v1/organisations/{id}/deactivate", null);
        var subId = await FindAsync(manager, sub);
        var moved = await HttpAssertions.ReadJsonAsync(await manager.PostJsonAsync($"/api/v1/organisations/{subId}/move", new { parentCode = "ZJ-HZ" }));
        var deactivated = await HttpAssertions.ReadJsonAsync(await manager.PostAsync($"/api/v1/organisations/{id}/deactivate", null));
        var outside = await manager.PostJsonAsync("/api/v1/organisations", new { code = Unique("GD-X"), nameZh = "越权", level = "CityBranch", parentCode = "GD" });

        Assert.Equal("温州中支", renamed.GetProperty("nameZh").GetString());
        await HttpAssertions.AssertProblemAsync(blocked, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ZJ-HZ", moved.GetProperty("parentCode").GetString());
        Assert.False(deactivated.GetProperty("isActive").GetBoolean());
        await HttpAssertions.AssertFieldErrorAsync(outside, "parentCode");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Move_CityBranchToOtherProvince_UsersFollowIntoNewScope(string provider)
    {
        var app = apps.For(provider);
        using var admin = await app.ClientForAsync("admin");
        var code = Unique("SD-YT");
        var created = await HttpAssertions.ReadJsonAsync(await admin.PostJsonAsync("/api/v1/organisations", new
        {
            code, nameZh = "鑫安人寿烟台中心支公司", nameEn = "Yantai", level = "CityBranch", parentCode = "SD",
        }));
        var userName = await AuthTests.CreateUserAsync(app, "yt", "Auditor", code);

        await HttpAssertions.ReadJsonAsync(await admin.PostJsonAsync($"/api/v1/organisations/{created.GetProperty("id").GetString()}/move", new { parentCode = "SC" }));
        var users = await HttpAssertions.ReadJsonAsync(await admin.GetAsync($"/api/v1/users?search={userName}"));
        using var sichuanUser = await app.ClientForAsync(userName, "Right-Password-1");
        var seen = await HttpAssertions.ReadJsonAsync(await sichuanUser.GetAsync("/api/v1/organisations"));

        Assert.Equal(code, Assert.Single(users.GetProperty("items").EnumerateArray()).GetProperty("organisationCode").GetString());
        Assert.Equal(code, Assert.Single(seen.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Create_BadInput_400NamingTheFieldAndNothingWritten(string provider)
    {
        var app = apps.For(provider);
        using var admin = await app.ClientForAsync("admin");
        var code = Unique("BAD");

        var malformed = await admin.PostAsync("/api/v1/organisations", new StringContent("{\"code\": \"X\", ", Encoding.UTF8, "application/json"));
        var wrongType = await admin.PostAsync("/api/v1/organisations", new StringContent($"{{\"code\":\"{code}\",\"nameZh\":\"甲\",\"level\":\"Planet\",\"parentCode\":\"HO\"}}", Encoding.UTF8, "application/json"));
        var wrongTypeNumber = await admin.PostAsync("/api/v1/organisations", new StringContent($"{{\"code\":12,\"nameZh\":\"甲\",\"level\":\"ProvincialBranch\",\"parentCode\":\"HO\"}}", Encoding.UTF8, "application/json"));
        var tooLong = await admin.PostJsonAsync("/api/v1/organisations", new { code, nameZh = new string('长', 101), level = "ProvincialBranch", parentCode = "HO" });
        var invalidCode = await admin.PostJsonAsync("/api/v1/organisations", new { code = "有 空格", nameZh = "甲", level = "ProvincialBranch", parentCode = "HO" });
        var duplicate = await admin.PostJsonAsync("/api/v1/organisations", new { code = "GD", nameZh = "重复", level = "ProvincialBranch", parentCode = "HO" });
        var unknownParent = await admin.PostJsonAsync("/api/v1/organisations", new { code, nameZh = "甲", level = "CityBranch", parentCode = "NOPE" });
        var wrongLevel = await admin.PostJsonAsync("/api/v1/organisations", new { code, nameZh = "甲", level = "SubBranch", parentCode = "HO" });
        var missing = await admin.PostJsonAsync("/api/v1/organisations", new { code });

        await HttpAssertions.AssertProblemAsync(malformed, HttpStatusCode.BadRequest);
        await HttpAssertions.AssertFieldErrorAsync(wrongType, "level");
        await HttpAssertions.AssertFieldErrorAsync(wrongTypeNumber, "code");
        await HttpAssertions.AssertFieldErrorAsync(tooLong, "nameZh");
        await HttpAssertions.AssertFieldErrorAsync(invalidCode, "code");
        await HttpAssertions.AssertFieldErrorAsync(duplicate, "code");
        await HttpAssertions.AssertFieldErrorAsync(unknownParent, "parentCode");
        await HttpAssertions.AssertProblemAsync(wrongLevel, HttpStatusCode.UnprocessableEntity);
        await HttpAssertions.AssertFieldErrorAsync(missing, "nameZh");
        var search = await HttpAssertions.ReadJsonAsync(await admin.GetAsync($"/api/v1/organisations?search={code}"));
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Export_Csv_OnlyScopedRowsInImportLayout(string provider)
    {
        using var handler = await apps.For(provider).ClientForAsync("handler");

        var response = await handler.GetAsync("/api/v1/organisations/export?format=Csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("code,name_zh,name_en,level,parent_code,active", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("GD-SZ-NS,", StringComparison.Ordinal));
    }

    internal static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(32, prefix.Length + 9)];

    internal static async Task<string> FindAsync(HttpClient client, string code)
    {
        var page = await HttpAssertions.ReadJsonAsync(await client.GetAsync($"/api/v1/organisations?search={Uri.EscapeDataString(code)}&pageSize=200"));
        return page.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("code").GetString() == code).GetProperty("id").GetString()!;
    }

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, XiaobaoAppFactory.Json), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
