using Deque.AxeCore.Playwright;
using Digest.Browser.Tests.Support;
using Microsoft.Playwright;

namespace Digest.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class AccessibilityAndScreenshotTests(BrowserFixture browser)
{
    public static TheoryData<string, string> MainPages => new()
    {
        { "home", "/" },
        { "search", "/search?q=learning" },
        { "paper", "/papers/" + TestCorpusIds.FineTuning + "?q=adapters" },
        { "topics", "/topics" },
        { "topic", "/topics/llm" },
        { "digest", "/digests/2025-01-13" },
        { "not-found", "/papers/2501.99999" },
    };

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task Page_HasNoSeriousAccessibilityViolations_InLightAndDarkThemes(string name, string path)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await browser.NewPageAsync(new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.GotoAsync(browser.Url(path));
            var results = await page.RunAxe();
            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, $"{path} ({scheme}): " + string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{scheme.ToString().ToLowerInvariant()}.png"), FullPage = true });
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("search-phone", "/search?q=learning")]
    [InlineData("paper-phone", "/papers/2501.00001")]
    public async Task PhoneLayout_DoesNotScrollSideways(string name, string path)
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(browser.Url(path));
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{path} is wider than a phone screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = false });
    }
}
