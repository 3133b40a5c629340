using System.Text.Json;
using Digest.Web.Tests.Support;
using static Digest.Web.Tests.Trending.TrendingFixture;

namespace Digest.Web.Tests.Trending;

public class TrendingSortTests(TrendingFixture fixture) : IClassFixture<TrendingFixture>
{
    private static readonly string[] NowOrder = [Hot, Old, Quiet, Twice, LastMonth, Unlisted];

    private readonly HttpClient _client = fixture.Client;

    private static List<string> PageIds(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".paper-title a").Select(a => a.GetAttribute("href")!["/papers/".Length..].Split('?')[0])];

    private async Task<(string Sort, List<string> Ids, List<int> Votes)> ApiAsync(string url)
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync(url));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        return (json.RootElement.GetProperty("sort").GetString()!, [.. results.Select(r => r.GetProperty("id").GetString()!)], [.. results.Select(r => r.GetProperty("votes").GetInt32())]);
    }

    [Fact]
    public async Task Api_SortTrending_RanksByTheScoreNow()
    {
        var (sort, ids, votes) = await ApiAsync("/api/search?sort=trending");
        Assert.Equal("trending", sort);
        Assert.Equal(NowOrder, ids);
        Assert.Equal([20, 200, 0, 10, 50, 0], votes);
    }

    [Fact]
    public async Task SearchPage_SortTrending_RanksAndSaysWhy_WithVotesOnEachEntry()
    {
        var page = await _client.GetPageAsync("/search?sort=trending");
        Assert.Equal(NowOrder, PageIds(page));
        Assert.Equal("http://localhost/search?sort=trending", page.Canonical());
        Assert.Equal("Trending", page.QuerySelector(".sort-option[aria-current=true]")!.TextContent);
        var first = page.QuerySelector(".paper-list li")!;
        Assert.Equal("20", first.QuerySelector(".votes")!.GetAttribute("data-votes"));
        Assert.Equal("20 votes · 1 digest appearance · 27 h old · score 0.404", first.QuerySelector(".trending-why")!.TextContent);
        // Other orders offer trending and say nothing about scores.
        var newest = await _client.GetPageAsync("/search?q=paper");
        Assert.NotNull(newest.QuerySelector(".sort-option[href='/search?q=paper&sort=trending']"));
        Assert.Null(newest.QuerySelector(".trending-why"));
        Assert.Equal(6, newest.QuerySelectorAll(".paper-list .votes").Length);
    }

    [Fact]
    public async Task DayViewAndFilteredSearches_SortTrending()
    {
        var day = await _client.GetPageAsync("/digests/2025-03-09?sort=trending");
        Assert.Equal([Hot, Quiet], PageIds(day));
        Assert.Equal("Trending", day.QuerySelector(".sort-option[aria-current=true]")!.TextContent);
        var newest = await _client.GetPageAsync("/digests/2025-03-09");
        Assert.Equal("/digests/2025-03-09?sort=trending", newest.QuerySelector(".sort-option:not([aria-current])")!.GetAttribute("href"));

        var (_, inCategory, _) = await ApiAsync("/api/search?sort=trending&category=cs.LG&q=paper");
        Assert.Equal(NowOrder, inCategory);
    }

    [Fact]
    public async Task Feed_SortTrending_ListsEntriesInTrendingOrder()
    {
        var feed = await _client.GetFeedAsync("/feeds/search?sort=trending");
        Assert.Equal(NowOrder.Select(id => "/papers/" + id), feed.Feed.Items.Select(item => item.PagePath()));
        // A feed of its own: its id and self link keep the sort, its page is the trending view.
        Assert.EndsWith("/feeds/search?sort=trending", feed.Feed.Link("self").Uri.ToString());
        Assert.EndsWith("/search?sort=trending", feed.Feed.Link("alternate").Uri.ToString());
        var newest = await _client.GetFeedAsync("/feeds/search");
        Assert.EndsWith("/feeds/search", newest.Feed.Link("self").Uri.ToString());
        Assert.NotEqual(NowOrder.Select(id => "/papers/" + id), newest.Feed.Items.Select(item => item.PagePath()));
    }

    [Fact]
    public async Task PaperPage_ShowsTheVotesThroughThePartial()
    {
        var page = await _client.GetPageAsync("/papers/" + Old);
        var votes = page.QuerySelector(".paper-facts .votes")!;
        Assert.Equal("200", votes.QuerySelector(".votes-count")!.TextContent);
        Assert.Equal("votes", votes.QuerySelector("[data-votes-noun]")!.TextContent);
        Assert.Equal(Old, votes.GetAttribute("data-paper-id"));
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/papers/" + Old));
        Assert.Equal((200, 200), (json.RootElement.GetProperty("votes").GetInt32(), json.RootElement.GetProperty("upvotes").GetInt32()));
    }

    [Fact]
    public async Task HomePage_LeadsWithTrendingPapers_ThenTheLatestDigest()
    {
        var page = await _client.GetPageAsync("/");
        var lead = page.QuerySelector("section.trending-lead")!;
        Assert.Same(lead, page.QuerySelectorAll("main section").Skip(1).First());
        Assert.Equal<string>(NowOrder[..5], [.. lead.QuerySelectorAll(".paper-title a").Select(a => a.GetAttribute("href")!["/papers/".Length..])]);
        Assert.NotNull(lead.QuerySelector("a[href='/trending']"));
        Assert.Contains("Digest of Sunday, 9 March 2025", page.QuerySelector("#latest-title")!.TextContent);
        Assert.NotNull(page.QuerySelector(".site-nav a[href='/trending']"));
    }
}
