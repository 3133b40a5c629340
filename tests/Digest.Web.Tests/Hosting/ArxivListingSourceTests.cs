using Digest.Core.Configuration;
using Digest.Core.Ingestion;
using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Sources;
using Digest.Core.Storage;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace Digest.Web.Tests.Hosting;

public class ArxivListingSourceTests
{
    private static readonly DateOnly Monday = new(2024, 12, 2);

    private static Dictionary<string, string?> Settings(RecordedApiServer server, string format, params string[] categories)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Digest:Sources:0:Name"] = "listing",
            ["Digest:Sources:0:Kind"] = nameof(RemoteSourceKind.ArxivListing),
            ["Digest:Sources:0:BaseUrl"] = server.BaseUrl,
            ["Digest:Sources:0:Format"] = format,
            ["Digest:Sources:0:DailyAt"] = "00:30",
        };
        for (var i = 0; i < categories.Length; i++) settings[$"Digest:Sources:0:Categories:{i}"] = categories[i];
        return settings;
    }

    private static Task<SourceFetchResult> RunAsync(TestDataHost host) =>
        host.Get<RemoteSourceRunner>().RunAsync(host.Get<IOptions<DigestOptions>>().Value.Sources[0], CancellationToken.None);

    private static ScriptedResponse Feed(string fixture) =>
        ScriptedResponse.Fixture(fixture, fixture.Contains("atom", StringComparison.Ordinal) ? "application/atom+xml" : "application/rss+xml");

    private static IReadOnlyList<string> DigestOf(TestDataHost host, DateOnly day) =>
        [.. host.Get<SearchService>().Search(new SearchRequest { DigestDay = day }).Results.Select(r => r.Id).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("Rss", "/rss/cs.LG", "arxiv-listing-rss.xml")]
    [InlineData("Atom", "/atom/cs.LG", "arxiv-listing-atom.xml")]
    public async Task Fetch_DailyListing_PutsNewAndCrossOnTheDaysDigest_AndStoresTheReplacements(string format, string path, string fixture)
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script(path, Feed(fixture));
        await using var host = await TestDataHost.StartAsync(Settings(server, format, "cs.LG"));

        var result = await RunAsync(host);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(4, result.Report!.Added);
        Assert.Equal(0, result.Report.Rejected);
        Assert.Single(server.RequestsTo(path));
        Assert.Equal(["2412.00001", "2412.00002"], DigestOf(host, Monday));
        var replaced = await host.Get<PaperStore>().GetAsync("2411.09999");
        Assert.Empty(replaced!.DigestDays);
        Assert.Equal(Monday, replaced.Revised);
        Assert.Equal(["arxiv-listing"], replaced.Sources);
    }

    [Fact]
    public async Task Fetch_Replacement_OfAStoredPaper_RevisesIt_WithoutAddingADigestDay()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script("/rss/cs.LG", Feed("arxiv-listing-rss.xml"));
        await using var host = await TestDataHost.StartAsync(Settings(server, "Rss", "cs.LG"));
        var november = new DateOnly(2024, 11, 20);
        await host.Get<IngestService>().IngestPapersAsync("earlier", SourceFormat.ArxivOai, [new Paper
        {
            Id = "2411.09999",
            ArxivId = "2411.09999",
            Title = "Sparse Mixtures of Experts, Revisited",
            Abstract = "The first version.",
            Published = new DateOnly(2024, 11, 18),
            Revised = new DateOnly(2024, 11, 18),
            DigestDays = [november],
        }], new IngestRequest { Origin = "test" });

        var result = await RunAsync(host);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3, result.Report!.Added);
        Assert.Equal(1, result.Report.Updated);
        var paper = await host.Get<PaperStore>().GetAsync("2411.09999");
        Assert.Equal([november], paper!.DigestDays);
        Assert.Equal(new DateOnly(2024, 11, 18), paper.Published);
        Assert.Equal(Monday, paper.Revised);
        Assert.Equal("Sparse Mixtures of Experts, Revisited (second version)", paper.Title);
        Assert.DoesNotContain("2411.09999", DigestOf(host, Monday));
        Assert.Equal(["2411.09999"], DigestOf(host, november));
    }

    [Fact]
    public async Task Fetch_TwoCategories_OneOnAWeekend_AsksForEach_AndTheEmptyFeedIsASuccess()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script("/rss/cs.LG", Feed("arxiv-listing-rss.xml"));
        server.Script("/rss/cs.CL", Feed("arxiv-listing-rss-weekend.xml"));
        await using var host = await TestDataHost.StartAsync(Settings(server, "Rss", "cs.LG", "cs.CL"));

        var result = await RunAsync(host);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(4, result.Report!.Added);
        Assert.Contains(result.Report.Files, f => f.Notes.Any(n => n.Contains("no items", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Fetch_WeekendFeedOnly_SucceedsWithNothingAdded()
    {
        await using var server = await RecordedApiServer.StartAsync();
        server.Script("/rss/cs.LG", Feed("arxiv-listing-rss-weekend.xml"));
        await using var host = await TestDataHost.StartAsync(Settings(server, "Rss", "cs.LG"));

        var result = await RunAsync(host);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(0, result.Report!.Added);
        Assert.Equal(0, result.Report.Rejected);
        var status = Assert.Single(await host.Get<SourceStatusStore>().GetAllAsync());
        Assert.NotNull(status.LastSuccessAt);
        Assert.Equal(0, status.ConsecutiveFailures);
    }

    [Theory]
    [InlineData("cut", "complete XML")]
    [InlineData("wrong-namespace", "expected an RSS 2.0 or Atom feed")]
    [InlineData("html", "found <html>")]
    [InlineData("dtd", "complete XML")]
    public async Task Fetch_MalformedOrHostileFeed_FailsClearly_StoresNothing_AndKeepsWhatWasStored(string kind, string expected)
    {
        await using var server = await RecordedApiServer.StartAsync();
        var atom = Feed("arxiv-listing-atom.xml");
        var bad = kind switch
        {
            "cut" => atom with { Body = atom.Body[..(atom.Body.Length * 2 / 3)] },
            "wrong-namespace" => atom with { Body = atom.Body.Replace("xmlns=\"http://www.w3.org/2005/Atom\"", "xmlns=\"http://example.com/feed\"", StringComparison.Ordinal) },
            "html" => new ScriptedResponse(200, "<html><body><p>Service Unavailable<br></body></html>", "text/html"),
            _ => atom with { Body = atom.Body.Replace("<feed ", "<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><feed ", StringComparison.Ordinal).Replace("Emmy Noether", "&x;", StringComparison.Ordinal) },
        };
        server.Script("/atom/cs.CL", Feed("arxiv-listing-atom.xml"));
        server.Script("/atom/cs.LG", bad);
        var data = Path.Combine(Path.GetTempPath(), "digest-web-tests", Guid.NewGuid().ToString("N"));
        await using (var earlier = await TestDataHost.StartAsync(Settings(server, "Atom", "cs.CL"), data))
        {
            Assert.True((await RunAsync(earlier)).Succeeded);
        }
        await using var both = await TestDataHost.StartAsync(Settings(server, "Atom", "cs.CL", "cs.LG"), data);
        var runsBefore = (await both.Get<PaperStore>().GetStatsAsync()).RecentRuns.Count;

        var result = await RunAsync(both);

        Assert.Contains(expected, result.Error);
        Assert.Contains("/atom/cs.LG", result.Error);
        Assert.Equal(4, await both.Get<PaperStore>().CountAsync());
        // Nothing of the failed run reached the ingest, not even the good feed fetched before the bad one.
        Assert.Equal(runsBefore, (await both.Get<PaperStore>().GetStatsAsync()).RecentRuns.Count);
        Assert.Contains(expected, Assert.Single(await both.Get<SourceStatusStore>().GetAllAsync()).LastError);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Fetch_HugeItem_IsRejectedWithTheLimit_AndTheOtherItemsAreStored()
    {
        await using var server = await RecordedApiServer.StartAsync();
        var rss = Feed("arxiv-listing-rss.xml");
        server.Script("/rss/cs.LG", rss with { Body = rss.Body.Replace("Heads with low attention entropy", new string('x', 50_000), StringComparison.Ordinal) });
        await using var host = await TestDataHost.StartAsync(Settings(server, "Rss", "cs.LG"));

        var result = await RunAsync(host);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3, result.Report!.Added);
        var rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(2, rejection.Position);
        Assert.Contains("abstract is", rejection.Reason);
        Assert.Null(await host.Get<PaperStore>().GetAsync("2412.00002"));
    }
}
