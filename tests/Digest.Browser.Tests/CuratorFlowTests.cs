using Digest.Browser.Tests.Support;
using Digest.Core.Readers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Digest.Browser.Tests;

/// <summary>
/// A curator in Chromium (an admin signed in as <c>users invite --admin</c> makes one), and the accessibility of the
/// reader and curator pages in light and dark themes. Its own app (<see cref="ReaderAppFixture"/>): curating changes
/// what the other reader tests would see.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CuratorFlowTests(BrowserFixture browser, ReaderAppFixture app) : IClassFixture<ReaderAppFixture>
{
    private const string Featured = "2406.00006";
    private const string TakenOff = "2501.00002";
    private const string TakenOffDay = "2025-01-13";
    private const string StaysOnDay = "2501.00001";

    [Fact]
    public async Task ACurator_FeaturesAPaper_TakesOneOffADay_DisablesAReader_AndTheAuditLogShowsEach()
    {
        var curator = await browser.NewPageAsync();
        await app.SignInAsync(curator, "curator@example.org", admin: true);
        var reader = await browser.NewPageAsync();
        await app.SignInAsync(reader, "to-disable@example.org");

        await curator.GotoAsync(app.Url("/papers/" + Featured));
        Assert.Equal(0, await curator.Locator("[data-featured]").CountAsync());
        await curator.ClickAsync("[data-feature]");
        await curator.WaitForSelectorAsync("[data-featured]");
        Assert.Equal("/papers/" + Featured, new Uri(curator.Url).AbsolutePath);
        Assert.StartsWith("Featured by the curators", await curator.InnerTextAsync("[data-featured]"));
        await curator.GotoAsync(app.Url("/"));
        Assert.Equal("Picked by the curators", await curator.InnerTextAsync("#featured-title"));
        Assert.Equal(1, await curator.Locator($"[data-featured-list] a[href='/papers/{Featured}']").CountAsync());

        await curator.GotoAsync(app.Url("/digests/" + TakenOffDay));
        Assert.Equal(1, await ListedAsync(curator, TakenOff));
        await curator.GotoAsync(app.Url("/papers/" + TakenOff));
        await curator.ClickAsync($"[data-remove-day='{TakenOffDay}']");
        await curator.WaitForSelectorAsync($"[data-remove-day='{TakenOffDay}']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        await curator.GotoAsync(app.Url("/digests/" + TakenOffDay));
        Assert.Equal(0, await ListedAsync(curator, TakenOff));
        Assert.Equal(1, await ListedAsync(curator, StaysOnDay));

        await curator.GotoAsync(app.Url("/admin"));
        var row = curator.Locator("tr[data-reader='to-disable@example.org']");
        await row.Locator("button:text-is('Disable')").ClickAsync();
        await curator.WaitForSelectorAsync("tr[data-reader='to-disable@example.org'] button:text-is('Enable')");
        await reader.ReloadAsync();
        Assert.True(await reader.IsVisibleAsync("[data-nav-signin]"), "a disabled reader's next page is still signed in");
        Assert.Equal(0, await reader.Locator("[data-nav-account]").CountAsync());

        await curator.ReloadAsync();
        // The log is the whole instance's (the other test here curates too): this curator's rows, newest first.
        var rows = await curator.Locator("[data-audit] tr[data-action]").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.action, r.cells[1].textContent.trim(), r.cells[3].textContent.trim()])");
        Assert.Equal(
            [["disable-reader", "to-disable@example.org"], ["remove-from-day", TakenOff], ["feature", Featured]],
            rows.Where(r => r[1] == "curator@example.org").Select(r => new[] { r[0], r[2] }).ToArray());
        await curator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "admin-audit.png"), FullPage = true });
        await reader.Context.CloseAsync();
        await curator.Context.CloseAsync();
    }

    /// <summary>Screenshot name and path of each page checked signed in, as a curator (who sees every control).</summary>
    private static readonly (string Name, string Path)[] SignedInPages =
    [
        ("account", "/account"),
        ("saved", "/saved"),
        ("submit", "/submit"),
        ("admin", "/admin"),
        ("trending", "/trending?period=month&date=2025-01-01"),
        ("paper-signed-in", "/papers/2501.00003"),
    ];

    [Fact]
    public async Task ReaderAndCuratorPages_HaveNoSeriousAccessibilityViolations_InLightAndDarkThemes()
    {
        var signedOut = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await CheckAsync(signedOut, "signin", "/signin");
        await signedOut.Context.CloseAsync();

        // Signed in once; the theme is switched on the same page (the browser's preference, as the context option sets it).
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await app.SignInAsync(page, "a11y-curator@example.org", admin: true);
        // Something on every page: a saved paper (results and export links on /saved, not the empty note), a featured
        // one (its badge, an audit row) and another reader (the disable and remove buttons on /admin).
        await page.GotoAsync(app.Url("/papers/2501.00003"));
        await page.ClickAsync("form[data-reader-action=save] button");
        await page.WaitForSelectorAsync("form[data-reader-action=save] button[aria-pressed=true]");
        await page.ClickAsync("[data-feature]");
        await page.WaitForSelectorAsync("[data-featured]");
        await app.App.Services.GetRequiredService<ReaderStore>().EnsureAsync("a11y-reader@example.org", admin: false, DateTimeOffset.UtcNow);
        foreach (var (name, path) in SignedInPages) await CheckAsync(page, name, path);
        await page.Context.CloseAsync();
    }

    private async Task CheckAsync(IPage page, string name, string path)
    {
        await page.GotoAsync(app.Url(path));
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
            var theme = scheme.ToString().ToLowerInvariant();
            await Axe.AssertNoSeriousViolationsAsync(page, $"{path} ({theme})");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{theme}.png"), FullPage = true });
        }
    }

    private static Task<int> ListedAsync(IPage page, string id) =>
        page.Locator($"article.paper h3 a[href^='/papers/{id}']").CountAsync();
}
