using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Xiaobao.BrowserTests.Infrastructure;

/// <summary>
/// Base of the browser test classes: each test gets a fresh browser context (no cookies from the test before), a
/// Chinese-speaking browser like our users', and a full-page screenshot in bin/screenshots when it fails.
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Blazor Server pages render twice (prerender, then interactive); a loaded circuit on a busy CI machine can take a few seconds.
    private const float TimeoutMs = 15_000;

    protected BrowserFixture Fixture { get; } = fixture;

    protected string Url(string path) => Fixture.App.BaseUrl + path;

    /// <summary>Runs <paramref name="test"/> on a new page; signs in first when <paramref name="userName"/> is given.</summary>
    protected async Task RunAsync(string? userName, Func<IPage, Task> test, [CallerMemberName] string testName = "")
    {
        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(TimeoutMs);
        var page = await context.NewPageAsync();
        try
        {
            if (userName is not null)
            {
                await SignInAsync(page, userName);
            }

            await test(page);
        }
        catch (Exception)
        {
            await ScreenshotAsync(page, testName);
            throw;
        }
    }

    protected async Task SignInAsync(IPage page, string userName, string password = BrowserAppFactory.DemoPassword)
    {
        await page.GotoAsync(Url("/account/login"));
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
        await Assertions.Expect(page.Locator("#current-user")).ToBeVisibleAsync();
    }

    /// <summary>Opens a page and waits until it is interactive and loaded: clicks during prerender are lost.</summary>
    protected async Task GotoReadyAsync(IPage page, string path, string readyMarker)
    {
        await page.GotoAsync(Url(path));
        await Assertions.Expect(page.Locator(readyMarker)).ToBeAttachedAsync();
    }

    /// <summary>
    /// Opens the first submenu of the side menu (organisation and access), whose items are rendered only while it is open.
    /// Clicked again until it opens: a click that lands before the circuit is up does nothing.
    /// </summary>
    protected static async Task OpenOrganisationMenuAsync(IPage page, string expectedItem = "#menu-organisations")
    {
        var item = page.Locator(expectedItem);
        for (var attempt = 0; attempt < 10 && !await item.IsVisibleAsync(); attempt++)
        {
            await page.Locator(".ant-menu-submenu-title").First.ClickAsync();
            try
            {
                await item.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 1_000 });
            }
            catch (TimeoutException)
            {
                // Not open yet; click again.
            }
        }
    }

    /// <summary>
    /// Opens an AntDesign select, optionally types into its search box, and clicks the option whose text matches. The
    /// select is clicked again until its options show: a click while the page is still wiring its dropdowns opens nothing.
    /// </summary>
    protected static async Task ChooseAsync(IPage page, string selectId, string? search, Regex option)
    {
        var choice = page.Locator(".ant-select-item-option").Filter(new() { Visible = true, HasTextRegex = option }).First;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await page.Locator(selectId).ClickAsync();
            if (search is not null)
            {
                await page.Keyboard.TypeAsync(search);
            }

            try
            {
                await choice.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 3_000 });
                break;
            }
            catch (TimeoutException)
            {
                // Not open (or closed again by a late first click); try again.
            }
        }

        // Typing re-renders and re-animates the dropdown, so wait until the option list has settled on the wanted
        // option before clicking; a click while it moves can be retried until it times out.
        await Expect(choice).ToBeVisibleAsync(new() { Timeout = 15000 });
        await page.WaitForTimeoutAsync(300);
        await choice.ClickAsync(new() { Timeout = 15000, Force = true });
        await Expect(page.Locator(selectId)).ToContainTextAsync(option);
    }

    private static async Task ScreenshotAsync(IPage page, string testName)
    {
        try
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "..", "..", "screenshots");
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(dir, $"{testName}-{DateTime.UtcNow:yyyyMMddHHmmss}.png"),
                FullPage = true,
            });
        }
        catch (PlaywrightException)
        {
            // A page that crashed cannot be photographed; the test's own failure is the one to report.
        }
    }
}
