using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Xiaobao.IntegrationTests.Infrastructure;

namespace Xiaobao.IntegrationTests;

/// <summary>The auditor's list and export: filters, the organisation subtree, the caller's scope, and the export's own entry.</summary>
public sealed class AuditExportTests(AppFixture apps) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task List_BranchAuditor_SeesItsBranchesSignInsButNoOtherBranchs(string provider)
    {
        var app = apps.For(provider);
        var world = await World.BuildAsync(app);
        using var auditor = await app.ClientForAsync(world.ShenzhenAuditor, Password);

        var signIns = await AuditTests.EntriesAsync(auditor, "action=signed-in");
        var everything = await AuditTests.EntriesAsync(auditor, string.Empty);

        Assert.Contains(signIns, e => e.GetProperty("actorName").GetString() == world.NanshanUser);
        Assert.DoesNotContain(everything, e => e.GetProperty("actorName").GetString() == world.NanjingUser);
        Assert.All(everything, e => Assert.Contains(e.GetProperty("organisationId").GetString(), world.ShenzhenSubtree));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task List_OrganisationWithDescendants_ReturnsTheBranchAndEverythingBelowIt(string provider)
    {
        var app = apps.For(provider);
        var world = await World.BuildAsync(app);
        using var admin = await app.ClientForAsync("admin");

        var own = await AuditTests.EntriesAsync(admin, $"organisationId={world.ShenzhenId}");
        var subtree = await AuditTests.EntriesAsync(admin, $"organisationId={world.ShenzhenId}&includeDescendants=true");

        Assert.All(own, e => Assert.Equal(world.ShenzhenId, e.GetProperty("organisationId").GetString()));
        Assert.All(subtree, e => Assert.Contains(e.GetProperty("organisationId").GetString(), world.ShenzhenSubtree));
        Assert.Contains(subtree, e => e.GetProperty("actorName").GetString() == world.NanshanUser);
        Assert.DoesNotContain(own, e => e.GetProperty("actorName").GetString() == world.NanshanUser);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Export_CsvInChineseAndEnglish_StreamsTheListedRowsAfterRecordingItself(string provider)
    {
        var app = apps.For(provider);
        var world = await World.BuildAsync(app);
        using var admin = await app.ClientForAsync("admin");
        var filter = $"actor={world.NanshanUser}";
        var listed = await AuditTests.EntriesAsync(admin, filter);

        using var chinese = await admin.GetAsync($"/api/v1/audit/export?format=csv&{filter}");
        var english = await GetInEnglishAsync(admin, $"/api/v1/audit/export?format=Csv&{filter}");
        var bytes = await chinese.Content.ReadAsByteArrayAsync();
        var lines = Lines(Encoding.UTF8.GetString(bytes));
        var record = (await AuditTests.EntriesAsync(admin, "action=exported&entityType=AuditEntry&actor=admin"))[0];

        Assert.Equal(HttpStatusCode.OK, chinese.StatusCode);
        Assert.Equal("text/csv", chinese.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("序号,时间（北京时间）,操作人类型,操作人", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Sequence,\"Time (China Standard Time)\",\"Actor type\",Actor", Lines(english)[0], StringComparison.Ordinal);
        Assert.Equal(listed.Select(e => e.GetProperty("sequence").GetInt64()).Order(), lines.Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(lines, l => l.Contains(",登录成功,", StringComparison.Ordinal));
        var details = record.GetProperty("changes");
        Assert.Equal((world.NanshanUser, "Csv", (long)listed.Count), (details.GetProperty("actor").GetString(), details.GetProperty("format").GetString(), details.GetProperty("rows").GetInt64()));
        Assert.True(record.GetProperty("sequence").GetInt64() > details.GetProperty("upToSequence").GetInt64());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Export_XlsxByBranchAuditor_HoldsOnlyItsScopeAndTheSameRowsAsTheList(string provider)
    {
        var app = apps.For(provider);
        var world = await World.BuildAsync(app);
        using var auditor = await app.ClientForAsync(world.ShenzhenAuditor, Password);
        var listed = await AuditTests.EntriesAsync(auditor, "action=signed-in");

        using var response = await auditor.GetAsync("/api/v1/audit/export?format=xlsx&action=signed-in");
        await using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = xlsx.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("序号", rows[0]["A"]);
        var organisationIds = rows.Skip(1).Select(r => (string?)r["G"]).ToList();
        Assert.All(organisationIds, id => Assert.Contains(id, world.ShenzhenSubtree));
        Assert.Equal(listed.Select(e => e.GetProperty("sequence").GetInt64()).Order(), rows.Skip(1).Select(r => Convert.ToInt64(r["A"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Export_ActorNameShapedLikeAFormula_IsTextInTheCsv(string provider)
    {
        var app = apps.For(provider);
        using var anonymous = app.CreateClient();
        var typed = $"=HYPERLINK(\"x{Guid.NewGuid():N}\")";
        (await anonymous.PostJsonAsync("/api/v1/auth/token", new { userName = typed, password = "Wrong-Password-9" })).Dispose();
        using var admin = await app.ClientForAsync("admin");

        var csv = await (await admin.GetAsync($"/api/v1/audit/export?format=csv&actor={Uri.EscapeDataString(typed)}")).Content.ReadAsStringAsync();

        var row = Lines(csv)[1];
        Assert.Contains($",\"'{typed.Replace("\"", "\"\"", StringComparison.Ordinal)}\",", row, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ListAndExport_RangeEndingBeforeItStarts_FieldErrorOnToAndNothingRecorded(string provider)
    {
        var app = apps.For(provider);
        using var admin = await app.ClientForAsync("admin");
        var before = (await AuditTests.EntriesAsync(admin, "action=exported&entityType=AuditEntry")).Count;
        const string Range = "from=2026-03-02T00:00:00%2B08:00&to=2026-03-01T00:00:00%2B08:00";

        var list = await admin.GetAsync($"/api/v1/audit?{Range}");
        var export = await admin.GetAsync($"/api/v1/audit/export?format=csv&{Range}");
        var badFormat = await admin.GetAsync("/api/v1/audit/export?format=pdf");

        await HttpAssertions.AssertFieldErrorAsync(list, "to");
        await HttpAssertions.AssertFieldErrorAsync(export, "to");
        await HttpAssertions.AssertFieldErrorAsync(badFormat, "format");
        Assert.Equal(before, (await AuditTests.EntriesAsync(admin, "action=exported&entityType=AuditEntry")).Count);
    }

    private const string Password = "Right-Password-1";

    private static async Task<string> GetInEnglishAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static string[] Lines(string csv) =>
        csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A Shenzhen auditor, a user in Shenzhen's Nanshan sub-branch and one in Nanjing, each signed in once.</summary>
    private sealed record World(string ShenzhenAuditor, string NanshanUser, string NanjingUser, string ShenzhenId, HashSet<string?> ShenzhenSubtree)
    {
        public static async Task<World> BuildAsync(XiaobaoAppFactory app)
        {
            var auditor = await AuthTests.CreateUserAsync(app, "sza", "Auditor", "GD-SZ");
            var nanshan = await AuthTests.CreateUserAsync(app, "nsu", "Reviewer", "GD-SZ-NS");
            var nanjing = await AuthTests.CreateUserAsync(app, "nju", "Reviewer", "JS-NJ");
            foreach (var user in new[] { nanshan, nanjing })
            {
                await app.TokenForAsync(user, Password);
            }

            using var admin = await app.ClientForAsync("admin");
            var organisations = (await HttpAssertions.ReadJsonAsync(await admin.GetAsync("/api/v1/organisations?pageSize=200"))).GetProperty("items").EnumerateArray().ToList();
            string IdOf(JsonElement o) => o.GetProperty("id").GetString()!;
            var subtree = organisations.Where(o => o.GetProperty("code").GetString()!.StartsWith("GD-SZ", StringComparison.Ordinal)).Select(o => (string?)IdOf(o)).ToHashSet();
            return new World(auditor, nanshan, nanjing, IdOf(organisations.Single(o => o.GetProperty("code").GetString() == "GD-SZ")), subtree);
        }
    }
}
