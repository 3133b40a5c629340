using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Search;

public class SearchIndexSegmentsTests
{
    /// <summary>Indexes the corpus in three refreshed batches (three segments), then replaces and deletes some papers.</summary>
    private static (TempDataDirectory Data, Digest.Core.Indexing.PaperIndex Index, List<Paper> Live) SegmentedIndex()
    {
        var data = new TempDataDirectory();
        var index = data.OpenIndex();
        var papers = SearchCorpus.Default().ToList();
        foreach (var batch in papers.Chunk(8))
        {
            index.Apply(batch, [], 1);
            index.Refresh();
        }
        // A re-ingested paper moves to a new segment and leaves a deleted document behind; a deleted one disappears.
        var changed = papers[0] with { Topics = ["quantum"], Authors = ["Niels Bohr"] };
        index.Apply([changed], [papers[1].Id], 2);
        index.Refresh();
        var live = papers.Skip(2).Prepend(changed).ToList();
        return (data, index, live);
    }

    [Fact]
    public void Facets_OnSeveralSegmentsWithDeletions_CountEveryLivePaperOnce()
    {
        var (data, index, live) = SegmentedIndex();
        using (data)
        using (index)
        {
            var service = new SearchService(index, NullLogger<SearchService>.Instance);
            foreach (var request in new[] { new SearchRequest(), new SearchRequest { Query = "sensors OR transformer OR quantum" } })
            {
                var response = service.Search(request);
                var matching = request.Query is null ? live : [.. live.Where(p => response.Results.Any(r => r.Id == p.Id))];
                Assert.Equal(matching.Count, response.TotalHits);
                var expectedTopics = matching.SelectMany(p => p.Topics).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
                Assert.Equal(expectedTopics.OrderBy(p => p.Key), response.Facet(FacetNames.Topic)!.Values.ToDictionary(v => v.Value, v => v.Count).OrderBy(p => p.Key));
                var expectedAuthors = matching.SelectMany(p => p.Authors).GroupBy(a => a).Select(g => (g.Key, g.Count()))
                    .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal).Take(10);
                Assert.Equal(expectedAuthors, response.Facet(FacetNames.Author)!.Values.Select(v => (v.Value, v.Count)));
            }
            Assert.Equal(live.Count, service.GetMonthCounts().Sum(m => m.Count));
        }
    }

    /// <summary>
    /// Broad searches count the small facets by intersecting bit sets, narrow ones per document: on 3,000 real papers
    /// in three segments with deletions, both must give the counts computed from the papers themselves.
    /// </summary>
    [Theory]
    [InlineData("model", false)]
    [InlineData("model", true)]
    [InlineData("learning OR language OR vision", false)]
    [InlineData("learning OR language OR vision", true)]
    [InlineData("robot", false)]
    [InlineData("quantum", false)]
    [InlineData("", false)]
    public void FacetCounts_OfBroadAndNarrowSearches_EqualCountsFromThePapers(string query, bool categorySelected)
    {
        using var data = new TempDataDirectory();
        using var index = data.OpenIndex();
        var papers = Digest.Core.Tests.Topics.TopicTestData.DevPapers().Take(3_000).ToList();
        // Segments of growing size: per-segment bit sets are pooled, and a larger segment reuses a smaller one's array.
        foreach (var batch in new[] { papers[..300], papers[300..1_200], papers[1_200..] })
        {
            index.Apply(batch, [], 1);
            index.Refresh();
        }
        index.Apply([], [.. papers.Take(50).Select(p => p.Id)], 2);
        index.Refresh();
        var live = papers.Skip(50).ToDictionary(p => p.Id);
        var service = new SearchService(index, NullLogger<SearchService>.Instance);

        var request = new SearchRequest
        {
            Query = query, Categories = query.Length == 0 || categorySelected ? ["cs.CV", "cs.LG"] : [], PageSize = 100, IncludeSnippets = false,
        };
        // Twice: the second search gets the first one's pooled arrays back.
        service.Search(request);
        var first = service.Search(request);
        var matching = Enumerable.Range(1, first.PageCount)
            .SelectMany(page => service.Search(request with { Page = page }).Results)
            .Select(r => live[r.Id!])
            .ToList();
        Assert.Equal(first.TotalHits, matching.Count);
        Assert.InRange(matching.Count, 3, 2_950);

        var years = matching.Select(p => Digest.Core.Indexing.PaperDocumentFactory.EffectiveDate(p)?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).OfType<string>();
        Assert.Equal(CountsOf(years), FacetCounts(first, FacetNames.Year));
        Assert.Equal(CountsOf(matching.Select(p => p.HasCode ? "yes" : "no")), FacetCounts(first, FacetNames.HasCode));
        // A paper counts once per name, also when two of its authors share it (homonyms).
        var authors = matching.SelectMany(p => p.Authors.Distinct()).GroupBy(a => a).Select(g => (g.Key, g.Count()))
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal).Take(10);
        Assert.Equal(authors, first.Facet(FacetNames.Author)!.Values.Select(v => (v.Value, v.Count)));
        if (request.Categories.Count > 0)
        {
            // Within the facet that has a selection: a selected value counts its share of the results, another the union its link gives.
            var withoutCategories = request with { Categories = [] };
            var pages = service.Search(withoutCategories).PageCount;
            var unfiltered = Enumerable.Range(1, pages).SelectMany(page => service.Search(withoutCategories with { Page = page }).Results).Select(r => live[r.Id!]).ToList();
            foreach (var value in first.Facet(FacetNames.Category)!.Values)
            {
                var expected = value.Selected
                    ? matching.Count(p => p.Categories.Contains(value.Value))
                    : matching.Count + unfiltered.Count(p => p.Categories.Contains(value.Value) && !p.Categories.Any(request.Categories.Contains));
                Assert.True(expected == value.Count, $"{value.Value}: counted {value.Count}, expected {expected}");
            }
        }
        else
        {
            var categories = CountsOf(matching.SelectMany(p => p.Categories)).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(30);
            Assert.Equal(categories.OrderBy(p => p.Key, StringComparer.Ordinal), FacetCounts(first, FacetNames.Category));
        }
    }

    private static SortedDictionary<string, int> CountsOf(IEnumerable<string> values) =>
        new(values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    private static SortedDictionary<string, int> FacetCounts(SearchResponse response, string facet) =>
        new(response.Facet(facet)!.Values.ToDictionary(v => v.Value, v => v.Count), StringComparer.Ordinal);

    [Fact]
    public void Search_FromManyThreadsAtOnce_GivesTheSameAnswers()
    {
        using var corpus = new SearchCorpus();
        var requests = new[]
        {
            new SearchRequest { Query = "fine tuning" }, new SearchRequest { Topics = ["llm"], Years = [2025] },
            new SearchRequest { Query = "transfromer" }, new SearchRequest { Query = "\"unbalanced" }, new SearchRequest(),
        };
        var expected = requests.Select(r => Describe(corpus.Service.Search(r))).ToList();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var k = i % requests.Length;
            Assert.Equal(expected[k], Describe(corpus.Service.Search(requests[k])));
        });
    }

    private static string Describe(SearchResponse response) =>
        $"{response.TotalHits}|{string.Join(',', response.Results.Select(r => r.Id + r.SnippetHtml))}|" +
        string.Join(';', response.Facets.Select(f => f.Name + string.Join(',', f.Values))) + "|" + string.Join(',', response.Suggestions.Select(s => s.Text));
}
