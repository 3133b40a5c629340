using System.Net;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Pages;

public class SearchPageTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private readonly HttpClient _client = corpus.Client;

    [Fact]
    public async Task FuzzyFlood_PageNamesTheTermsSearchedAsPlainWords()
    {
        var flood = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"ab{i}~"));
        var page = await _client.GetPageAsync("/search?q=" + Uri.EscapeDataString(flood));
        Assert.Contains(page.QuerySelectorAll(".notice"), n => n.TextContent.Contains("“ab4~”", StringComparison.Ordinal));
        Assert.Equal("false", page.QuerySelector("[data-total]")!.GetAttribute("data-incomplete"));
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=language+model")]
    [InlineData("/search?q=language+model&topic=llm")]
    [InlineData("/search?topic=computer-vision&year=2024")]
    [InlineData("/search?q=language&topic=llm&topic=rag&code=1")]
    public async Task FacetLinks_LeadToViewsWithTheCountTheyShow(string start)
    {
        var page = await _client.GetPageAsync(start);
        var checkedLinks = 0;
        // Also within a facet that already has a selection: adding a value widens the view (any of), and the count
        // shown is that wider total, not the value's own.
        foreach (var link in page.QuerySelectorAll(".facet-link[data-selected=false]"))
        {
            var shown = int.Parse(link.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);
            var target = await _client.GetPageAsync(link.GetAttribute("href")!);
            Assert.True(shown == target.Total(), $"{start}: the link {link.GetAttribute("href")} shows {shown} and leads to {target.Total()} results");
            checkedLinks++;
        }
        Assert.True(checkedLinks > 0);
    }

    [Fact]
    public async Task SelectedFacet_IsMarked_AndItsLinkDeselectsIt()
    {
        var page = await _client.GetPageAsync("/search?q=language&topic=rag");
        var selected = page.QuerySelector("[data-facet=topic] .facet-link[data-selected=true]")!;
        Assert.Equal("rag", selected.GetAttribute("data-value"));
        Assert.Equal("/search?q=language", selected.GetAttribute("href"));
    }

    [Fact]
    public async Task SelectedUnknownTopic_IsShownAtZero_WithANoSuchTopicNotice()
    {
        var page = await _client.GetPageAsync("/search?topic=no-such-topic");
        Assert.Equal(0, page.Total());
        Assert.Contains("no such topic", page.QuerySelector(".notice")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var selected = page.QuerySelector("[data-facet=topic] .facet-link[data-selected=true]")!;
        Assert.Equal("0", selected.GetAttribute("data-count"));
    }

    [Fact]
    public async Task SelectedUnknownCategory_IsShownAtZero_WithANoSuchCategoryNotice()
    {
        var page = await _client.GetPageAsync("/search?category=xx.%3Cb%3EFAKE&category=cs.CL");
        var notice = page.QuerySelector(".notice")!;
        Assert.Contains("no such category", notice.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("xx.<b>FAKE", notice.TextContent, StringComparison.Ordinal);
        Assert.Null(notice.QuerySelector("b"));
        Assert.DoesNotContain("cs.CL", notice.TextContent, StringComparison.Ordinal);
        Assert.True(page.Total() > 0);
        var selected = page.QuerySelector("[data-facet=category] .facet-link[data-selected=true][data-value='xx.<b>FAKE']")!;
        Assert.Equal("0", selected.GetAttribute("data-count"));
    }

    [Theory]
    [InlineData("/search?page=1&year=2025&topic=LLM&q=language&category=&topic=rag", "/search?q=language&topic=llm&topic=rag&year=2025")]
    [InlineData("/search?sort=newest", "/search")]
    [InlineData("/search?q=agents&sort=relevance&code=yes", "/search?q=agents&code=1")]
    [InlineData("/search?q=agents&sort=oldest&page=1", "/search?q=agents&sort=oldest")]
    public async Task CanonicalUrl_IsStable_AndShowsTheSameView(string url, string canonical)
    {
        var page = await _client.GetPageAsync(url);
        Assert.Equal(Html.TestBase + canonical, page.Canonical());
        var again = await _client.GetPageAsync(canonical);
        Assert.Equal(Html.TestBase + canonical, again.Canonical());
        Assert.Equal(page.Total(), again.Total());
        Assert.Equal(Ids(page), Ids(again));
    }

    [Fact]
    public async Task Title_NamesTheQueryAndFilters()
    {
        var page = await _client.GetPageAsync("/search?q=agents&topic=llm&year=2025&code=1");
        Assert.Contains("“agents”", page.Title);
        Assert.Contains("Large language models", page.Title);
        Assert.Contains("2025", page.Title);
        Assert.Contains("with code", page.Title);
    }

    [Fact]
    public async Task Results_LinkToPapers_WithMarkedSnippets_AndCodeBadges()
    {
        var page = await _client.GetPageAsync("/search?q=adapters");
        var first = page.QuerySelector(".paper")!;
        Assert.Equal("/papers/2501.00001?q=adapters", first.QuerySelector(".paper-title a")!.GetAttribute("href"));
        Assert.NotNull(first.QuerySelector(".snippet mark"));
        Assert.NotNull(first.QuerySelector(".badge-code"));
        Assert.Contains(first.QuerySelectorAll(".chip-topic"), chip => chip.GetAttribute("href") == "/topics/fine-tuning");
    }

    [Fact]
    public async Task ArxivIdQuery_RedirectsToThePaper()
    {
        var response = await _client.GetAsync("/search?q=https://arxiv.org/abs/2501.00002v3");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/papers/2501.00002", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task NoResults_ShowsSuggestions()
    {
        var page = await _client.GetPageAsync("/search?q=diffusion&topic=rag");
        Assert.Equal(0, page.Total());
        Assert.NotNull(page.QuerySelector("[data-no-results]"));
        var suggestion = page.QuerySelector("[data-suggestion]")!;
        var target = await _client.GetPageAsync(suggestion.GetAttribute("href")!);
        Assert.True(target.Total() > 0);
    }

    [Fact]
    public async Task SyntaxError_IsSearchedAsWords_AndFlagged()
    {
        var page = await _client.GetPageAsync("/search?q=" + Uri.EscapeDataString("(language AND"));
        Assert.NotNull(page.QuerySelector("[data-syntax-fallback]"));
        Assert.True(page.Total() > 0);
    }

    [Theory]
    [InlineData("/search?page=100000", "pages")]
    [InlineData("/search?year=abc", "not a year")]
    [InlineData("/search?from=2024-13-45", "not a date")]
    [InlineData("/search?page=-3", "not a page number")]
    public async Task BadParameters_AreExplained(string url, string expected)
    {
        var page = await _client.GetPageAsync(url);
        Assert.Contains(page.QuerySelectorAll(".notice"), n => n.TextContent.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task LongQuery_IsTruncated_WithAMessage()
    {
        var page = await _client.GetPageAsync("/search?q=" + string.Join('+', Enumerable.Repeat("language", 200)));
        Assert.Contains(page.QuerySelectorAll(".notice"), n => n.TextContent.Contains("longer than", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paging_ShowsTwentyPerPage_AndLinksToNextPage()
    {
        var page = await _client.GetPageAsync("/search");
        Assert.Equal(9, page.Total());
        Assert.Null(page.QuerySelector(".pager"));
        Assert.True(page.QuerySelectorAll(".paper").Length <= 20);
    }

    [Fact]
    public async Task AuthorLinks_FilterByAuthor()
    {
        var page = await _client.GetPageAsync("/search?author=Grace+Hopper");
        Assert.Equal(2, page.Total());
        Assert.Equal(Html.TestBase + "/search?author=Grace+Hopper", page.Canonical());
    }

    private static List<string?> Ids(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".paper-title a").Select(a => a.GetAttribute("href"))];
}
