using Microsoft.Playwright;
using Xiaobao.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Xiaobao.BrowserTests;

/// <summary>The text engine's workbench: paste a text, check it, read the findings where they are.</summary>
public sealed class TextWorkbenchTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Workbench_PastedMarketingText_HighlightsEachFindingInPlaceWithItsExplanation() => RunAsync("officer", async page =>
    {
        await GotoReadyAsync(page, "/text", "#text-page-ready");

        await page.Locator("#text-input").FillAsync("本产品保本保息，年年分红10%。请致电13812345678咨询。");
        await page.Locator("#text-check").ClickAsync();

        var marks = page.Locator("#text-highlighted mark");
        await Expect(marks).ToHaveCountAsync(3);
        await Expect(marks.Nth(0)).ToContainTextAsync("保本保息");
        await Expect(marks.Nth(0)).ToHaveAttributeAsync("data-rules", "MKT-GUARANTEE-01");
        await Expect(marks.Nth(0)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("xb-mark-block"));
        await Expect(marks.Nth(1)).ToContainTextAsync("年年分红10%");
        await Expect(marks.Nth(2)).ToHaveAttributeAsync("data-rules", "PII-MOBILE");
        await Expect(page.Locator("#text-highlighted")).ToContainTextAsync("本产品");
        await Expect(page.Locator("#text-highlighted")).ToContainTextAsync("咨询。");

        var findings = page.Locator("#text-findings li");
        await Expect(findings).ToHaveCountAsync(3);
        await Expect(findings.Nth(0)).ToContainTextAsync("不得承诺保本");
        await Expect(findings.Nth(0)).ToContainTextAsync("S3 art 13");
        await Expect(findings.Nth(2)).ToContainTextAsync("*******5678");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/text-workbench.png", FullPage = true });
    });

    [Fact]
    public Task Workbench_NothingPasted_ShowsTheErrorUnderTheTextField() => RunAsync("handler", async page =>
    {
        await GotoReadyAsync(page, "/text", "#text-page-ready");

        await page.Locator("#text-check").ClickAsync();

        await Expect(page.Locator(".ant-form-item-explain-error")).ToContainTextAsync("文本不能为空");
        await Expect(page.Locator("#text-highlighted")).ToHaveCountAsync(0);
    });
}
