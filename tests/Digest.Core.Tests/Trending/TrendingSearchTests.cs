using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Tests.Search;
using Digest.Core.Tests.Support;
using Digest.Core.Trending;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Trending;

public class TrendingSearchTests
{
    // Ages at this time: the 9 March papers 24 h, the 5 March one 120 h, the 1 March one 216 h.
    private static readonly DateTimeOffset At = new(2025, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private static IEnumerable<Paper> Fixture()
    {
        // Score = (votes + 3 × appearances) / (age + 2)^1.2, by hand: hot 23/26^1.2 = 0.461, old 203/218^1.2 = 0.317,
        // quiet 3/26^1.2 = 0.060, twice (listed twice, aged from its first day) 16/122^1.2 = 0.050, unlisted 0.
        yield return SearchCorpus.Paper("2503.00001", "Hot paper", "Many readers liked it.", date: "2025-03-08", days: ["2025-03-09"], upvotes: 20);
        yield return SearchCorpus.Paper("2503.00002", "Old popular paper", "Liked long ago.", date: "2025-03-09", days: ["2025-03-01"], upvotes: 200);
        yield return SearchCorpus.Paper("2503.00003", "Quiet paper", "Nobody voted.", date: "2025-03-08", days: ["2025-03-09"]);
        yield return SearchCorpus.Paper("2503.00004", "Unlisted paper", "Only published.", date: "2025-03-08");
        yield return SearchCorpus.Paper("2503.00005", "Twice listed paper", "Listed on two days.", date: "2025-03-04", days: ["2025-03-05", "2025-03-08"], upvotes: 10);
    }

    private static List<string> Ids(SearchResponse response) => [.. response.Results.Select(r => r.Id)];

    [Fact]
    public void Score_FollowsThePublishedFormula()
    {
        var score = new TrendingScore(new TrendingOptions { Gravity = 1.8, AppearanceWeight = 2 });
        Assert.Equal((10 + 2 * 3) / Math.Pow(24 + 2, 1.8), score.Score(10, 3, 24), 12);
        // A paper from the future is as old as a new one, not hotter.
        Assert.Equal(score.Score(5, 0, 0), score.Score(5, 0, -50));
    }

    [Fact]
    public void Appeared_IsTheFirstDigestDay_ElsePublication_ElseFirstSeen()
    {
        var firstSeen = new DateTimeOffset(2025, 3, 7, 13, 30, 0, TimeSpan.Zero);
        var paper = new Paper { Id = "x", Title = "X", FirstSeen = firstSeen };
        Assert.Equal(firstSeen, TrendingScore.Appeared(paper));
        paper = paper with { Published = new DateOnly(2025, 3, 2) };
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero), TrendingScore.Appeared(paper));
        paper = paper with { DigestDays = [new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 6)] };
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero), TrendingScore.Appeared(paper));
    }

    [Fact]
    public void Search_SortedByTrending_RanksVotesAndAppearancesDecayedByAge()
    {
        using var corpus = new SearchCorpus(Fixture());
        var response = corpus.Service.Search(new SearchRequest { Sort = SearchSort.Trending, TrendingAt = At });

        Assert.Equal(SearchSort.Trending, response.Sort);
        Assert.Equal(["2503.00001", "2503.00002", "2503.00003", "2503.00005", "2503.00004"], Ids(response));
        var hot = response.Results[0];
        Assert.Equal((20, 1), (hot.Votes, hot.Appearances));
        Assert.Equal(new DateTimeOffset(2025, 3, 9, 0, 0, 0, TimeSpan.Zero), hot.Appeared);
        Assert.Equal(0.4610625, hot.Score, 5);
        Assert.Equal(At, response.Request.TrendingAt);
        // A short page leaves the paper without votes or appearances out once four papers score more.
        var four = corpus.Service.Search(new SearchRequest { Sort = SearchSort.Trending, TrendingAt = At, PageSize = 4 });
        Assert.Equal(["2503.00001", "2503.00002", "2503.00003", "2503.00005"], Ids(four));
    }

    [Fact]
    public void Search_SortedByTrending_LaterReference_LetsOlderVotesWin()
    {
        using var corpus = new SearchCorpus(Fixture());
        // Ten days on, hot is 264 h old (23/264^1.2 = 0.029) and old 456 h (203/456^1.2 = 0.132).
        var later = corpus.Service.Search(new SearchRequest { Sort = SearchSort.Trending, TrendingAt = At.AddDays(10) });
        Assert.Equal(["2503.00002", "2503.00001"], Ids(later)[..2]);
    }

    [Fact]
    public void Search_SortedByTrending_WithoutATime_UsesTheServiceClock()
    {
        using var data = new TempDataDirectory();
        using var index = data.OpenIndex();
        index.Apply([.. Fixture()], [], 1);
        index.Refresh();
        var service = new SearchService(index, NullLogger<SearchService>.Instance, new SearchLimits(), time: new FixedClock(At.AddDays(10)));
        var response = service.Search(new SearchRequest { Sort = SearchSort.Trending });
        Assert.Equal(At.AddDays(10), response.Request.TrendingAt);
        Assert.Equal("2503.00002", response.Results[0].Id);
    }

    [Fact]
    public void Search_SortedByTrending_BreaksTiesNewerFirstThenById_AcrossSegments()
    {
        using var data = new TempDataDirectory();
        using var index = data.OpenIndex();
        // No votes and no digest day: every score is 0, so only the tie rules order them. Three batches, three segments.
        index.Apply([SearchCorpus.Paper("b-2", "B", "b", date: "2025-03-01"), SearchCorpus.Paper("z-new", "Z", "z", date: "2025-03-05")], [], 1);
        index.Refresh();
        index.Apply([SearchCorpus.Paper("a-1", "A", "a", date: "2025-03-01"), SearchCorpus.Paper("c-3", "C", "c", date: "2025-03-01")], [], 2);
        index.Refresh();
        index.Apply([SearchCorpus.Paper("a-0", "A0", "a0", date: "2025-03-01")], [], 3);
        index.Refresh();
        var service = new SearchService(index, NullLogger<SearchService>.Instance);

        var all = service.Search(new SearchRequest { Sort = SearchSort.Trending, TrendingAt = At });
        Assert.Equal(["z-new", "a-0", "a-1", "b-2", "c-3"], Ids(all));
        // A page of two keeps the same order: the weakest kept hit is replaced by id, not by arrival.
        var firstTwo = service.Search(new SearchRequest { Sort = SearchSort.Trending, TrendingAt = At, PageSize = 2 });
        Assert.Equal(["z-new", "a-0"], Ids(firstTwo));
        var second = service.Search(new SearchRequest { Sort = SearchSort.Trending, TrendingAt = At, PageSize = 2, Page = 2 });
        Assert.Equal(["a-1", "b-2"], Ids(second));
    }

    [Fact]
    public void Search_SortedByTrending_WithQueryAndFilters_RanksOnlyMatches()
    {
        using var corpus = new SearchCorpus(Fixture());
        var response = corpus.Service.Search(new SearchRequest { Query = "paper", Sort = SearchSort.Trending, TrendingAt = At, DigestDay = new DateOnly(2025, 3, 9) });
        Assert.Equal(["2503.00001", "2503.00003"], Ids(response));
    }

    [Theory]
    [InlineData("2025-03-09", "2025-03-09", new[] { "2503.00001", "2503.00003" })]
    // Listed on 8 March (its second day) counts; published on 8 March counts only for a paper listed on no day.
    [InlineData("2025-03-08", "2025-03-08", new[] { "2503.00005", "2503.00004" })]
    [InlineData("2025-03-03", "2025-03-09", new[] { "2503.00001", "2503.00003", "2503.00005", "2503.00004" })]
    public void Search_AppearedInAPeriod_KeepsPapersListedOrUnlistedAndPublishedThere(string from, string to, string[] expected)
    {
        using var corpus = new SearchCorpus(Fixture());
        var response = corpus.Service.Search(new SearchRequest
        {
            Sort = SearchSort.Trending, TrendingAt = At, AppearedFrom = DateOnly.Parse(from), AppearedTo = DateOnly.Parse(to),
        });
        Assert.Equal(expected, Ids(response));
    }

    [Fact]
    public async Task ReaderVotes_ReachTheTrendingOrder_AfterTheIndexCatchesUp()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("papers.jsonl", string.Join('\n',
            Line("2503.00011", "First paper", 30),
            Line("2503.00012", "Second paper", 5)));
        var service = new SearchService(harness.Index!, NullLogger<SearchService>.Instance);
        var request = new SearchRequest { Sort = SearchSort.Trending, TrendingAt = At };
        Assert.Equal(["2503.00011", "2503.00012"], Ids(service.Search(request)));

        await ReaderVotesSetter.SetAsync(harness.Data.Database, "2503.00012", 40);
        await harness.Synchronizer!.CatchUpAsync();

        var response = service.Search(request);
        Assert.Equal(["2503.00012", "2503.00011"], Ids(response));
        Assert.Equal(45, response.Results[0].Votes);
        Assert.Equal(5, response.Results[0].Upvotes);
    }

    [Theory]
    [InlineData(double.NaN, 3, "Digest:Trending:Gravity")]
    [InlineData(0, 3, "Digest:Trending:Gravity")]
    [InlineData(1.2, -1, "Digest:Trending:AppearanceWeight")]
    public void Validator_NamesTheSettingOutOfRange(double gravity, double weight, string setting)
    {
        var failures = new List<string>();
        TrendingOptionsValidator.Validate(new TrendingOptions { Gravity = gravity, AppearanceWeight = weight }, failures);
        Assert.StartsWith(setting, Assert.Single(failures));
    }

    [Fact]
    public void Validator_AcceptsTheDefaults()
    {
        var failures = new List<string>();
        TrendingOptionsValidator.Validate(new TrendingOptions(), failures);
        Assert.Empty(failures);
    }

    private static string Line(string id, string title, int upvotes) =>
        $$"""{"arxiv_id": "{{id}}", "title": "{{title}}", "abstract": "An abstract that is long enough to look like a real one.", "authors": ["A. Author"], "published": "2025-03-09", "digest_days": ["2025-03-09"], "categories": ["cs.LG"], "upvotes": {{upvotes}}}""";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
