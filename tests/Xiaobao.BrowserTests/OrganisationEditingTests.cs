using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xiaobao.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Xiaobao.BrowserTests;

/// <summary>Changes to the organisation tree through the page's dialogs, on an app of their own so the browsing tests keep the demo data.</summary>
public sealed class OrganisationEditingTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task NewOrganisation_ValidSubBranch_AppearsInList() => RunAsync("admin", async page =>
    {
        await GotoReadyAsync(page, "/organisations", "#org-page-ready");

        await FillEditorAsync(page, "GD-SZ-LH", "鑫安人寿深圳龙华支公司", "支公司", "GD-SZ");
        await page.Locator("#org-form-save").ClickAsync();

        await Expect(page.Locator(".org-editor-modal .ant-modal")).ToBeHiddenAsync();
        await Expect(page.Locator("#org-notice")).ToBeVisibleAsync();
        await Expect(page.Locator("#org-page-ready")).ToBeAttachedAsync();
        await page.Locator("#org-search").FillAsync("龙华");
        await page.Locator("#org-search-button").ClickAsync();
        await Expect(page.Locator("#org-total")).ToHaveAttributeAsync("data-total", "1");
        await Expect(page.Locator("#org-table span.org-code")).ToHaveTextAsync(["GD-SZ-LH"]);
    });

    [Fact]
    public Task NewOrganisation_CodeWithSpace_ShowsErrorUnderCodeAndStaysOpen() => RunAsync("admin", async page =>
    {
        await GotoReadyAsync(page, "/organisations", "#org-page-ready");

        await FillEditorAsync(page, "GD SZ X", "鑫安人寿深圳测试支公司", "支公司", "GD-SZ");
        await page.Locator("#org-form-save").ClickAsync();

        var codeItem = page.Locator(".org-editor-modal .ant-form-item").Filter(new() { Has = page.Locator("#org-form-code") });
        await Expect(codeItem.Locator(".ant-form-item-explain-error")).ToBeVisibleAsync();
        await Expect(page.Locator(".org-editor-modal .ant-modal")).ToBeVisibleAsync();
        await Expect(page.Locator("#org-notice")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task MoveOrganisation_SubBranchToAnotherCity_ShowsNewParent() => RunAsync("admin", async page =>
    {
        await GotoReadyAsync(page, "/organisations", "#org-page-ready");
        await page.Locator("#org-search").FillAsync("GD-SZ-FT");
        await page.Locator("#org-search-button").ClickAsync();
        await Expect(page.Locator("#org-total")).ToHaveAttributeAsync("data-total", "1");
        await Expect(page.Locator("#org-page-ready")).ToBeAttachedAsync();

        await page.Locator("#org-table a.org-move").ClickAsync();
        await Expect(page.Locator(".org-move-modal .ant-modal")).ToBeVisibleAsync();
        await ChooseAsync(page, "#org-move-parent", "GD-GZ", new Regex("^\\s*GD-GZ\\s"));
        await page.Locator("#org-move-save").ClickAsync();

        await Expect(page.Locator(".org-move-modal .ant-modal")).ToBeHiddenAsync();
        await Expect(page.Locator("#org-notice")).ToBeVisibleAsync();
        await Expect(page.Locator("#org-table tbody tr").Filter(new() { HasText = "GD-SZ-FT" })).ToContainTextAsync("GD-GZ");
    });

    private static async Task FillEditorAsync(IPage page, string code, string nameZh, string levelLabel, string parentCode)
    {
        await page.Locator("#org-new").ClickAsync();
        await Expect(page.Locator(".org-editor-modal .ant-modal")).ToBeVisibleAsync();
        await page.Locator("#org-form-code").FillAsync(code);
        await page.Locator("#org-form-name-zh").FillAsync(nameZh);
        await ChooseAsync(page, "#org-form-level", null, new Regex($"^\\s*{Regex.Escape(levelLabel)}\\s*$"));
        await ChooseAsync(page, "#org-form-parent", parentCode, new Regex($"^\\s*{Regex.Escape(parentCode)}\\s"));
    }
}
