using System.Net;
using Digest.Browser.Tests.Support;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Digest.Browser.Tests;

/// <summary>
/// Math rendered by the vendored KaTeX in real Chromium, under the app's own content security policy. The shared app
/// is only read by browser tests, so this one starts an app of its own with the papers it needs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MathRenderingTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string MathId = "2501.04242";

    private readonly DigestAppFactory _app = new();
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var paper = new Paper
        {
            Id = MathId, ArxivId = MathId, Title = @"Bounds on $\alpha + \beta$ for Kekul\'e graphs",
            Abstract = @"We show $$\sum_{i=1}^{n} x_i \le \frac{1}{2}$$ and that $\frac{1}$ stays readable.",
            Authors = ["Ada Lovelace"], Published = new DateOnly(2025, 1, 5), Categories = ["math.CO"],
        };
        await _app.IngestAsync("math.jsonl", PaperJsonLinesWriter.ToLine(paper));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PaperWithMath_RendersKatexMarkup_WithoutAnyPolicyViolation_AndPassesAxe()
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        // The event the browser fires for every blocked resource, script or style, whether or not it logs it.
        await page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener("securitypolicyviolation", function (e) { window.__violations.push(e.violatedDirective + " " + e.blockedURI); });
            """);

        await page.GotoAsync(_baseUrl + "/papers/" + MathId);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var title = page.Locator("h1 span.math");
        await Assertions.Expect(title).ToHaveAttributeAsync("data-rendered", "true");
        Assert.Equal(1, await title.Locator(".katex").CountAsync());
        // KaTeX's MathML keeps the source for screen readers and copying.
        Assert.Equal(@"\alpha + \beta", await title.Locator("annotation[encoding='application/x-tex']").TextContentAsync());
        Assert.Equal(1, await page.Locator(".abstract span.math[data-display=true] .katex-display").CountAsync());
        // An expression KaTeX cannot read stays as its TeX source.
        var unknown = page.Locator(".abstract span.math[data-display=false]");
        Assert.Null(await unknown.GetAttributeAsync("data-rendered"));
        Assert.Equal(@"$\frac{1}$", await unknown.TextContentAsync());
        Assert.Equal("Kekulé", (await page.Locator("h1").InnerTextAsync()).Split(' ')[^2]);
        // The fonts come from this app: the page asks no other host for anything.
        var fontLoaded = await page.EvaluateAsync<bool>("document.fonts.check('1em KaTeX_Main')");
        Assert.True(fontLoaded, "KaTeX's font loaded");

        Assert.Empty(violations);
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));
        await Axe.AssertNoSeriousViolationsAsync(page, "paper with math");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "paper-math.png"), FullPage = true });
    }

    [Fact]
    public async Task WithoutJavaScript_TheTexSourceIsShown()
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });

        await page.GotoAsync(_baseUrl + "/papers/" + MathId);

        Assert.Equal(@"Bounds on $\alpha + \beta$ for Kekulé graphs", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".katex").CountAsync());
    }
}
