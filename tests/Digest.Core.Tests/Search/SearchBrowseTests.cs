using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

public class SearchBrowseTests
{
    [Fact]
    public void Search_WithEmptyQuery_BrowsesEveryPaperNewestFirst()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Service.Search(new SearchRequest { PageSize = 100 });
        Assert.Equal(corpus.Papers.Count, response.TotalHits);
        Assert.Equal(SearchSort.Newest, response.Sort);
        var dates = response.Results.Select(r => r.Published!.Value).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal(5, response.Facets.Count);
        var oldest = corpus.Service.Search(new SearchRequest { PageSize = 100, Sort = SearchSort.Oldest }).Results.Select(r => r.Published!.Value).ToList();
        Assert.Equal(dates.Order(), oldest);
    }

    [Fact]
    public void Search_WithQuery_DefaultsToRelevance_AndHonoursDateSorts()
    {
        using var corpus = new SearchCorpus();
        Assert.Equal(SearchSort.Relevance, corpus.Search("sensors").Sort);
        var oldest = corpus.Service.Search(new SearchRequest { Query = "sensors", Sort = SearchSort.Oldest });
        var dates = oldest.Results.Select(r => r.Published!.Value).ToList();
        Assert.Equal(dates.Order(), dates);
        var newest = corpus.Service.Search(new SearchRequest { Query = "sensors", Sort = SearchSort.Newest });
        Assert.Equal(dates.OrderDescending(), newest.Results.Select(r => r.Published!.Value));
    }

    [Fact]
    public void Search_WithPages_ReturnsDisjointSlicesOfOneOrder()
    {
        using var corpus = new SearchCorpus();
        var all = corpus.Service.Search(new SearchRequest { PageSize = 100 }).Results.Select(r => r.Id).ToList();
        var paged = Enumerable.Range(1, 5)
            .SelectMany(page => corpus.Service.Search(new SearchRequest { Page = page, PageSize = 5 }).Results.Select(r => r.Id))
            .ToList();
        Assert.Equal(all, paged);
        Assert.Equal(5, corpus.Service.Search(new SearchRequest { PageSize = 5 }).PageCount);
        Assert.Empty(corpus.Service.Search(new SearchRequest { Page = 6, PageSize = 5 }).Results);
    }

    [Theory]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.Oldest)]
    public void Search_WithQueryAndDateSort_PagesAreSlicesOfTheBrowseOrder(SearchSort sort)
    {
        using var corpus = new SearchCorpus();
        // A query matching everything takes the query path (ranks per hit); browsing takes the precomputed order.
        var browse = corpus.Service.Search(new SearchRequest { PageSize = 100, Sort = sort }).Results.Select(r => r.Id).ToList();
        var request = new SearchRequest { Query = "-zzzunknownzzz", Sort = sort, PageSize = 3 };
        var first = corpus.Service.Search(request);
        Assert.Equal(browse.Count, first.TotalHits);
        var paged = Enumerable.Range(1, first.PageCount)
            .SelectMany(page => corpus.Service.Search(request with { Page = page }).Results.Select(r => r.Id))
            .ToList();
        Assert.Equal(browse, paged);
    }

    [Fact]
    public void Search_WithPageBeyondTheCap_IsCappedWithMessage()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Service.Search(new SearchRequest { Page = 100_000, PageSize = 1_000 });
        Assert.Equal(SearchRequest.MaxPage, response.Request.Page);
        Assert.Equal(SearchRequest.MaxPageSize, response.Request.PageSize);
        Assert.NotEmpty(response.Messages);
        Assert.Empty(response.Results);
        Assert.Equal(SearchRequest.DefaultPageSize, corpus.Service.Search(new SearchRequest { PageSize = 0 }).Request.PageSize);
        Assert.Equal(1, corpus.Service.Search(new SearchRequest { Page = -3 }).Request.Page);
    }

    [Fact]
    public void Search_WithEachFilter_ReturnsOnlyMatchingPapers()
    {
        using var corpus = new SearchCorpus();
        SearchResponse Run(SearchRequest request) => corpus.Service.Search(request with { PageSize = 100 });

        Assert.All(Run(new SearchRequest { Categories = ["CS.cl"] }).Results, r => Assert.Contains("cs.CL", r.Categories));
        Assert.Equal(3, Run(new SearchRequest { Categories = ["cs.CL"] }).TotalHits);
        Assert.Equal(5, Run(new SearchRequest { Categories = ["cs.CL", "cs.CV"] }).TotalHits);
        Assert.All(Run(new SearchRequest { Years = [2022] }).Results, r => Assert.Equal(2022, r.Published!.Value.Year));
        Assert.All(Run(new SearchRequest { HasCode = true }).Results, r => Assert.True(r.HasCode));
        Assert.All(Run(new SearchRequest { HasCode = false }).Results, r => Assert.False(r.HasCode));
        Assert.Equal(corpus.Papers.Count, Run(new SearchRequest { HasCode = true }).TotalHits + Run(new SearchRequest { HasCode = false }).TotalHits);
        Assert.Equal(["2309.00006", "2503.00010"], Run(new SearchRequest { Authors = ["Claude Shannon"] }).Results.Select(r => r.Id).Order());
        Assert.Equal(["2411.00007", "2501.00002"], Run(new SearchRequest { DigestDay = new DateOnly(2025, 1, 13) }).Results.Select(r => r.Id).Order());

        var range = Run(new SearchRequest { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 2, 1) });
        Assert.All(range.Results, r => Assert.InRange(r.Published!.Value, new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1)));
        Assert.Contains("2502.00003", range.Results.Select(r => r.Id));
        Assert.Equal(corpus.Papers.Count(p => p.Published >= new DateOnly(2025, 1, 1) && p.Published <= new DateOnly(2025, 2, 1)), range.TotalHits);
    }

    [Fact]
    public void Search_Results_CarryTheStoredFacts()
    {
        using var corpus = new SearchCorpus();
        var result = corpus.Search("title:forecasting").Results.Single();
        Assert.Equal("2501.00001", result.ArxivId);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], result.Authors);
        Assert.Equal(new DateOnly(2025, 1, 10), result.Published);
        Assert.Equal(["llm", "forecasting"], result.Topics);
        Assert.Equal(["cs.LG", "cs.CL"], result.Categories);
        Assert.Equal(["https://github.com/example/2501.00001"], result.CodeUrls);
        Assert.Equal([new DateOnly(2025, 1, 11)], result.DigestDays);
        Assert.Equal(12, result.Upvotes);
    }

    [Fact]
    public void Listings_DigestDaysAndMonths_CountPapers()
    {
        using var corpus = new SearchCorpus();
        corpus.Service.Warm();
        var days = corpus.Service.ListDigestDays();
        Assert.Equal(days.OrderBy(d => d.Day), days);
        Assert.Contains(new DigestDayCount(new DateOnly(2025, 1, 13), 2), days);
        Assert.Equal(new DateOnly(2025, 3, 4), corpus.Service.LatestDigestDay());

        var months = corpus.Service.GetMonthCounts();
        Assert.Equal(corpus.Papers.Count, months.Sum(m => m.Count));
        Assert.Equal([new MonthCount("2024-11", 1), new MonthCount("2025-01", 1)], corpus.Service.GetMonthCounts("vision"));
    }
}
