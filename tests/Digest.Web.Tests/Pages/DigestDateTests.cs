using System.Text.Json;
using Digest.Core.Ingestion;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Pages;

/// <summary>A paper known only from a digest page has no publication date: its digest day must not be shown as one.</summary>
public sealed class DigestDateTests : IAsyncLifetime
{
    private const string DigestText = """
        Daily Papers

        Mar 11

        Pointer Networks

        We introduce a new neural architecture to learn the conditional probability of an output sequence with elements that are discrete tokens corresponding to positions in an input sequence.

        """;

    private const string Dated = """{"arxiv_id": "2603.00001", "title": "A dated paper on pointer networks", "abstract": "Pointer networks again, with a stated publication date.", "authors": ["Ada Lovelace"], "published": "2026-03-09", "digest_days": ["2026-03-11"]}""";

    private DigestAppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = new DigestAppFactory();
        await _app.IngestAsync("digest.txt", DigestText, new IngestRequest { Format = SourceFormat.DigestText, Year = 2026, Origin = "test" });
        await _app.IngestAsync("dated.jsonl", Dated);
        _client = _app.CreateClient();
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task List_ShowsTheDigestDay_AsADigestDay_AndAStatedDate_AsTheDate()
    {
        var day = await _client.GetPageAsync("/digests/2026-03-11");
        var papers = day.QuerySelectorAll(".paper");
        var undated = papers.Single(p => p.QuerySelector(".paper-title")!.TextContent == "Pointer Networks");
        var digestDate = undated.QuerySelector("[data-digest-date]")!;
        Assert.Equal("in the digest of 11 Mar 2026", digestDate.TextContent.Trim());
        Assert.Single(undated.QuerySelectorAll(".paper-meta time"));

        var dated = papers.Single(p => p.QuerySelector(".paper-title")!.TextContent == "A dated paper on pointer networks");
        Assert.Null(dated.QuerySelector("[data-digest-date]"));
        Assert.Equal("2026-03-09", dated.QuerySelector(".paper-meta time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task PaperPage_SaysThePublicationDateIsNotKnown()
    {
        var search = await _client.GetPageAsync("/search?q=%22Pointer+Networks%22");
        var link = search.QuerySelectorAll(".paper-title a").Single(a => a.TextContent == "Pointer Networks").GetAttribute("href")!;
        var page = await _client.GetPageAsync(link);
        Assert.Equal("not known; in the digest of 11 March 2026", page.QuerySelector(".paper-facts [data-digest-date]")!.TextContent.Trim());
        Assert.DoesNotContain(page.QuerySelectorAll(".paper-facts dd"), dd => dd.TextContent.Trim() == "11 March 2026");
    }

    [Fact]
    public async Task Api_LeavesThePublicationDateNull()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/search?q=pointer"));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        var undated = results.Single(r => r.GetProperty("title").GetString() == "Pointer Networks");
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("published").ValueKind);
        var dated = results.Single(r => r.GetProperty("title").GetString() == "A dated paper on pointer networks");
        Assert.Equal("2026-03-09", dated.GetProperty("published").GetString());
    }

    [Fact]
    public async Task Feed_GivesNoPublishedDate_AndTheDigestDayAsUpdated()
    {
        var feed = await _client.GetFeedAsync("/feeds/digests/2026-03-11");
        var undated = feed.Feed.Items.Single(i => i.Title.Text == "Pointer Networks");
        Assert.Equal(default, undated.PublishDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), undated.LastUpdatedTime);
        var dated = feed.Feed.Items.Single(i => i.Title.Text == "A dated paper on pointer networks");
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero), dated.PublishDate);
    }
}
