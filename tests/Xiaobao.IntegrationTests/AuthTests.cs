using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xiaobao.IntegrationTests.Infrastructure;

namespace Xiaobao.IntegrationTests;

public sealed class AuthTests(AppFixture apps) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Token_RightPassword_IssuesShortLivedBearerToken(string provider)
    {
        using var client = apps.For(provider).CreateClient();

        var response = await client.PostJsonAsync("/api/v1/auth/token", new { userName = "officer", password = XiaobaoAppFactory.DemoPassword });
        var json = await HttpAssertions.ReadJsonAsync(response);

        Assert.Equal("Bearer", json.GetProperty("tokenType").GetString());
        Assert.InRange(json.GetProperty("expiresIn").GetInt32(), 60, 3600);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Token_WrongPassword_GenericProblemAndLockoutAfterRepeatedFailures(string provider)
    {
        var app = apps.For(provider);
        var userName = await CreateUserAsync(app, "lockme");
        using var client = app.CreateClient();

        var first = await client.PostJsonAsync("/api/v1/auth/token", new { userName, password = "Wrong-password-1" });
        var unknown = await client.PostJsonAsync("/api/v1/auth/token", new { userName = "nobody-here", password = "Wrong-password-1" });
        for (var i = 0; i < 4; i++)
        {
            await client.PostJsonAsync("/api/v1/auth/token", new { userName, password = "Wrong-password-1" });
        }

        var afterLockout = await client.PostJsonAsync("/api/v1/auth/token", new { userName, password = "Right-Password-1" });

        var firstProblem = await HttpAssertions.AssertProblemAsync(first, HttpStatusCode.Unauthorized);
        var unknownProblem = await HttpAssertions.AssertProblemAsync(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal(firstProblem.GetProperty("detail").GetString(), unknownProblem.GetProperty("detail").GetString());
        await HttpAssertions.AssertProblemAsync(afterLockout, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApiKey_IssuedThenRevoked_AuthenticatesWithItsScopeUntilRevoked(string provider)
    {
        var app = apps.For(provider);
        using var admin = await app.ClientForAsync("admin");
        var issued = await HttpAssertions.ReadJsonAsync(await admin.PostJsonAsync(
            "/api/v1/apikeys", new { name = "核心系统", organisationCode = "GD", permissions = new[] { "organisations.read" } }));
        var token = issued.GetProperty("token").GetString()!;
        var id = issued.GetProperty("key").GetProperty("id").GetString();
        using var system = app.CreateClient();
        system.DefaultRequestHeaders.Add("X-Api-Key", token);

        var codes = (await HttpAssertions.ReadJsonAsync(await system.GetAsync("/api/v1/organisations?pageSize=200")))
            .GetProperty("items").EnumerateArray().Select(o => o.GetProperty("code").GetString()!).ToList();
        var users = await system.GetAsync("/api/v1/users");
        var keys = await HttpAssertions.ReadJsonAsync(await admin.GetAsync("/api/v1/apikeys"));
        await admin.PostAsync($"/api/v1/apikeys/{id}/revoke", null);
        var afterRevoke = await system.GetAsync("/api/v1/organisations");

        Assert.Contains("GD-SZ-NS", codes);
        Assert.DoesNotContain("JS", codes);
        Assert.All(codes, c => Assert.StartsWith("GD", c, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Contains(keys.EnumerateArray(), k => k.GetProperty("id").GetString() == id && k.GetProperty("lastUsedAt").ValueKind == JsonValueKind.String);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.DoesNotContain(token, keys.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApiKeys_UserWithoutApiKeyPermission_Forbidden(string provider)
    {
        using var manager = await apps.For(provider).ClientForAsync("manager");

        var response = await manager.PostJsonAsync("/api/v1/apikeys", new { name = "x", organisationCode = "ZJ", permissions = new[] { "roles.manage" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateUser_RoleWithMorePermissionsThanActor_RefusedNamingRoles(string provider)
    {
        using var manager = await apps.For(provider).ClientForAsync("manager");

        var response = await manager.PostJsonAsync("/api/v1/users", new
        {
            userName = "zj-escalate", displayName = "越权", organisationCode = "ZJ-HZ", roles = new[] { "SystemAdmin" }, password = "Right-Password-1",
        });

        await HttpAssertions.AssertFieldErrorAsync(response, "roles");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CreateUser_WeakPassword_FieldErrorOnPassword(string provider)
    {
        using var admin = await apps.For(provider).ClientForAsync("admin");

        var response = await admin.PostJsonAsync("/api/v1/users", new
        {
            userName = "weak-pass", displayName = "弱密码", organisationCode = "HO", roles = new[] { "Auditor" }, password = "short",
        });

        await HttpAssertions.AssertFieldErrorAsync(response, "password");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Me_BranchHandler_ReportsOrganisationAndPermissions(string provider)
    {
        using var handler = await apps.For(provider).ClientForAsync("handler");

        var me = await handler.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal("GD-SZ", me.GetProperty("organisationCode").GetString());
        Assert.Contains(me.GetProperty("permissions").EnumerateArray(), p => p.GetString() == "organisations.read");
        Assert.DoesNotContain(me.GetProperty("permissions").EnumerateArray(), p => p.GetString() == "organisations.manage");
    }

    internal static async Task<string> CreateUserAsync(XiaobaoAppFactory app, string prefix, string role = "Auditor", string organisation = "HO")
    {
        using var admin = await app.ClientForAsync("admin");
        var userName = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var response = await admin.PostJsonAsync("/api/v1/users", new
        {
            userName, displayName = "测试用户", organisationCode = organisation, roles = new[] { role }, password = "Right-Password-1",
        });
        response.EnsureSuccessStatusCode();
        return userName;
    }
}
