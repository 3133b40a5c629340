using System.Net;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Pages;

public class TopicPageTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private readonly HttpClient _client = corpus.Client;

    [Fact]
    public async Task TopicsPage_ListsEveryTopicWithCounts_ChildrenUnderParents_AndAccessibleCharts()
    {
        var page = await _client.GetPageAsync("/topics");
        var llm = page.QuerySelectorAll(".topic-node").Single(n => n.QuerySelector("h2 a")!.GetAttribute("href") == "/topics/llm");
        Assert.Equal("5", llm.QuerySelector("h2 .count")!.GetAttribute("data-count"));
        Assert.NotNull(llm.QuerySelector(".topic-children a[href='/topics/rag']"));

        var chart = llm.QuerySelector("svg.month-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        var title = page.GetElementById(chart.GetAttribute("aria-labelledby")!)!;
        Assert.Contains("Large language models", title.TextContent);
        Assert.Contains(chart.QuerySelectorAll("rect.bar"), bar => bar.QuerySelector("title")!.TextContent == "2025-01: 3");
        Assert.DoesNotContain("style=", page.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TopicPage_ShowsDescription_Chart_AndTheTopicsPapers_Narrowable()
    {
        var page = await _client.GetPageAsync("/topics/llm");
        Assert.Equal("Large language models", page.QuerySelector("h1")!.TextContent);
        Assert.NotEmpty(page.QuerySelector(".lede")!.TextContent);
        Assert.NotNull(page.QuerySelector("svg.month-chart[role=img]"));
        Assert.Equal(5, page.Total());
        Assert.Equal(Html.TestBase + "/topics/llm", page.Canonical());

        var rag = page.QuerySelector("[data-facet=topic] .facet-link[data-value=rag]")!;
        Assert.Equal("/topics/llm?topic=rag", rag.GetAttribute("href"));
        var narrowed = await _client.GetPageAsync(rag.GetAttribute("href")!);
        Assert.Equal(1, narrowed.Total());
        Assert.Equal(Html.TestBase + "/topics/llm?topic=rag", narrowed.Canonical());
        var back = narrowed.QuerySelector("[data-facet=topic] .facet-link[data-value=rag]")!;
        Assert.Equal("true", back.GetAttribute("data-selected"));
        Assert.Equal("/topics/llm", back.GetAttribute("href"));

        Assert.Null(page.QuerySelector("[data-facet=topic] .facet-link[data-value=llm]"));
        // Any other topic narrows the page too (llm papers that also have it), and counts what its link finds.
        var other = page.QuerySelectorAll("[data-facet=topic] .facet-link").First(l => l.GetAttribute("data-value") != "rag");
        var both = await _client.GetPageAsync(other.GetAttribute("href")!);
        Assert.Equal("/topics/llm?topic=" + other.GetAttribute("data-value"), other.GetAttribute("href"));
        Assert.Equal(other.GetAttribute("data-count"), both.Total().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(both.Total(), 1, 5);
    }

    [Theory]
    [InlineData("/topics/llm")]
    [InlineData("/topics/llm?topic=rag")]
    [InlineData("/topics/llm?q=language&year=2025")]
    public async Task TopicPage_FacetLinks_LeadToViewsWithTheCountTheyShow(string start)
    {
        var page = await _client.GetPageAsync(start);
        var checkedLinks = 0;
        foreach (var link in page.QuerySelectorAll(".facet-link[data-selected=false]"))
        {
            var target = await _client.GetPageAsync(link.GetAttribute("href")!);
            Assert.True(
                link.GetAttribute("data-count") == target.Total().ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{start}: the link {link.GetAttribute("href")} shows {link.GetAttribute("data-count")} and leads to {target.Total()} results");
            checkedLinks++;
        }
        Assert.True(checkedLinks > 0);
    }

    [Theory]
    [InlineData("/topics/no-such-topic")]
    [InlineData("/topics/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/digests/2025-01-16")]
    [InlineData("/digests/2025-02-30")]
    [InlineData("/digests/yesterday")]
    public async Task UnknownTopicOrDay_IsARealNotFoundPage(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DigestDay_ListsItsPapers_WithPreviousAndNextDays()
    {
        var page = await _client.GetPageAsync("/digests/2025-01-14");
        Assert.Equal(2, page.QuerySelectorAll(".paper").Length);
        Assert.Equal("/digests/2025-01-13", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/digests/2025-01-15", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));

        var first = await _client.GetPageAsync("/digests/2025-01-13");
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var last = await _client.GetPageAsync("/digests/2025-01-15");
        Assert.Null(last.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task FrontPage_ShowsTheLatestDigestDay_AndTopicChips()
    {
        var page = await _client.GetPageAsync("/");
        Assert.Contains("15 January 2025", page.QuerySelector("#latest-title")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("section[aria-labelledby=latest-title] .paper").Length);
        // Led by the five papers trending now.
        Assert.Equal(5, page.QuerySelectorAll(".trending-lead .paper").Length);
        Assert.NotNull(page.QuerySelector(".topic-strip a[href='/topics/llm']"));
        Assert.NotNull(page.QuerySelector("form[role=search] input[name=q]"));
    }
}
