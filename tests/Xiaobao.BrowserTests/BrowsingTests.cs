using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xiaobao.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Xiaobao.BrowserTests;

/// <summary>The main read-only flows, on one app whose demo data no test changes.</summary>
public sealed class BrowsingTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const int DemoOrganisations = 27;

    [Fact]
    public Task SignIn_WrongPassword_ShowsGenericErrorAndStaysOnSignInPage() => RunAsync(null, async page =>
    {
        await page.GotoAsync(Url("/account/login"));
        await page.Locator("#username").FillAsync("officer");
        await page.Locator("#password").FillAsync("not-the-password");
        await page.Locator("#sign-in").ClickAsync();

        await Expect(page.Locator("#login-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#login-error")).ToContainTextAsync("用户名或密码错误");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(page.Locator("#current-user")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task SignIn_Officer_LandsOnChineseHomeWithAllOrganisations() => RunAsync(null, async page =>
    {
        await SignInAsync(page, "officer");

        await Expect(page).ToHaveURLAsync(Url("/"));
        await OpenOrganisationMenuAsync(page);
        await Expect(page.Locator("#menu-organisations")).ToContainTextAsync("机构管理");
        await Expect(page.Locator("#stat-organisations")).ToContainTextAsync(DemoOrganisations.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    [Fact]
    public Task LanguageSwitch_ClickedTwice_ShowsEnglishThenChinese() => RunAsync("officer", async page =>
    {
        var menu = page.Locator("#menu-organisations");
        await OpenOrganisationMenuAsync(page);
        await Expect(menu).ToContainTextAsync("机构管理");

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("#lang-switch")).ToHaveTextAsync("中文");
        await OpenOrganisationMenuAsync(page);
        await Expect(menu).ToContainTextAsync("Organisations");
        await Expect(page.Locator("#sign-out")).ToHaveTextAsync("Sign out");

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("#lang-switch")).ToHaveTextAsync("English");
        await OpenOrganisationMenuAsync(page);
        await Expect(menu).ToContainTextAsync("机构管理");
    });

    [Fact]
    public Task Organisations_OfficerSearchesShenzhen_SeesOnlyShenzhenBranches() => RunAsync("officer", async page =>
    {
        await GotoReadyAsync(page, "/organisations", "#org-page-ready");
        await Expect(page.Locator("#org-total")).ToHaveAttributeAsync("data-total", "27");

        await page.Locator("#org-search").FillAsync("深圳");
        await page.Locator("#org-search-button").ClickAsync();

        await Expect(page.Locator("#org-total")).ToHaveAttributeAsync("data-total", "3");
        await Expect(page.Locator("#org-page-ready")).ToBeAttachedAsync();
        var codes = await page.Locator("#org-table span.org-code").AllInnerTextsAsync();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.StartsWith("GD-SZ", code, StringComparison.Ordinal));
    });

    [Fact]
    public Task Organisations_OfficerSortsByCodeDescending_SeesLastCodeFirst() => RunAsync("officer", async page =>
    {
        await GotoReadyAsync(page, "/organisations", "#org-page-ready");
        var firstCode = page.Locator("#org-table span.org-code").First;
        var codeHeader = page.Locator("#org-table th").Filter(new() { HasText = "机构代码" }).Locator(".ant-table-column-sorters");

        await codeHeader.ClickAsync();
        await Expect(page.Locator("#org-page-ready")).ToBeAttachedAsync();
        await Expect(firstCode).ToHaveTextAsync("GD");
        await codeHeader.ClickAsync();

        await Expect(firstCode).ToHaveTextAsync("ZJ-NB-YZ");
    });

    [Fact]
    public Task Organisations_BranchHandler_SeesOnlyOwnBranchAndCannotCreate() => RunAsync("handler", async page =>
    {
        await GotoReadyAsync(page, "/organisations", "#org-page-ready");

        await Expect(page.Locator("#org-total")).ToHaveAttributeAsync("data-total", "3");
        await Expect(page.Locator("#org-table span.org-code")).ToHaveCountAsync(3);
        var codes = await page.Locator("#org-table span.org-code").AllInnerTextsAsync();
        Assert.Equal(["GD-SZ", "GD-SZ-FT", "GD-SZ-NS"], codes.Order(StringComparer.Ordinal));
        await Expect(page.Locator(".org-tree-node[data-code='GD-SZ']")).ToBeVisibleAsync();
        await Expect(page.Locator(".org-tree-node[data-code='GD-GZ']")).ToHaveCountAsync(0);
        await Expect(page.Locator(".org-tree-node[data-code^='JS']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#org-new")).ToHaveCountAsync(0);
        await Expect(page.Locator("#current-scope")).ToContainTextAsync("深圳");
    });

    [Fact]
    public Task Users_BranchHandlerWithoutUsersRead_SeesForbidden() => RunAsync("handler", async page =>
    {
        await OpenOrganisationMenuAsync(page);
        await Expect(page.Locator("#menu-users")).ToHaveCountAsync(0);

        await page.GotoAsync(Url("/users"));

        await Expect(page.Locator(".ant-result-403")).ToBeVisibleAsync();
        await Expect(page.Locator(".ant-result-title")).ToHaveTextAsync("403");
        await Expect(page.Locator(".ant-result-subtitle")).ToHaveTextAsync("您没有访问此页面的权限。");
        await Expect(page.Locator("#users-table")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task DeadlineCalculator_FifteenCalendarDaysFromSeptember20_EndsAfterNationalDay() => RunAsync("officer", async page =>
    {
        await GotoReadyAsync(page, "/calendar", "#calendar-page-ready");

        // Picked from the calendar panel, as a user does: typed text is not taken over by AntDesign's picker.
        var trigger = page.Locator("#deadline-trigger input");
        await trigger.ClickAsync();
        var panel = page.Locator(".ant-picker-dropdown").Filter(new() { Visible = true });
        var header = panel.Locator(".ant-picker-header-view");
        for (var step = 0; step < 36; step++)
        {
            var shown = await header.InnerTextAsync();
            if (IsSeptember2024(shown))
            {
                break;
            }

            await panel.Locator(".ant-picker-header-prev-btn").ClickAsync();
            // The panel re-renders over the circuit; read it again only once it shows the month before.
            await Expect(header).Not.ToHaveTextAsync(shown);
        }

        await panel.Locator("td.ant-picker-cell-in-view").Filter(new() { HasTextRegex = new Regex(@"^\s*20\s*$") }).ClickAsync();
        await Expect(trigger).ToHaveValueAsync(new Regex(@"2024\D+0?9\D+20"));
        await Expect(panel).ToHaveCountAsync(0);
        await page.Locator("#deadline-length input").FillAsync("15");
        await page.Locator("#deadline-compute").ClickAsync();

        await Expect(page.Locator("#deadline-result")).ToContainTextAsync("2024-10-08");
    });

    private static bool IsSeptember2024(string header) => header.Contains("2024", StringComparison.Ordinal) && Regex.IsMatch(header, @"(^|\D)9月");
}
