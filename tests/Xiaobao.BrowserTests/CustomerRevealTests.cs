using System.Text.RegularExpressions;
using Xiaobao.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Xiaobao.BrowserTests;

/// <summary>The customer page: masked by default, one field revealed with a reason, the reveal in "who viewed".</summary>
public sealed class CustomerRevealTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Reveal_HandlerGivesAReason_SeesThePlainValueAndTheAccessLogNamesThem() => RunAsync("handler", async page =>
    {
        await GotoReadyAsync(page, "/customers", "#customer-page-ready");
        await Expect(page.Locator(".customer-mobile").First).ToHaveTextAsync(new Regex(@"^1[3-9]\d\*{4}\d{4}$"));

        await page.Locator(".customer-open").First.ClickAsync();
        var mobile = page.Locator(".customer-field[data-field=mobile]");
        await Expect(mobile.Locator(".customer-masked")).ToHaveTextAsync(new Regex(@"^1[3-9]\d\*{4}\d{4}$"));
        await mobile.Locator(".customer-reveal").ClickAsync();
        var modal = page.Locator(".customer-reveal-modal");
        await page.Locator("#customer-reveal-confirm").ClickAsync();
        await Expect(modal).ToContainTextAsync("请填写查看原因。");

        await page.Locator("#customer-reveal-reason").FillAsync("客户来电，核实回拨号码");
        await page.Locator("#customer-reveal-confirm").ClickAsync();

        await Expect(mobile.Locator(".customer-plain")).ToHaveTextAsync(new Regex(@"^1[3-9]\d{9}$"));
        await page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "谁查看过该客户的信息" }).ClickAsync();
        await Expect(page.Locator("#customer-access-log .access-action[data-action=revealed]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#customer-access-log")).ToContainTextAsync("handler");
        await Expect(page.Locator("#customer-access-log")).ToContainTextAsync("未填写原因");
    });
}
