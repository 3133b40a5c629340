using Digest.Core.Ingestion.Parsers;
using Digest.Core.Papers;
using Digest.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Digest.Web.Tests.Pages;

/// <summary>Math in titles and abstracts, as the server writes it: marked for KaTeX, readable as TeX without script.</summary>
public sealed class MathPageTests : IAsyncLifetime
{
    private const string MathId = "2501.04242";
    private const string PlainId = "2501.04243";
    private const string HostileId = "2501.04244";

    private readonly DigestAppFactory _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        Paper[] papers =
        [
            new()
            {
                Id = MathId, ArxivId = MathId, Title = @"Bounds on $\alpha + \beta$ for Kekul\'e graphs",
                Abstract = @"We show $a<b \& c$ and $$\sum_{i} x_i$$ hold, and \(e^{i\pi}\) too; with \$10 or \$3 only. <script>alert(1)</script>",
                Authors = [@"C. Bal\'azs"], Published = new DateOnly(2025, 1, 5), Categories = ["math.CO"],
            },
            new() { Id = PlainId, ArxivId = PlainId, Title = "Plain graphs without formulas", Abstract = "Nothing to render here.", Published = new DateOnly(2025, 1, 6) },
            new() { Id = HostileId, ArxivId = HostileId, Title = @"Escaping $</span><script>alert(1)</script>$ math", Abstract = "$\\\"><img src=x onerror=alert(2)>$", Published = new DateOnly(2025, 1, 7) },
        ];
        await _app.IngestAsync("math.jsonl", string.Concat(papers.Select(PaperJsonLinesWriter.ToLine)));
        _client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PaperPage_WithoutScript_ShowsTheTexSource_InMathSpans()
    {
        var page = await _client.GetPageAsync("/papers/" + MathId);

        var title = page.QuerySelector("h1")!;
        Assert.Equal(@"Bounds on $\alpha + \beta$ for Kekulé graphs", title.TextContent);
        var titleMath = Assert.Single(title.QuerySelectorAll("span.math"));
        Assert.Equal((@"$\alpha + \beta$", "false"), (titleMath.TextContent, titleMath.GetAttribute("data-display")));

        var math = page.QuerySelectorAll(".abstract span.math").Select(s => (s.TextContent, s.GetAttribute("data-display"))).ToList();
        Assert.Equal([(@"$a<b \& c$", "false"), (@"$$\sum_{i} x_i$$", "true"), (@"\(e^{i\pi}\)", "false")], math);
        // Markup in the abstract stays text, and escaped dollars (prices) are no math.
        Assert.Empty(page.QuerySelectorAll(".abstract script"));
        Assert.Contains("with $10 or $3 only. <script>alert(1)</script>", page.QuerySelector(".abstract")!.TextContent);
        Assert.Equal("C. Balázs", page.QuerySelector(".paper-authors a")!.TextContent);
    }

    [Fact]
    public async Task MarkupInMath_IsEncodedText_InsideItsSpan()
    {
        var page = await _client.GetPageAsync("/papers/" + HostileId);

        Assert.Empty(page.QuerySelectorAll("script:not([src]), img"));
        Assert.Equal("$</span><script>alert(1)</script>$", page.QuerySelector("h1 span.math")!.TextContent);
        Assert.Equal("$\\\"><img src=x onerror=alert(2)>$", page.QuerySelector(".abstract span.math")!.TextContent);
    }

    [Fact]
    public async Task PageWithMath_LoadsKatex_AndAPageWithout_DoesNot()
    {
        var math = await _client.GetPageAsync("/papers/" + MathId);
        Assert.NotNull(math.QuerySelector("head script[src='/lib/katex/katex.min.js'][defer]"));
        Assert.NotNull(math.QuerySelector("head script[src='/js/math.js'][defer]"));
        Assert.NotNull(math.QuerySelector("head link[rel=stylesheet][href='/lib/katex/katex.min.css']"));

        // Not the plain paper's page: its related papers are the paper with math.
        var plain = await _client.GetPageAsync("/topics");
        Assert.Null(plain.QuerySelector("script[src*=katex]"));
        Assert.Null(plain.QuerySelector("link[href*=katex]"));
    }

    [Fact]
    public async Task SearchResults_MarkTheMathInTitles_EvenWithTheQueryWordsMarked()
    {
        var page = await _client.GetPageAsync("/search?q=alpha+kekule");

        var title = page.QuerySelector(".paper-title a")!;
        Assert.Equal(@"$\alpha + \beta$", title.QuerySelector("span.math")!.TextContent);
        Assert.Empty(title.QuerySelectorAll("span.math mark"));
        Assert.Contains(title.QuerySelectorAll("mark"), m => m.TextContent == "Kekulé");
        Assert.NotNull(page.QuerySelector("script[src='/lib/katex/katex.min.js']"));
    }

    [Theory]
    [InlineData("/lib/katex/katex.min.js", "text/javascript")]
    [InlineData("/lib/katex/katex.min.css", "text/css")]
    [InlineData("/lib/katex/fonts/KaTeX_Main-Regular.woff2", "font/woff2")]
    [InlineData("/js/math.js", "text/javascript")]
    public async Task KatexFiles_AreServedByTheApp(string path, string contentType)
    {
        using var response = await _client.GetAsync(path);

        response.EnsureSuccessStatusCode();
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
    }
}
