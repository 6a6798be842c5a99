using System.Net;
using Xiaobao.IntegrationTests.Infrastructure;

namespace Xiaobao.IntegrationTests;

public sealed class BootstrapTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_DemoOffWithAdminPassword_OnlyHeadOfficeAndAdmin(string provider)
    {
        using var app = new XiaobaoAppFactory(provider);
        app.Settings["Demo:Enabled"] = "false";
        app.Settings["Bootstrap:AdminPassword"] = "Deployment-Secret-2026";

        using var admin = await app.ClientForAsync("admin", "Deployment-Secret-2026");
        var organisations = await HttpAssertions.ReadJsonAsync(await admin.GetAsync("/api/v1/organisations"));
        var users = await HttpAssertions.ReadJsonAsync(await admin.GetAsync("/api/v1/users"));
        using var anonymous = app.CreateClient();
        var demoUser = await anonymous.PostJsonAsync("/api/v1/auth/token", new { userName = "officer", password = XiaobaoAppFactory.DemoPassword });

        Assert.Equal("HO", Assert.Single(organisations.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal("admin", Assert.Single(users.GetProperty("items").EnumerateArray()).GetProperty("userName").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, demoUser.StatusCode);
    }

    [Fact]
    public async Task Start_DemoWithAdminPasswordVariable_AdminSignsInWithIt()
    {
        using var app = new XiaobaoAppFactory(TestDatabases.Sqlite);
        app.Settings["Bootstrap:AdminPassword"] = "Scripted-Secret-2026";

        using var admin = await app.ClientForAsync("admin", "Scripted-Secret-2026");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Start_DemoOffWithoutAdminPassword_ExitsNonZeroNamingTheVariable()
    {
        var result = await HostProcess.RunAsync(null, "--no-demo", "--urls", "http://127.0.0.1:0");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("xiaobao: No users exist and the demo is off: set Xiaobao__Bootstrap__AdminPassword", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_Unknown_ExitsWithUsageReason()
    {
        var result = await HostProcess.RunAsync(null, "seed-everything");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command 'seed-everything'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_SeedDemo_SeedsAndExits()
    {
        var result = await HostProcess.RunAsync(null, "seed-demo");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Demo insurer is in place.", result.StandardOutput, StringComparison.Ordinal);
    }
}
