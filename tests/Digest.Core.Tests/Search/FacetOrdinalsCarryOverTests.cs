using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Search.Facets;
using Digest.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Search;

/// <summary>
/// A reader that only adds a re-indexed paper (a vote, a curator's change) extends the previous reader's facet
/// ordinals instead of rebuilding them; one that brings a new value, merges segments or many papers builds them again.
/// Either way every count must be what the papers themselves give, author facet (frequent values) included.
/// </summary>
public sealed class FacetOrdinalsCarryOverTests
{
    [Fact]
    public void Counts_StayExact_AcrossReindexedPapers_NewValues_AndFrequentAuthorsCrossingTheirBound()
    {
        using var data = new TempDataDirectory();
        using var index = data.OpenIndex();
        var papers = Topics.TopicTestData.DevPapers().Take(2_000).ToDictionary(p => p.Id);
        foreach (var batch in papers.Values.Chunk(700))
        {
            index.Apply(batch, [], 1);
            index.Refresh();
        }
        var service = new SearchService(index, NullLogger<SearchService>.Instance);
        AssertCountsMatch(service, papers.Values);

        var seq = 2L;
        var random = new Random(7);
        var ids = papers.Keys.ToList();
        var frequent = papers.Values.SelectMany(p => p.Authors.Distinct()).GroupBy(a => a).OrderByDescending(g => g.Count()).First().Key;
        for (var step = 0; step < 24; step++)
        {
            var paper = papers[ids[random.Next(ids.Count)]];
            var changed = (step % 6) switch
            {
                // A vote: the same paper again, same values (the carried-over path).
                0 or 1 or 2 => paper with { Upvotes = (paper.Upvotes ?? 0) + 1 },
                // A value no paper had: built from scratch.
                3 => paper with { Authors = [.. paper.Authors, $"Newcomer Author {step}"] },
                // A rare author made a little more frequent, towards the frequent bound.
                4 => paper with { Authors = [.. paper.Authors, papers.Values.SelectMany(p => p.Authors).GroupBy(a => a).First(g => g.Count() == 1).Key] },
                // The most frequent author on one more paper.
                _ => paper with { Authors = [.. paper.Authors.Where(a => a != frequent), frequent] },
            };
            papers[changed.Id] = changed;
            index.Apply([changed], [], seq++);
            index.Refresh();
            AssertCountsMatch(service, papers.Values);
        }
    }

    [Fact]
    public void ARareAuthorRisingToTheTop_OnePaperAtATime_IsCountedExactlyAllTheWay()
    {
        using var data = new TempDataDirectory();
        using var index = data.OpenIndex();
        var papers = Topics.TopicTestData.DevPapers().Take(2_000).ToDictionary(p => p.Id);
        index.Apply([.. papers.Values], [], 1);
        index.Refresh();
        var service = new SearchService(index, NullLogger<SearchService>.Instance);
        AssertCountsMatch(service, papers.Values);

        // An author on one paper is added to others one re-index at a time, until no author has more papers: carried-over
        // ordinals, rebuilt ones (the bound crossed, segments merged) and the top of the author facet must all agree
        // with the papers. The bound itself is tested directly below.
        var rising = papers.Values.SelectMany(p => p.Authors).GroupBy(a => a).First(g => g.Count() == 1).Key;
        var top = papers.Values.SelectMany(p => p.Authors.Distinct()).GroupBy(a => a).Max(g => g.Count());
        var others = papers.Values.Where(p => !p.Authors.Contains(rising)).Take(top + 1).ToList();
        var seq = 2L;
        foreach (var paper in others)
        {
            var changed = paper with { Authors = [.. paper.Authors, rising] };
            papers[changed.Id] = changed;
            index.Apply([changed], [], seq++);
            index.Refresh();
            AssertCountsMatch(service, papers.Values);
        }
        Assert.Equal(rising, service.Search(new SearchRequest { IncludeSnippets = false }).Facet(FacetNames.Author)!.Values[0].Value);
    }

    [Fact]
    public void FrequentValues_RefuseToCarryOver_WhenAValueOutsideThemReachesTheirBound()
    {
        // Four values on one segment of six documents: values 0 and 1 on two papers each, 2 and 3 on one.
        (int[] Starts, int[] Ords) segment = ([0, 2, 4, 5, 6, 6, 6], [0, 1, 0, 1, 2, 3]);
        var frequent = FrequentFacetValues.Build([2, 2, 1, 1], [segment], candidates: 1)!;
        Assert.Equal(2, frequent.Threshold);
        Assert.Equal([0, 1], frequent.DenseToGlobal);

        // A new one-document segment with value 3: it now has two papers, as many as the bound, and is not among them.
        (int[] Starts, int[] Ords) added = ([0, 1], [3]);
        Assert.Null(frequent.TryExtend([2, 2, 1, 2], [0, -1], [null, added]));
        // With value 0 instead, the frequent set still holds every value at the bound: carried over, the new segment mapped.
        var extended = frequent.TryExtend([3, 2, 1, 1], [0, -1], [null, ([0, 1], [0])])!;
        Assert.Equal([0, 1], extended.DenseToGlobal);
        Assert.Same(frequent.Segment(0), extended.Segment(0));
        var counts = new int[2];
        extended.Segment(1).AddAllCounts(1, _ => true, counts);
        Assert.Equal([1, 0], counts);
    }

    private static void AssertCountsMatch(SearchService service, IEnumerable<Paper> papers)
    {
        var all = papers.ToList();
        var response = service.Search(new SearchRequest { IncludeSnippets = false });
        Assert.Equal(all.Count, response.TotalHits);
        var authors = all.SelectMany(p => p.Authors.Distinct()).GroupBy(a => a).Select(g => (g.Key, g.Count()))
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal).Take(10);
        Assert.Equal(authors, response.Facet(FacetNames.Author)!.Values.Select(v => (v.Value, v.Count)));
        var categories = all.SelectMany(p => p.Categories).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        foreach (var value in response.Facet(FacetNames.Category)!.Values) Assert.Equal(categories[value.Value], value.Count);
        // A narrower search (one category: the author facet counts only its hits) goes through the same ordinals.
        var category = response.Facet(FacetNames.Category)!.Values[^1].Value;
        var narrow = service.Search(new SearchRequest { Categories = [category], IncludeSnippets = false });
        var inCategory = all.Where(p => p.Categories.Contains(category)).ToList();
        Assert.Equal(inCategory.Count, narrow.TotalHits);
        var narrowAuthors = inCategory.SelectMany(p => p.Authors.Distinct()).GroupBy(a => a).Select(g => (g.Key, g.Count()))
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal).Take(10);
        Assert.Equal(narrowAuthors, narrow.Facet(FacetNames.Author)!.Values.Select(v => (v.Value, v.Count)));
    }
}
