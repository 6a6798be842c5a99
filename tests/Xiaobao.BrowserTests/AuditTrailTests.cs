using System.Text;
using System.Text.RegularExpressions;
using Xiaobao.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Xiaobao.BrowserTests;

/// <summary>The auditor's page: filter the trail, read an entry, check the chain, take the filtered rows away.</summary>
public sealed class AuditTrailTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task AuditPage_AuditorFiltersOpensEntriesAndExports_SeesMaskedChangesAndDownloadsTheFilteredRows() => RunAsync("auditor", async page =>
    {
        await Expect(page.Locator("#menu-audit")).ToContainTextAsync("审计日志");
        await GotoReadyAsync(page, "/audit", "#audit-page-ready");
        var everything = await page.Locator("#audit-total").GetAttributeAsync("data-total");

        // A user record as created: the display name is personal, so the entry says only that it changed.
        await ChooseAsync(page, "#audit-entity-type", null, new Regex(@"^\s*用户\s*$"));
        await ChooseAsync(page, "#audit-action", null, new Regex(@"^\s*新增\s*$"));
        await page.Locator("#audit-search").ClickAsync();
        await Expect(page.Locator("#audit-table .audit-action").First).ToHaveAttributeAsync("data-action", "created");
        await Expect(page.Locator("#audit-page-ready")).ToBeAttachedAsync();
        await page.Locator("#audit-table a.audit-open").First.ClickAsync();
        var drawer = page.Locator(".audit-drawer");
        await Expect(drawer.Locator(".audit-change-row[data-field='DisplayName'] .audit-masked")).ToBeVisibleAsync();
        await Expect(drawer.Locator(".audit-change-row[data-field='IsActive'] .audit-after")).ToHaveTextAsync("true");
        await Expect(drawer.Locator("#audit-detail-hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await drawer.Locator(".ant-drawer-close").ClickAsync();

        // The auditor's own sign-ins, read back from the filtered download.
        await page.Locator("#audit-reset").ClickAsync();
        await Expect(page.Locator("#audit-total")).ToHaveAttributeAsync("data-total", everything!);
        await page.Locator("#audit-actor").FillAsync("auditor");
        await ChooseAsync(page, "#audit-action", null, new Regex(@"^\s*登录成功\s*$"));
        await page.Locator("#audit-search").ClickAsync();
        await Expect(page.Locator("#audit-total")).Not.ToHaveAttributeAsync("data-total", everything!);
        await Expect(page.Locator("#audit-page-ready")).ToBeAttachedAsync();
        var total = int.Parse((await page.Locator("#audit-total").GetAttributeAsync("data-total"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(await page.Locator("#audit-table .audit-action").CountAsync(), total);
        Assert.All(await page.Locator("#audit-table .audit-action").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.action)"), a => Assert.Equal("signed-in", a));
        await page.Locator("#audit-table a.audit-open").First.ClickAsync();
        await Expect(drawer.Locator(".audit-fact[data-field='outcome']")).ToHaveTextAsync("Succeeded");
        await drawer.Locator(".ant-drawer-close").ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#audit-export-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("序号,时间（北京时间）,操作人类型,操作人", lines[0], StringComparison.Ordinal);
        Assert.Equal(total, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(",auditor,", l, StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Contains(",登录成功,", l, StringComparison.Ordinal));

        await page.Locator("#audit-verify").ClickAsync();
        await Expect(page.Locator("#audit-verify-result")).ToHaveAttributeAsync("data-intact", "true");
    });
}
