using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Digest.Web.Browsing;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Pages;

public partial class PageMetadataTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private readonly HttpClient _client = corpus.Client;

    [Theory]
    [InlineData("/")]
    [InlineData("/search")]
    [InlineData("/search?q=language&category=cs.CL")]
    [InlineData("/papers/2501.00001")]
    [InlineData("/topics")]
    [InlineData("/topics/llm")]
    [InlineData("/topics/llm?topic=rag")]
    [InlineData("/digests")]
    [InlineData("/digests/2025-01-13")]
    [InlineData("/subscriptions/subscribe?view=%2Ftopics%2Fllm")]
    public async Task EveryMainPage_HasOneDescription_AndOneAbsoluteCanonical(string url)
    {
        var page = await _client.GetPageAsync(url);
        AssertMetadata(page);
    }

    [Fact]
    public async Task ErrorPage_HasOneDescription_AndOneAbsoluteCanonical()
    {
        using var response = await _client.GetAsync("/papers/2501.99999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        AssertMetadata(page);
        Assert.Contains("no page at this address", page.Description());
    }

    [Fact]
    public async Task PaperPage_IsDescribedByTheStartOfItsAbstract()
    {
        var page = await _client.GetPageAsync("/papers/2501.00001");
        Assert.StartsWith("We study parameter-efficient fine-tuning of large language models with low-rank adapters", page.Description());
    }

    [Fact]
    public async Task LongAbstract_IsCutAtAWord()
    {
        var page = await _client.GetPageAsync("/papers/2501.00001");
        var description = page.Description()!;
        Assert.InRange(description.Length, 100, PageDescriptions.MaxLength + 1);
        Assert.EndsWith("…", description);
        // The abstract goes on after the cut: the last word before the ellipsis is whole.
        var lastWord = description.TrimEnd('…').Split(' ')[^1];
        Assert.Contains(" " + lastWord + " ", " We study parameter-efficient fine-tuning of large language models with low-rank adapters and report gains on reasoning benchmarks. Code at https://github.com/example/lora-study. ");
    }

    [Fact]
    public async Task SearchView_IsDescribedByItsCount_QueryAndFilters()
    {
        var page = await _client.GetPageAsync("/search?q=language&category=cs.CL&year=2025");
        Assert.StartsWith(Digest.Core.Text.CountPhrase.Of(page.Total(), "paper") + " matching “language” in cs.CL, 2025.", page.Description());
    }

    [Fact]
    public async Task OneResult_IsOnePaper_NotOnePapers()
    {
        var page = await _client.GetPageAsync("/search?q=molecules");
        Assert.Equal(1, page.Total());
        Assert.Equal("1 paper", page.QuerySelector(".results-count")!.TextContent.Trim());
        Assert.StartsWith("1 paper matching “molecules”.", page.Description());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=molecules")]
    [InlineData("/topics")]
    [InlineData("/topics/rag")]
    [InlineData("/digests")]
    [InlineData("/digests/2025-01-13")]
    public async Task NoPage_SaysOneWithAPluralNoun(string url)
    {
        var page = await _client.GetPageAsync(url);
        var text = page.Body!.TextContent + " " + page.Description() + " " + string.Join(' ', page.QuerySelectorAll("svg title").Select(t => t.TextContent));
        Assert.DoesNotMatch(OneWithPlural(), text);
    }

    [Theory]
    [InlineData("/search?utm_source=newsletter&page=1&q=language&fbclid=abc", "/search?q=language")]
    [InlineData("/digests/2025-01-13?utm_campaign=x", "/digests/2025-01-13")]
    [InlineData("/papers/2501.00001?q=adapters", "/papers/2501.00001")]
    [InlineData("/subscriptions/subscribe?view=%2Ftopics%2Fllm", "/subscriptions/subscribe")]
    public async Task Canonical_DropsTrackingPagingDefaults_AndTokens(string url, string canonical)
    {
        var page = await _client.GetPageAsync(url);
        Assert.Equal(Html.TestBase + canonical, page.Canonical());
    }

    [Fact]
    public async Task Canonical_UsesThePublicBaseUrl_WhenSet()
    {
        using var app = await TestCorpus.CreateAppAsync(new Dictionary<string, string?> { ["Digest:PublicBaseUrl"] = "https://papers.example.org/" });
        using var client = app.CreateClient();
        var paper = await client.GetPageAsync("/papers/2501.00001");
        Assert.Equal("https://papers.example.org/papers/2501.00001", paper.Canonical());
        var search = await client.GetPageAsync("/search?year=2025&q=language");
        Assert.Equal("https://papers.example.org/search?q=language&year=2025", search.Canonical());
    }

    private static void AssertMetadata(IDocument page)
    {
        var descriptions = page.QuerySelectorAll("meta[name=description]");
        var description = Assert.Single(descriptions).GetAttribute("content");
        Assert.False(string.IsNullOrWhiteSpace(description));
        Assert.InRange(description!.Length, 40, PageDescriptions.MaxLength + 1);
        var canonical = Assert.Single(page.QuerySelectorAll("link[rel=canonical]")).GetAttribute("href");
        Assert.True(Uri.TryCreate(canonical, UriKind.Absolute, out var uri), canonical);
        Assert.Equal("http", uri!.Scheme);
        Assert.Equal("localhost", uri.Host);
    }

    [GeneratedRegex(@"(?<![\d.,])1 (papers|topics|results|days|digest days|subscriptions)\b")]
    private static partial Regex OneWithPlural();
}
