using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xiaobao.Audit;
using Xiaobao.Audit.Features.VerifyChain;
using Xiaobao.IntegrationTests.Infrastructure;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Scoping;
using Xiaobao.Organisations;
using Xiaobao.Organisations.Features.MoveOrganisation;
using Xiaobao.Persistence;

namespace Xiaobao.IntegrationTests;

public sealed class AuditTests(AppFixture apps) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveOrganisation_CreateThenRename_AppendsEntriesWithActorOrganisationAndBeforeAfter(string provider)
    {
        var app = apps.For(provider);
        using var manager = await app.ClientForAsync("manager");
        using var admin = await app.ClientForAsync("admin");
        var code = $"ZJ-A{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        var created = await HttpAssertions.ReadJsonAsync(await manager.PostJsonAsync("/api/v1/organisations", new { code, nameZh = "审计测试支公司", level = "CityBranch", parentCode = "ZJ" }));
        var id = created.GetProperty("id").GetString()!;
        (await manager.PutAsJsonAsync($"/api/v1/organisations/{id}", new { code, nameZh = "审计测试支公司（改）", nameEn = "Audit test" }, XiaobaoAppFactory.Json)).EnsureSuccessStatusCode();

        var entries = await EntriesAsync(admin, $"entityType=Organisation&entityId={id}");

        Assert.Equal(["updated", "created"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e =>
        {
            Assert.Equal("user", e.GetProperty("actorKind").GetString());
            Assert.Equal("manager", e.GetProperty("actorName").GetString());
            Assert.Equal(id, e.GetProperty("organisationId").GetString());
        });
        var rename = entries[0].GetProperty("changes").GetProperty("NameZh");
        Assert.Equal("审计测试支公司", rename.GetProperty("before").GetString());
        Assert.Equal("审计测试支公司（改）", rename.GetProperty("after").GetString());
        Assert.Equal(code, entries[1].GetProperty("changes").GetProperty("Code").GetProperty("after").GetString());
        Assert.True((await VerifyAsync(app)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveOrganisation_ValidationError_AppendsNothing(string provider)
    {
        var app = apps.For(provider);
        using var admin = await app.ClientForAsync("admin");
        var before = await CountAsync(app);

        var response = await admin.PostJsonAsync("/api/v1/organisations", new { code = "bad code!", nameZh = "无效", level = "CityBranch", parentCode = "ZJ" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PasswordSignIn_SuccessAndFailure_AreRecordedForTheUser(string provider)
    {
        var app = apps.For(provider);
        var userName = await AuthTests.CreateUserAsync(app, "aud", "Reviewer", "GD-SZ");
        using var anonymous = app.CreateClient();
        (await anonymous.PostJsonAsync("/api/v1/auth/token", new { userName, password = "Wrong-Password-9" })).Dispose();
        (await anonymous.PostJsonAsync("/api/v1/auth/token", new { userName, password = "Right-Password-1" })).Dispose();
        using var admin = await app.ClientForAsync("admin");

        var entries = await EntriesAsync(admin, $"actor={userName}&entityType=XiaobaoUser");
        var actions = entries.Select(e => e.GetProperty("action").GetString()).Where(a => a is "signed-in" or "sign-in-failed").ToList();

        Assert.Equal(["signed-in", "sign-in-failed"], actions);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SetRolePermissions_GrantAndRevoke_RecordsPermissionChangedOnTheRole(string provider)
    {
        var app = apps.For(provider);
        using var admin = await app.ClientForAsync("admin");
        (await admin.PutAsJsonAsync("/api/v1/roles/SalesManager/permissions", new { permissions = new[] { "organisations.read", "calendar.read" } }, XiaobaoAppFactory.Json)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/v1/roles/SalesManager/permissions", new { permissions = new[] { "organisations.read", "users.read" } }, XiaobaoAppFactory.Json)).EnsureSuccessStatusCode();

        // Head office also sees the system's own grants made when the roles were first created.
        var entries = (await EntriesAsync(admin, "action=permission-changed&entityType=Role"))
            .Where(e => e.GetProperty("actorKind").GetString() != "system").ToList();
        var changes = entries.Select(e => e.GetProperty("changes").GetProperty("xiaobao:permission").ToString()).ToList();

        Assert.Contains(changes, c => c.Contains("\"granted\":\"calendar.read\"", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("\"revoked\":\"calendar.read\"", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Equal("admin", e.GetProperty("actorName").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MoveOrganisation_RewriteFailsAndRollsBack_LeavesNoEntry(string provider)
    {
        var app = apps.For(provider);
        var before = await CountAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<IDataScope>().RunAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<IOrganisationsDb>();
        var id = (await db.Organisations.SingleAsync(o => o.Code == "SD-QD")).Id;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            MoveOrganisation.HandleAsync(db, new FailingRewriter(), TimeProvider.System, id, new MoveOrganisationRequest("JS"), CancellationToken.None));

        Assert.Equal(before, await CountAsync(app));
        Assert.True((await VerifyAsync(app)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task VerifyAuditChain_TamperedRows_ReportsTheFirstBrokenSequence(string provider)
    {
        using var app = new XiaobaoAppFactory(provider);
        using var admin = await app.ClientForAsync("admin");
        var intact = await VerifyAsync(app);
        Assert.True(intact.Intact, intact.Detail);
        Assert.True(intact.Entries > 20);

        // An edited change: the entry's hash no longer matches it.
        var original = await ScalarAsync(app, "SELECT \"Changes\" AS \"Value\" FROM \"aud_entries\" WHERE \"Sequence\" = 7");
        await SqlAsync(app, "UPDATE \"aud_entries\" SET \"Changes\" = {0} WHERE \"Sequence\" = 7", "{\"NameZh\":{\"after\":\"伪造\"}}");
        var edited = await VerifyAsync(app);
        await SqlAsync(app, "UPDATE \"aud_entries\" SET \"Changes\" = {0} WHERE \"Sequence\" = 7", original);
        Assert.True((await VerifyAsync(app)).Intact);

        // Two rows swapped: the first of them no longer hashes to its place.
        await SqlAsync(app, "UPDATE \"aud_entries\" SET \"Sequence\" = -1 WHERE \"Sequence\" = 10");
        await SqlAsync(app, "UPDATE \"aud_entries\" SET \"Sequence\" = 10 WHERE \"Sequence\" = 11");
        await SqlAsync(app, "UPDATE \"aud_entries\" SET \"Sequence\" = 11 WHERE \"Sequence\" = -1");
        var swapped = await VerifyAsync(app);

        // A middle row deleted: the sequence has a gap there.
        await SqlAsync(app, "DELETE FROM \"aud_entries\" WHERE \"Sequence\" = 5");
        var deleted = await VerifyAsync(app);
        using var response = await admin.GetAsync("/api/v1/audit/verify");
        var overHttp = await HttpAssertions.ReadJsonAsync(response);

        Assert.Equal((false, 7L, VerifyAuditChain.HashMismatch), (edited.Intact, edited.BrokenAt, edited.Problem));
        Assert.Equal((false, 10L, VerifyAuditChain.HashMismatch), (swapped.Intact, swapped.BrokenAt, swapped.Problem));
        Assert.Equal((false, 5L, VerifyAuditChain.MissingEntry), (deleted.Intact, deleted.BrokenAt, deleted.Problem));
        Assert.Equal(4, deleted.Entries);
        Assert.False(overHttp.GetProperty("intact").GetBoolean());
        Assert.Equal(5, overHttp.GetProperty("brokenAt").GetInt64());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AuditLog_EightParallelWriters_KeepOneLinearChain(string provider)
    {
        var app = apps.For(provider);
        var before = await CountAsync(app);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(
                    new AuditEvent(AuditActions.Exported, "ConcurrencyProbe", $"{writer}-{i}"), CancellationToken.None);
            }
        })));

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<XiaobaoDbContext>();
        var links = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Select(e => e.PreviousHash).ToListAsync();
        var report = await VerifyAsync(app);
        Assert.Equal(before + 160, links.Count);
        Assert.Equal(links.Count, links.Distinct(StringComparer.Ordinal).Count());
        Assert.True(report.Intact, report.Detail);
        Assert.Equal(links.Count, report.Entries);
    }

    [Fact]
    public async Task Command_AuditVerify_ExitsZeroWhenIntactAndOneWhenBroken()
    {
        var database = TestDatabases.CreateEmpty(TestDatabases.Sqlite);
        var seeded = await HostProcess.RunAsync(database, "seed-demo");
        Assert.Equal(0, seeded.ExitCode);

        var intact = await HostProcess.RunAsync(database, "audit", "verify");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(database))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE \"aud_entries\" SET \"ActorName\" = 'mallory' WHERE \"Sequence\" = 3";
            await command.ExecuteNonQueryAsync();
        }

        var broken = await HostProcess.RunAsync(database, "audit", "verify");

        Assert.Equal(0, intact.ExitCode);
        Assert.Matches(@"audit: \d+ entries verified, chain intact", intact.StandardOutput);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("audit: chain broken at sequence 3: hash-mismatch", broken.StandardOutput, StringComparison.Ordinal);
    }

    internal static async Task<List<JsonElement>> EntriesAsync(HttpClient client, string query) =>
        (await HttpAssertions.ReadJsonAsync(await client.GetAsync($"/api/v1/audit?pageSize=200&{query}"))).GetProperty("items").EnumerateArray().ToList();

    private static async Task<AuditChainReport> VerifyAsync(XiaobaoAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await VerifyAuditChain.HandleAsync(scope.ServiceProvider.GetRequiredService<IAuditDb>(), CancellationToken.None);
    }

    private static async Task<int> CountAsync(XiaobaoAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().AuditEntries.IgnoreQueryFilters().CountAsync();
    }

    private static async Task SqlAsync(XiaobaoAppFactory app, string sql, params object[] parameters)
    {
        await using var scope = app.Services.CreateAsyncScope();
#pragma warning disable EF1002 // Test-only SQL built from constants; values go as parameters.
        await scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().Database.ExecuteSqlRawAsync(sql, parameters);
#pragma warning restore EF1002
    }

    private static async Task<string> ScalarAsync(XiaobaoAppFactory app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<XiaobaoDbContext>().Database.SqlQueryRaw<string>(sql).SingleAsync();
    }

    private sealed class FailingRewriter : IOrganisationPathRewriter
    {
        public Task RewriteAsync(string oldPrefix, string newPrefix, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Rewrite failed on purpose.");
    }
}
