using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.IntegrationTests.Infrastructure;
using Xiaobao.Persistence;

namespace Xiaobao.IntegrationTests;

public sealed class PlatformTests(AppFixture apps) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrations_FreshDatabase_AllAppliedAndNoPendingModelChanges(string provider)
    {
        var app = apps.For(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migration set is behind the model: run eng/add-migration.sh.");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Health_RunningApp_ReportsHealthyWithDatabase(string provider)
    {
        using var client = apps.For(provider).CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApiDocs_Anonymous_ServesOpenApiAndScalar(string provider)
    {
        using var client = apps.For(provider).CreateClient();

        var document = await client.GetStringAsync("/api/openapi/v1.json");
        var reference = await client.GetAsync("/api/docs/v1");

        Assert.Contains("/api/v1/organisations", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/auth/token", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AnyResponse_SecurityHeaders_Present(string provider)
    {
        using var client = apps.For(provider).CreateClient();

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LoginPage_DefaultCulture_IsChineseAndSwitchesToEnglish(string provider)
    {
        using var client = apps.For(provider).CreateClient(new() { AllowAutoRedirect = false });

        var chinese = WebUtility.HtmlDecode(await client.GetStringAsync("/account/login"));
        var switched = await client.GetAsync("/culture?c=en&redirect=/account/login");
        var cookie = switched.Headers.GetValues("Set-Cookie").Single();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var english = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains("用户名", chinese, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("User name", english, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ProtectedApi_NoCredentials_Answers401Problem(string provider)
    {
        using var client = apps.For(provider).CreateClient();

        var response = await client.GetAsync("/api/v1/organisations");

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
