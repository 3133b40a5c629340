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
