using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xiaobao.IntegrationTests.Infrastructure;

namespace Xiaobao.IntegrationTests;

public sealed class TextEngineTests(AppFixture apps) : IClassFixture<AppFixture>
{
    private const string Marketing = "本产品保本保息，年年分紅１０％，穩賺\n不賠！";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Segment_TraditionalClause_TokensSliceTheTextAsSentAndKeepInsuranceTermsWhole(string provider)
    {
        using var handler = await apps.For(provider).ClientForAsync("handler");
        const string text = "犹豫期後退保，您只能取得保單的現金價值。";

        var result = await HttpAssertions.ReadJsonAsync(await handler.PostJsonAsync("/api/v1/text/segment", new { text }));

        var tokens = result.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(tokens.Count, result.GetProperty("count").GetInt32());
        Assert.All(tokens, t => Assert.Equal(text.Substring(t.GetProperty("start").GetInt32(), t.GetProperty("length").GetInt32()), t.GetProperty("text").GetString()));
        Assert.Contains(tokens, t => t.GetProperty("text").GetString() == "現金價值" && t.GetProperty("normalised").GetString() == "现金价值");
        Assert.Contains(tokens, t => t.GetProperty("text").GetString() == "犹豫期");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Check_MarketingText_FindsEachProblemAtItsPlaceWithExplanationInTheCallersLanguage(string provider)
    {
        using var handler = await apps.For(provider).ClientForAsync("handler");
        handler.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var result = await HttpAssertions.ReadJsonAsync(await handler.PostJsonAsync("/api/v1/text/check", new { text = Marketing, ruleSets = new[] { "marketing-zh" } }));

        var findings = result.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["保本保息", "年年分紅１０％", "穩賺\n不賠"], findings.Select(f => f.GetProperty("text").GetString()));
        Assert.All(findings, f => Assert.Equal(f.GetProperty("text").GetString(), Marketing.Substring(f.GetProperty("start").GetInt32(), f.GetProperty("length").GetInt32())));
        Assert.All(findings, f => Assert.Equal("Block", f.GetProperty("severity").GetString()));
        Assert.StartsWith("No promise of capital", findings[0].GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026.1", result.GetProperty("ruleSets")[0].GetProperty("version").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Check_ClauseAgainstDisclosures_ReportsWhatIsMissingForTheDocumentType(string provider)
    {
        using var handler = await apps.For(provider).ClientForAsync("handler");
        const string clause = "被保险人确诊重大疾病的，我们给付重大疾病保险金。投保人身份证号11010519491231002X。";

        var result = await HttpAssertions.ReadJsonAsync(await handler.PostJsonAsync(
            "/api/v1/text/check", new { text = clause, ruleSets = new[] { "disclosures-zh", "personal-data" }, documentType = "clause" }));

        var missing = result.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains("DIS-COOLING-OFF", missing);
        Assert.Contains("DIS-WAITING-PERIOD", missing);
        Assert.Contains("DIS-EXCLUSIONS", missing);
        var id = Assert.Single(result.GetProperty("findings").EnumerateArray());
        Assert.Equal("PII-RESIDENT-ID", id.GetProperty("ruleId").GetString());
        Assert.DoesNotContain("19491231", id.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Check_BadInput_AnswersAProblemNamingTheField(string provider)
    {
        using var handler = await apps.For(provider).ClientForAsync("handler");

        await HttpAssertions.AssertFieldErrorAsync(await handler.PostJsonAsync("/api/v1/text/check", new { text = "  ", ruleSets = new[] { "marketing-zh" } }), "text");
        await HttpAssertions.AssertFieldErrorAsync(await handler.PostJsonAsync("/api/v1/text/check", new { text = "保本", ruleSets = new[] { "no-such-set" } }), "ruleSets");
        await HttpAssertions.AssertFieldErrorAsync(await handler.PostJsonAsync("/api/v1/text/check", new { text = "保本", ruleSets = Array.Empty<string>() }), "ruleSets");
        await HttpAssertions.AssertFieldErrorAsync(await handler.PostJsonAsync("/api/v1/text/check", new { text = "条款", ruleSets = new[] { "disclosures-zh" } }), "documentType");
        await HttpAssertions.AssertFieldErrorAsync(
            await handler.PostJsonAsync("/api/v1/text/check", new { text = "条款", ruleSets = new[] { "disclosures-zh" }, documentType = "leaflet" }), "documentType");
        await HttpAssertions.AssertFieldErrorAsync(await handler.PostJsonAsync("/api/v1/text/segment", new { text = new string('保', 400_000) }), "text");

        var unknown = await HttpAssertions.AssertProblemAsync(
            await handler.PostJsonAsync("/api/v1/text/check", new { text = "保本", ruleSets = new[] { "no-such-set" } }), HttpStatusCode.BadRequest);
        Assert.Contains("no-such-set", unknown.GetProperty("errors").GetProperty("ruleSets")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Endpoints_WithoutTextPermissions_AreForbidden(string provider)
    {
        var app = apps.For(provider);
        using var sales = await app.ClientForAsync("sales");
        using var handler = await app.ClientForAsync("handler");

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostJsonAsync("/api/v1/text/check", new { text = "保本", ruleSets = new[] { "marketing-zh" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsync("/api/v1/text/rule-sets/marketing-zh", Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/v1/text/dictionaries")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportRuleSet_NewVersionOfShippedSet_AppliesUntilWithdrawn(string provider)
    {
        using var officer = await apps.For(provider).ClientForAsync("officer");
        var shipped = JsonNode.Parse(await officer.GetStringAsync("/api/v1/text/rule-sets/marketing-zh"))!;
        var version = $"test-{Guid.NewGuid():N}"[..20];
        shipped["version"] = version;
        shipped["rules"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "ACME-1", "kind": "phrase", "category": "house_style", "severity": "warn", "phrases": ["躺赚"],
              "explanation": { "zh": "公司禁用语。" }, "source": "公司营销规范 3.2" }
            """));
        var body = shipped.ToJsonString();
        const string text = "买了就能躺赚。";
        async Task<List<string?>> RulesFoundAsync() =>
            [.. (await HttpAssertions.ReadJsonAsync(await officer.PostJsonAsync("/api/v1/text/check", new { text, ruleSets = new[] { "marketing-zh" } })))
                .GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString())];
        var before = await RulesFoundAsync();

        var imported = await HttpAssertions.ReadJsonAsync(await officer.PutAsync("/api/v1/text/rule-sets/marketing-zh", Json(body)));
        var during = await RulesFoundAsync();
        var again = await officer.PutAsync("/api/v1/text/rule-sets/marketing-zh", Json(body));
        var withdrawn = await officer.DeleteAsync("/api/v1/text/rule-sets/marketing-zh");
        var after = await RulesFoundAsync();

        Assert.Empty(before);
        Assert.Equal("Imported", imported.GetProperty("origin").GetString());
        Assert.Equal(version, imported.GetProperty("version").GetString());
        Assert.Equal(["ACME-1"], during);
        await HttpAssertions.AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Empty(after);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.DeleteAsync("/api/v1/text/rule-sets/marketing-zh")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportRuleSet_InvalidDocument_ListsEveryProblemByItsPathAndStoresNothing(string provider)
    {
        using var officer = await apps.For(provider).ClientForAsync("officer");
        const string document = """
            { "id": "acme-bad", "version": "1", "name": { "zh": "坏" },
              "rules": [ { "id": "R1", "kind": "phrase", "category": "x", "severity": "fatal", "phrases": ["保本"], "explanation": { "zh": "x" }, "source": "s", "colour": "red" } ] }
            """;

        var problem = await HttpAssertions.AssertProblemAsync(await officer.PutAsync("/api/v1/text/rule-sets/acme-bad", Json(document)), HttpStatusCode.BadRequest);
        var mismatch = await officer.PutAsync("/api/v1/text/rule-sets/other-id", Json(document.Replace("fatal", "warn", StringComparison.Ordinal).Replace(", \"colour\": \"red\"", string.Empty, StringComparison.Ordinal)));
        var list = await HttpAssertions.ReadJsonAsync(await officer.GetAsync("/api/v1/text/rule-sets"));

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("rules[0].severity", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("rules[0].colour", out _), errors.ToString());
        await HttpAssertions.AssertFieldErrorAsync(mismatch, "id");
        Assert.DoesNotContain(list.EnumerateArray(), s => s.GetProperty("id").GetString() is "acme-bad" or "other-id");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/text/rule-sets/acme-bad")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Dictionary_SavedByAnAdministrator_KeepsItsTermsWholeForEveryCaller(string provider)
    {
        var app = apps.For(provider);
        using var officer = await app.ClientForAsync("officer");
        using var handler = await app.ClientForAsync("handler");
        var name = $"products-{Guid.NewGuid():N}"[..20];
        const string text = "我想退保鑫安福满堂两全保险。";
        async Task<List<string?>> WordsAsync() =>
            [.. (await HttpAssertions.ReadJsonAsync(await handler.PostJsonAsync("/api/v1/text/segment", new { text })))
                .GetProperty("tokens").EnumerateArray().Select(t => t.GetProperty("text").GetString())];

        var saved = await HttpAssertions.ReadJsonAsync(await officer.PutAsJsonAsync($"/api/v1/text/dictionaries/{name}", new { terms = new[] { " 鑫安福满堂 ", "鑫安福满堂" } }));
        var with = await WordsAsync();
        var exported = await HttpAssertions.ReadJsonAsync(await officer.GetAsync($"/api/v1/text/dictionaries/{name}"));
        var badTerm = await officer.PutAsJsonAsync($"/api/v1/text/dictionaries/{name}", new { terms = new[] { "好", new string('长', 51) } });
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/v1/text/dictionaries/{name}")).StatusCode);
        var without = await WordsAsync();

        Assert.Equal(["鑫安福满堂"], saved.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("鑫安福满堂", with);
        Assert.Equal(name, exported.GetProperty("name").GetString());
        await HttpAssertions.AssertFieldErrorAsync(badTerm, "terms[1]");
        Assert.DoesNotContain("鑫安福满堂", without);
    }

    [Fact]
    public async Task Command_TextCheck_ReadsGbkFileAndCsvColumnAndRejectsBadInputWithOneLine()
    {
        var dir = Directory.CreateTempSubdirectory("xiaobao-text-cli").FullName;
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var gbkFile = Path.Combine(dir, "leaflet.txt");
        await File.WriteAllBytesAsync(gbkFile, gb18030.GetBytes("鑫安年金：保本保息，稳赚不赔。\n"));
        var csvFile = Path.Combine(dir, "complaints.csv");
        await File.WriteAllBytesAsync(csvFile, gb18030.GetBytes("编号,描述\n1,业务员说这是存款\n2,\"我的电话13812345678，请回电\"\n3,服务很好\n"));
        var binaryFile = Path.Combine(dir, "scan.pdf");
        await File.WriteAllBytesAsync(binaryFile, [.. "%PDF-1.7\n"u8.ToArray(), 0, 1, 2, 3]);
        var database = TestDatabases.CreateEmpty(TestDatabases.Sqlite);
        try
        {
            var leaflet = await HostProcess.RunAsync(database, "text", "check", "--rule-set", "marketing-zh", "--file", gbkFile);
            var csv = await HostProcess.RunAsync(database, "text", "check", "-r", "marketing-zh,personal-data", "--file", csvFile, "--column", "描述");
            var segmented = await HostProcess.RunAsync(database, "text", "segment", "--file", gbkFile);
            var binary = await HostProcess.RunAsync(database, "text", "check", "-r", "marketing-zh", "--file", binaryFile);
            var unknownSet = await HostProcess.RunAsync(database, "text", "check", "-r", "no-such-set", "--text", "保本");
            var noColumn = await HostProcess.RunAsync(database, "text", "check", "-r", "marketing-zh", "--file", csvFile, "--column", "内容");
            var usage = await HostProcess.RunAsync(database, "text", "check", "--rule-set", "marketing-zh");

            Assert.Equal(0, leaflet.ExitCode);
            Assert.Contains("5+4\tblock\tMKT-GUARANTEE-01\t保本保息", leaflet.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("10+4\tblock\tMKT-GUARANTEE-01\t稳赚不赔", leaflet.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(0, csv.ExitCode);
            Assert.Contains("row 2 ", csv.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("MKT-DEPOSIT-01\t存款", csv.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("row 3 ", csv.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("PII-MOBILE\t*******5678", csv.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("text check: 3 text(s), 2 finding(s)", csv.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(0, segmented.ExitCode);
            Assert.Contains("保本 / 保息", segmented.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(1, binary.ExitCode);
            Assert.Matches(@"^text: .*scan\.pdf: not a text file", binary.StandardError.Trim());
            Assert.Single(binary.StandardError.Trim().Split('\n'));
            Assert.Equal(1, unknownSet.ExitCode);
            Assert.Contains("no-such-set", unknownSet.StandardError, StringComparison.Ordinal);
            Assert.Equal(1, noColumn.ExitCode);
            Assert.Contains("no column '内容' (columns: 编号, 描述)", noColumn.StandardError, StringComparison.Ordinal);
            Assert.Equal(2, usage.ExitCode);
        }
        finally
        {
            TestDatabases.Drop(TestDatabases.Sqlite, database);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
