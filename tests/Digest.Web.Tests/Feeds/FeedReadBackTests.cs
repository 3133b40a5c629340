using System.Net;
using System.ServiceModel.Syndication;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Feeds;

/// <summary>Every feed kind read back by a real Atom parser and compared with the page it follows.</summary>
public class FeedReadBackTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private readonly HttpClient _client = corpus.Client;

    [Theory]
    [InlineData("/search", "/search")]
    [InlineData("/search?q=language+model", "/search?q=language+model&sort=newest")]
    [InlineData("/search?q=language&topic=llm&code=1", "/search?q=language&topic=llm&code=1&sort=newest")]
    [InlineData("/search?category=cs.CL&year=2025", "/search?category=cs.CL&year=2025")]
    [InlineData("/search?q=agents&sort=oldest&page=2", "/search?q=agents&sort=newest")]
    [InlineData("/topics/llm", "/topics/llm")]
    [InlineData("/topics/llm?q=language&topic=rag", "/topics/llm?q=language&topic=rag&sort=newest")]
    [InlineData("/digests/2025-01-13", "/digests/2025-01-13")]
    [InlineData("/digests/2025-01-15", "/digests/2025-01-15")]
    public async Task Feed_HoldsThePagesPapers_InItsNewestFirstOrder(string page, string sameOrderPage)
    {
        var fetched = await _client.GetFeedAsync("/feeds" + page);
        var listed = await _client.GetPageAsync(sameOrderPage);
        var pageIds = listed.QuerySelectorAll(".paper-title a").Select(a => a.GetAttribute("href")!.Split('?')[0]).ToList();
        Assert.NotEmpty(pageIds);
        Assert.Equal(pageIds, fetched.Feed.Items.Select(i => i.PagePath()).ToList());
        Assert.Equal(pageIds, fetched.Feed.Items.Select(i => new Uri(i.Id).AbsolutePath).ToList());
        Assert.Equal(sameOrderPage, PathAndQuery(fetched.Feed.Link("alternate").Uri));
    }

    [Fact]
    public async Task DigestDaysFeed_HasAnEntryPerDay_NewestFirst_ListingTheDaysPapers()
    {
        var fetched = await _client.GetFeedAsync("/feeds/digests");
        var days = (await _client.GetPageAsync("/digests")).QuerySelectorAll(".day-list a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["/digests/2025-01-15", "/digests/2025-01-14", "/digests/2025-01-13"], days);
        Assert.Equal(days, fetched.Feed.Items.Select(i => i.PagePath()).ToList());
        var first = fetched.Feed.Items.First();
        Assert.Equal("Digest of 15 January 2025", first.Title.Text);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero), first.PublishDate);
        var summary = ((TextSyndicationContent)first.Summary).Text;
        Assert.StartsWith("2 papers:", summary, StringComparison.Ordinal);
        Assert.Contains("Object detection with transformers revisited", summary, StringComparison.Ordinal);
        Assert.Contains(first.Links, l => l.RelationshipType == "related" && l.Uri.AbsolutePath == "/feeds/digests/2025-01-15");

        var home = await _client.GetFeedAsync("/feeds");
        Assert.Equal(days, home.Feed.Items.Select(i => i.PagePath()).ToList());
    }

    [Fact]
    public async Task Feed_HasIdTitleUpdatedAndSelfAndAlternateLinks_AllAbsolute()
    {
        var fetched = await _client.GetFeedAsync("/feeds/search?q=language&topic=llm&code=1&sort=relevance&page=3");
        var feed = fetched.Feed;
        Assert.Equal("http://localhost/feeds/search?q=language&topic=llm&code=1", feed.Id);
        Assert.Equal("“language” · Large language models · with code · Digest", feed.Title.Text);
        Assert.Equal("text", feed.Title.Type);
        Assert.Equal(new Uri("http://localhost/feeds/search?q=language&topic=llm&code=1"), feed.Link("self").Uri);
        Assert.Equal("application/atom+xml", feed.Link("self").MediaType);
        Assert.Equal(new Uri("http://localhost/search?q=language&topic=llm&code=1&sort=newest"), feed.Link("alternate").Uri);
        Assert.True(feed.LastUpdatedTime > DateTimeOffset.UnixEpoch);
        Assert.Equal(fetched.Response.Content.Headers.LastModified, feed.LastUpdatedTime);
    }

    [Fact]
    public async Task Feed_UsesPublicBaseUrl_ForEveryAbsoluteUrl()
    {
        using var app = await TestCorpus.CreateAppAsync(new Dictionary<string, string?> { ["Digest:PublicBaseUrl"] = "https://papers.example.org/digest/" });
        using var client = app.CreateClient();
        var feed = (await client.GetFeedAsync("/feeds/topics/rag")).Feed;
        Assert.Equal("https://papers.example.org/digest/feeds/topics/rag", feed.Id);
        Assert.Equal("https://papers.example.org/digest/topics/rag", feed.Link("alternate").Uri.ToString());
        var entry = Assert.Single(feed.Items);
        Assert.Equal("https://papers.example.org/digest/papers/2501.00002", entry.Id);
    }

    [Fact]
    public async Task Entry_HasTitleAuthorsDatesAbstractLinksAndTopics()
    {
        var feed = (await _client.GetFeedAsync("/feeds/search?q=low-rank+adapters")).Feed;
        var entry = feed.Items.Single(i => i.Id.EndsWith("/papers/" + TestCorpus.FineTuningId, StringComparison.Ordinal));
        Assert.Equal("Fine-tuning large language models with low-rank adapters", entry.Title.Text);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], entry.Authors.Select(a => a.Name));
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero), entry.PublishDate);
        Assert.Equal(entry.PublishDate, entry.LastUpdatedTime);
        var summary = Assert.IsType<TextSyndicationContent>(entry.Summary);
        Assert.Equal("text", summary.Type);
        Assert.StartsWith("We study parameter-efficient fine-tuning", summary.Text, StringComparison.Ordinal);
        Assert.EndsWith("Code at https://github.com/example/lora-study.", summary.Text, StringComparison.Ordinal);

        var links = entry.Links.Select(l => (l.RelationshipType, l.Uri.ToString(), l.MediaType)).ToList();
        Assert.Contains(("alternate", "http://localhost/papers/2501.00001", "text/html"), links);
        Assert.Contains(("related", "https://arxiv.org/abs/2501.00001", "text/html"), links);
        Assert.Contains(("related", "https://arxiv.org/pdf/2501.00001", "application/pdf"), links);
        Assert.Contains(("related", "https://github.com/example/lora-study", "text/html"), links);

        var categories = entry.Categories.Select(c => (c.Name, (string?)c.Label, c.Scheme)).ToList();
        Assert.Contains(("llm", "Large language models", "http://localhost/topics/"), categories);
        Assert.Contains(("fine-tuning", "Fine-tuning", "http://localhost/topics/"), categories);
        Assert.Contains(("cs.CL", null, "http://arxiv.org/schemas/atom"), categories);
    }

    [Fact]
    public async Task HostilePaper_StaysInert_EncodedTextWithoutMarkupOrScriptLinks()
    {
        var fetched = await _client.GetFeedAsync("/feeds/search?q=hostile");
        var entry = Assert.Single(fetched.Feed.Items);
        Assert.Equal(TestCorpus.ScriptPayload + " Hostile language model paper", entry.Title.Text);
        Assert.Equal("text", entry.Title.Type);
        var summary = Assert.IsType<TextSyndicationContent>(entry.Summary);
        Assert.Equal("text", summary.Type);
        Assert.StartsWith(TestCorpus.ImagePayload, summary.Text, StringComparison.Ordinal);
        Assert.Contains("<b onmouseover=alert(1)>Mallory</b>", entry.Authors.Select(a => a.Name));

        // In the XML itself every payload is character data: no element or attribute of it survives.
        Assert.DoesNotContain("<script", fetched.Xml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", fetched.Xml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", fetched.Xml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", fetched.Xml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("type=\"html\"", fetched.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"xhtml\"", fetched.Xml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", fetched.Xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/feeds/search?q=zzzqqqnothingmatches")]
    [InlineData("/feeds/search?topic=no-such-topic")]
    [InlineData("/feeds/topics/robotics?year=1999")]
    public async Task EmptyView_GivesAValidEmptyFeed(string url)
    {
        var fetched = await _client.GetFeedAsync(url);
        Assert.Empty(fetched.Feed.Items);
        Assert.NotEmpty(fetched.Feed.Title.Text);
        Assert.NotNull(fetched.Feed.Id);
        Assert.Contains("<author><name>Digest</name></author>", fetched.Xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=3", 3, "limit=3")]
    [InlineData("limit=1", 1, "limit=1")]
    [InlineData("limit=0", 1, "limit=1")]
    [InlineData("limit=-5", 1, "limit=1")]
    [InlineData("limit=50", 9, null)]
    [InlineData("limit=201", 9, "limit=200")]
    [InlineData("limit=99999999999999", 9, "limit=200")]
    public async Task Limit_IsClampedBetween1And200_AndKeptInTheSelfLink(string limit, int entries, string? selfLimit)
    {
        var feed = (await _client.GetFeedAsync("/feeds/search?" + limit)).Feed;
        Assert.Equal(entries, feed.Items.Count());
        var self = feed.Link("self").Uri.Query;
        if (selfLimit is null) Assert.Equal("", self);
        else Assert.Equal("?" + selfLimit, self);
    }

    [Fact]
    public async Task Limit_TakesTheNewestPapers_InTheSameOrder()
    {
        var all = (await _client.GetFeedAsync("/feeds/search")).Feed.Items.Select(i => i.Id).ToList();
        var three = (await _client.GetFeedAsync("/feeds/search?limit=3")).Feed.Items.Select(i => i.Id).ToList();
        Assert.Equal(all.Take(3), three);
    }

    [Theory]
    [InlineData("/feeds/search?year=abc")]
    [InlineData("/feeds/search?code=maybe")]
    [InlineData("/feeds/search?from=2024-13-45")]
    [InlineData("/feeds/search?sort=sideways")]
    [InlineData("/feeds/search?limit=many")]
    [InlineData("/feeds/topics/llm?page=x")]
    [InlineData("/feeds/digests?limit=1.5")]
    [InlineData("/feeds/digests/2025-01-13?limit=%00")]
    public async Task BadParameters_Give400Problems(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/feeds/topics/no-such-topic")]
    [InlineData("/feeds/digests/2025-02-30")]
    [InlineData("/feeds/digests/2031-01-01")]
    [InlineData("/feeds/digests/%3Cscript%3E")]
    public async Task UnknownTopicOrDay_Gives404(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "/feeds")]
    [InlineData("/search?q=agents&sort=oldest&page=1", "/feeds/search?q=agents")]
    [InlineData("/search?topic=llm&code=1", "/feeds/search?topic=llm&code=1")]
    [InlineData("/topics/llm?q=language", "/feeds/topics/llm?q=language")]
    [InlineData("/digests", "/feeds/digests")]
    [InlineData("/digests/2025-01-14", "/feeds/digests/2025-01-14")]
    public async Task ListPages_LinkTheirFeed_InTheHeadAndAsAFollowControl(string page, string feed)
    {
        var document = await _client.GetPageAsync(page);
        var alternate = document.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!;
        Assert.Equal(feed, alternate.GetAttribute("href"));
        Assert.EndsWith("· Digest (Atom feed)", alternate.GetAttribute("title"), StringComparison.Ordinal);
        var follow = document.QuerySelector("[data-follow] a[data-feed-link]")!;
        Assert.Equal(feed, follow.GetAttribute("href"));
        Assert.StartsWith("Follow", follow.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Atom feed", follow.TextContent, StringComparison.Ordinal);
        await _client.GetFeedAsync(feed);
    }

    [Fact]
    public async Task SearchPage_FeedLink_NamesTheView()
    {
        var document = await _client.GetPageAsync("/search?q=language&topic=llm");
        Assert.Equal("“language” · Large language models · Digest (Atom feed)", document.QuerySelector("head link[rel=alternate]")!.GetAttribute("title"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=language")]
    [InlineData("/papers/2501.00001")]
    [InlineData("/topics")]
    public async Task EveryPage_LinksTheOpenSearchDescription(string page)
    {
        var document = await _client.GetPageAsync(page);
        var search = document.QuerySelector("head link[rel=search]")!;
        Assert.Equal("application/opensearchdescription+xml", search.GetAttribute("type"));
        Assert.Equal("/opensearch.xml", search.GetAttribute("href"));
        Assert.Equal("Digest", search.GetAttribute("title"));
    }

    private static string PathAndQuery(Uri uri) => Uri.UnescapeDataString(uri.PathAndQuery);
}
