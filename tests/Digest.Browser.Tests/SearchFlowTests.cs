using Digest.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Digest.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class SearchFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task Search_SelectAndDeselectFacet_AndBackRestoresTheView()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/"));
        await page.FillAsync("#hero-q", "learning");
        await page.PressAsync("#hero-q", "Enter");
        await WaitForAddressAsync(page, a => a == "/search?q=learning");
        var total = await TotalAsync(page);
        Assert.True(total > 0);

        var facet = page.Locator("[data-facet=topic] .facet-link[data-selected=false]").First;
        var value = (await facet.GetAttributeAsync("data-value"))!;
        var count = int.Parse((await facet.GetAttributeAsync("data-count"))!);
        await facet.ClickAsync();
        await WaitForAddressAsync(page, a => a.Contains("topic=" + value, StringComparison.Ordinal));
        Assert.Equal(count, await TotalAsync(page));
        var selected = page.Locator($"[data-facet=topic] .facet-link[data-value='{value}']");
        Assert.Equal("true", await selected.GetAttributeAsync("data-selected"));

        await selected.ClickAsync();
        await WaitForAddressAsync(page, a => a == "/search?q=learning");
        Assert.Equal(total, await TotalAsync(page));

        await page.GoBackAsync();
        await WaitForAddressAsync(page, a => a.Contains("topic=" + value, StringComparison.Ordinal));
        Assert.Equal(count, await TotalAsync(page));
        Assert.Equal("true", await page.Locator($"[data-facet=topic] .facet-link[data-value='{value}']").GetAttributeAsync("data-selected"));
    }

    [Fact]
    public async Task OpenAPaper_ThenARelatedPaper()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/search?q=diffusion"));
        var first = page.Locator(".paper-title a").First;
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        await WaitForAddressAsync(page, a => a.StartsWith("/papers/", StringComparison.Ordinal));
        Assert.Equal(title, await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator(".abstract mark").CountAsync() > 0, "query words are marked in the abstract");

        var related = page.Locator(".related .paper-title a").First;
        var relatedTitle = await related.InnerTextAsync();
        await related.ClickAsync();
        await WaitForAddressAsync(page, a => a.StartsWith("/papers/", StringComparison.Ordinal) && !a.Contains("q=diffusion", StringComparison.Ordinal));
        Assert.Equal(relatedTitle, await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task BookmarkedView_OpensTheSameInAFreshBrowser()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/search?q=learning&year=2024&sort=oldest&page=2"));
        var canonical = await page.Locator("link[rel=canonical]").GetAttributeAsync("href");
        var titles = await page.Locator(".paper-title a").AllInnerTextsAsync();
        Assert.NotEmpty(titles);

        // The canonical link is absolute, on the address the page was reached at.
        Assert.StartsWith(browser.Url("/search?"), canonical);
        var fresh = await browser.NewPageAsync();
        await fresh.GotoAsync(canonical!);
        Assert.Equal(titles, await fresh.Locator(".paper-title a").AllInnerTextsAsync());
        Assert.Equal(await page.TitleAsync(), await fresh.TitleAsync());
    }

    [Fact]
    public async Task SlashKey_FocusesTheSearchBox()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/topics"));
        await page.Keyboard.PressAsync("/");
        Assert.Equal("site-q", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task HostilePaper_RunsNoScript_AndBreaksNoPolicy()
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        foreach (var path in new[] { "/papers/" + TestCorpusIds.Hostile, "/search?q=hostile", "/", "/topics", "/papers/2501.00001" })
        {
            await page.GotoAsync(browser.Url(path));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        Assert.Empty(violations);
    }

    /// <summary>
    /// Waits until the address (path and query) satisfies <paramref name="expected"/> and the new page is parsed.
    /// Polls instead of waiting for navigation events, which a fast navigation can finish before the wait begins.
    /// </summary>
    private static async Task WaitForAddressAsync(IPage page, Func<string, bool> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!expected(new Uri(page.Url).PathAndQuery))
        {
            Assert.True(DateTime.UtcNow < deadline, "Still at " + page.Url);
            await Task.Delay(50);
        }
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static async Task<int> TotalAsync(IPage page) =>
        int.Parse((await page.Locator("[data-total]").GetAttributeAsync("data-total"))!);
}
