using Microsoft.Playwright;
using Xiaobao.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Xiaobao.BrowserTests;

/// <summary>The background jobs page, as an administrator uses it.</summary>
public sealed class JobsPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task JobsPage_AdminRunsTheNightlyAuditCheckNow_SeesItSucceedInTheScheduleAndTheList() => RunAsync("admin", async page =>
    {
        await GotoReadyAsync(page, "/admin/jobs", "#jobs-page-ready");
        var schedule = page.Locator("#jobs-schedules tr").Filter(new() { HasText = "audit.verify-chain" });
        await Expect(schedule.Locator(".schedule-status")).ToHaveTextAsync("已启用");

        await schedule.Locator(".schedule-run").ClickAsync();
        await page.Locator(".ant-popover-buttons .ant-btn-primary").ClickAsync();

        // The run is queued at once and finishes moments later; the page shows it after a refresh.
        var outcome = schedule.Locator(".schedule-outcome");
        for (var attempt = 0; attempt < 30 && await outcome.InnerTextAsync() != "成功"; attempt++)
        {
            await page.WaitForTimeoutAsync(500);
            await page.Locator("#jobs-refresh").ClickAsync();
        }

        await Expect(outcome).ToHaveTextAsync("成功");
        var job = page.Locator("#jobs-table tr").Filter(new() { HasText = "audit.verify-chain" }).First;
        await Expect(job.Locator(".job-state")).ToHaveTextAsync("成功");
        await Expect(job.Locator(".job-attempts")).ToHaveTextAsync("1 / 3");
    });
}
