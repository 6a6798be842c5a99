using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xiaobao.IntegrationTests.Infrastructure;

namespace Xiaobao.IntegrationTests;

/// <summary>
/// The changes and events of the access layer that the trail must hold, each with actor, organisation, record, action and
/// the before/after of non-personal fields: users, role memberships, API keys and their use, and the exports.
/// </summary>
public sealed class AuditCaptureTests(AppFixture apps) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveUser_BranchManagerCreatesChangesRolesAndResetsPassword_BranchAuditorSeesEachOnTheUser(string provider)
    {
        var app = apps.For(provider);
        using var manager = await app.ClientForAsync("manager");
        using var auditor = await app.ClientForAsync(await AuthTests.CreateUserAsync(app, "zja", "Auditor", "ZJ"), "Right-Password-1");
        var userName = $"zju-{Guid.NewGuid():N}"[..16];
        var created = await HttpAssertions.ReadJsonAsync(await manager.PostJsonAsync(
            "/api/v1/users", new { userName, displayName = "周杰", organisationCode = "ZJ-HZ", roles = new[] { "Reviewer" }, password = "Right-Password-1" }));
        var id = created.GetProperty("id").GetString()!;
        (await manager.PutAsJsonAsync(
            $"/api/v1/users/{id}", new { displayName = "周杰伦", organisationCode = "ZJ-HZ", roles = new[] { "SalesManager" }, isActive = true }, XiaobaoAppFactory.Json))
            .EnsureSuccessStatusCode();
        (await manager.PostJsonAsync($"/api/v1/users/{id}/password", new { password = "Other-Password-2" })).EnsureSuccessStatusCode();

        var entries = await AuditTests.EntriesAsync(auditor, $"entityType=XiaobaoUser&entityId={id}");

        var roles = entries.Where(e => Action(e) == "permission-changed").Select(e => e.GetProperty("changes").GetProperty("role").GetRawText()).ToList();
        Assert.Equal(["{\"granted\":\"SalesManager\"}", "{\"revoked\":\"Reviewer\"}", "{\"granted\":\"Reviewer\"}"], roles);
        var creation = Assert.Single(entries, e => Action(e) == "created").GetProperty("changes");
        Assert.Equal("changed", creation.GetProperty("DisplayName").GetString());
        Assert.Equal("changed", creation.GetProperty("PasswordHash").GetString());
        Assert.Equal(userName, creation.GetProperty("UserName").GetProperty("after").GetString());
        Assert.Contains(entries, e => Action(e) == "updated" && e.GetProperty("changes").TryGetProperty("PasswordHash", out var hash) && hash.GetString() == "changed");
        Assert.All(entries, e => Assert.Equal("manager", e.GetProperty("actorName").GetString()));
        Assert.All(entries, e => Assert.False(e.GetProperty("changes").TryGetProperty("ConcurrencyStamp", out _)));
        Assert.All(entries, e => Assert.NotEqual("{}", e.GetProperty("changes").GetRawText()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApiKey_IssuedUsedRevokedAndRefused_EachRecordedAndRepeatedRefusalsOncePerMinute(string provider)
    {
        var app = apps.For(provider);
        using var admin = await app.ClientForAsync("admin");
        var issued = await HttpAssertions.ReadJsonAsync(await admin.PostJsonAsync(
            "/api/v1/apikeys", new { name = "审计探针", organisationCode = "GD", permissions = new[] { "organisations.read" } }));
        var id = issued.GetProperty("key").GetProperty("id").GetString()!;
        var token = issued.GetProperty("token").GetString()!;
        using var system = app.CreateClient();
        system.DefaultRequestHeaders.Add("X-Api-Key", token);
        using var guesser = app.CreateClient();
        guesser.DefaultRequestHeaders.Add("X-Api-Key", token[..^4] + "AAAA");

        (await system.GetAsync("/api/v1/organisations")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync("/api/v1/organisations")).StatusCode);
        (await admin.PostAsync($"/api/v1/apikeys/{id}/revoke", null)).EnsureSuccessStatusCode();
        var refused = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            refused.Add((await system.GetAsync("/api/v1/organisations")).StatusCode);
        }

        var entries = await AuditTests.EntriesAsync(admin, $"entityType=ApiKey&entityId={id}");

        Assert.All(refused, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(["sign-in-failed", "updated", "sign-in-failed", "updated", "created"], entries.Select(Action));
        Assert.Equal("changed", entries[^1].GetProperty("changes").GetProperty("SecretHash").GetString());
        Assert.True(entries[^2].GetProperty("changes").TryGetProperty("LastUsedAt", out _));
        Assert.Equal(("apikey", "apikey:审计探针"), (entries[^2].GetProperty("actorKind").GetString(), entries[^2].GetProperty("actorName").GetString()));
        Assert.Equal("wrong-secret", entries[2].GetProperty("changes").GetProperty("outcome").GetString());
        Assert.True(entries[1].GetProperty("changes").TryGetProperty("RevokedAt", out _));
        Assert.Equal("revoked", entries[0].GetProperty("changes").GetProperty("outcome").GetString());
        Assert.Equal("apikey", entries[0].GetProperty("changes").GetProperty("method").GetString());
        Assert.Equal(issued.GetProperty("key").GetProperty("organisationId").GetString(), entries[0].GetProperty("organisationId").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Exports_OrganisationsAndCalendar_EachAppendAnExportedEntryBeforeTheFile(string provider)
    {
        var app = apps.For(provider);
        using var officer = await app.ClientForAsync("officer");
        var year = (await HttpAssertions.ReadJsonAsync(await officer.GetAsync("/api/v1/calendar"))).EnumerateArray().First().GetInt32();

        using var organisations = await officer.GetAsync("/api/v1/organisations/export?format=Csv&level=CityBranch");
        using var calendar = await officer.GetAsync($"/api/v1/calendar/{year}/export");
        using var admin = await app.ClientForAsync("admin");
        var entries = await AuditTests.EntriesAsync(admin, "action=exported&actor=officer");

        Assert.Equal(HttpStatusCode.OK, organisations.StatusCode);
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        var calendarEntry = Assert.Single(entries, e => e.GetProperty("entityType").GetString() == "CalendarYear");
        Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), calendarEntry.GetProperty("entityId").GetString());
        Assert.True(calendarEntry.GetProperty("changes").GetProperty("rows").GetInt32() > 0);
        var organisationEntry = Assert.Single(entries, e => e.GetProperty("entityType").GetString() == "Organisation");
        Assert.Equal("CityBranch", organisationEntry.GetProperty("changes").GetProperty("level").GetString());
        Assert.All(entries, e => Assert.NotNull(e.GetProperty("organisationId").GetString()));
    }

    private static string? Action(JsonElement entry) => entry.GetProperty("action").GetString();
}
