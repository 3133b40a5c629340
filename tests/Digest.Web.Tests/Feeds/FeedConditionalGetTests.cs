using System.Net;
using System.Net.Http.Headers;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Feeds;

/// <summary>Feed readers poll: validators on every feed, 304 for a current copy, and a new ETag after an ingest.</summary>
public class FeedConditionalGetTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    private readonly HttpClient _client = corpus.Client;

    [Theory]
    [InlineData("/feeds/search?q=language&topic=llm")]
    [InlineData("/feeds/topics/llm")]
    [InlineData("/feeds/digests/2025-01-13")]
    [InlineData("/feeds/digests")]
    [InlineData("/feeds")]
    public async Task IfNoneMatch_WithTheETag_GivesNotModified(string url)
    {
        using var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        Assert.Equal("public, max-age=300", first.Headers.CacheControl!.ToString());
        Assert.NotNull(first.Content.Headers.LastModified);

        using var again = Conditional(url, r => r.Headers.IfNoneMatch.Add(etag));
        using var response = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task IfNoneMatch_WithAnotherETag_GivesTheFeed_EvenWithACurrentIfModifiedSince()
    {
        using var first = await _client.GetAsync("/feeds/search");
        using var request = Conditional("/feeds/search", r =>
        {
            r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true));
            r.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        });
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task IfModifiedSince_LastModified_GivesNotModified_AndAnEarlierTimeGivesTheFeed()
    {
        using var first = await _client.GetAsync("/feeds/topics/llm?q=language");
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var current = Conditional("/feeds/topics/llm?q=language", r => r.Headers.IfModifiedSince = lastModified);
        using var notModified = await _client.SendAsync(current);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var older = Conditional("/feeds/topics/llm?q=language", r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));
        using var modified = await _client.SendAsync(older);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    [Fact]
    public async Task ETag_DiffersBetweenViewsAndLimits_AndIsTheSameForEqualViews()
    {
        async Task<string> ETag(string url)
        {
            using var response = await _client.GetAsync(url);
            return response.Headers.ETag!.Tag;
        }
        var view = await ETag("/feeds/search?topic=llm&q=language");
        Assert.Equal(view, await ETag("/feeds/search?q=language&topic=LLM&sort=relevance&page=2"));
        Assert.NotEqual(view, await ETag("/feeds/search?q=language"));
        Assert.NotEqual(view, await ETag("/feeds/search?topic=llm&q=language&limit=10"));
    }

    [Fact]
    public async Task NewIngest_ChangesTheETag_AndTheFeedHoldsTheNewPaper()
    {
        using var app = await TestCorpus.CreateAppAsync();
        using var client = app.CreateClient();
        using var first = await client.GetAsync("/feeds/search?q=language");
        var etag = first.Headers.ETag!;

        await app.IngestAsync("new.jsonl", """{"arxiv_id": "2503.00010", "title": "A language model that arrived later", "abstract": "A new language model paper ingested after the reader subscribed.", "authors": ["New Author"], "published": "2025-03-01", "categories": ["cs.CL"]}""");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpResponseMessage response;
        do
        {
            using var request = Conditional("/feeds/search?q=language", r => r.Headers.IfNoneMatch.Add(etag));
            response = await client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK) break;
            response.Dispose();
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(etag, response.Headers.ETag);
            Assert.True(response.Content.Headers.LastModified > first.Content.Headers.LastModified);
        }
        var feed = (await client.GetFeedAsync("/feeds/search?q=language")).Feed;
        Assert.EndsWith("/papers/2503.00010", feed.Items.First().Id, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Conditional(string url, Action<HttpRequestMessage> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers(request);
        return request;
    }
}
