using System.Globalization;
using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

public class SearchFacetTests
{
    public static TheoryData<string> Requests() => ["none", "query", "topic", "topics+category", "year+code", "author+excluded", "everything"];

    private static SearchRequest Named(string name) => name switch
    {
        "query" => new SearchRequest { Query = "sensors OR transformer OR fine-tuning" },
        "topic" => new SearchRequest { Topics = ["ecology"] },
        "topics+category" => new SearchRequest { Topics = ["ecology", "llm"], Categories = ["cs.cl", "stat.ML"] },
        "year+code" => new SearchRequest { Years = [2025, 2023], HasCode = true },
        "author+excluded" => new SearchRequest { Authors = ["Alan Turing"], ExcludedTopics = ["llm"] },
        "everything" => new SearchRequest
        {
            Query = "sensors OR adapters OR speech", Topics = ["climate", "ecology", "speech"], Categories = ["stat.ML", "cs.SD"],
            Years = [2023, 2024, 2025], HasCode = true, Authors = ["Niels Bohr", "Alan Turing", "Claude Shannon"],
            From = new DateOnly(2023, 1, 1), To = new DateOnly(2025, 12, 31),
        },
        _ => new SearchRequest(),
    };

    /// <summary>The request with only <paramref name="value"/> selected in <paramref name="facet"/> (the other facets' filters kept).</summary>
    private static SearchRequest Select(SearchRequest request, string facet, string value) => facet switch
    {
        FacetNames.Topic => request with { Topics = [value] },
        FacetNames.Category => request with { Categories = [value] },
        FacetNames.Year => request with { Years = [int.Parse(value, CultureInfo.InvariantCulture)] },
        FacetNames.HasCode => request with { HasCode = value == "yes" },
        FacetNames.Author => request with { Authors = [value] },
        _ => throw new ArgumentOutOfRangeException(nameof(facet)),
    };

    /// <summary>What clicking an unselected value gives: any-of facets add it to their selection, has-code replaces.</summary>
    private static SearchRequest Add(SearchRequest request, string facet, string value) => facet switch
    {
        FacetNames.Topic => request with { Topics = [.. request.Topics, value] },
        FacetNames.Category => request with { Categories = [.. request.Categories, value] },
        FacetNames.Year => request with { Years = [.. request.Years, int.Parse(value, CultureInfo.InvariantCulture)] },
        FacetNames.HasCode => request with { HasCode = value == "yes" },
        FacetNames.Author => request with { Authors = [.. request.Authors, value] },
        _ => throw new ArgumentOutOfRangeException(nameof(facet)),
    };

    /// <summary>
    /// An unselected value's count is the total its link gives (with values already selected in an any-of facet,
    /// the union); a selected value's count is how many of the current results have it (the value alone).
    /// </summary>
    [Theory]
    [MemberData(nameof(Requests))]
    public void Facets_EveryValueCount_EqualsTheTotalOfItsLink(string name)
    {
        using var corpus = new SearchCorpus();
        var request = Named(name);
        var response = corpus.Service.Search(request);
        Assert.Equal([FacetNames.Topic, FacetNames.Category, FacetNames.Year, FacetNames.HasCode, FacetNames.Author], response.Facets.Select(f => f.Name));
        var checkedValues = 0;
        foreach (var facet in response.Facets)
        {
            foreach (var value in facet.Values)
            {
                var expected = value.Selected ? Select(request, facet.Name, value.Value) : Add(request, facet.Name, value.Value);
                var total = corpus.Service.Search(expected).TotalHits;
                Assert.True(value.Count == total, $"{name}: {facet.Name}={value.Value} (selected: {value.Selected}) counted {value.Count}, its link finds {total}");
                checkedValues++;
            }
        }
        Assert.True(checkedValues > 5);
    }

    [Fact]
    public void AuthorFacet_PaperWithTwoAuthorsOfOneName_CountsOnce_AndTheResultListsBoth()
    {
        using var corpus = new SearchCorpus(
        [
            SearchCorpus.Paper("2502.17823", "Homonyms in author lists", "Two people share a name.", ["Hui Liu", "Jane Doe", "Hui Liu"]),
            SearchCorpus.Paper("2502.00002", "Another paper", "One more author.", ["Hui Liu"]),
        ]);

        var response = corpus.Service.Search(new SearchRequest());
        var filtered = corpus.Service.Search(new SearchRequest { Authors = ["Hui Liu"] });

        Assert.Contains(new FacetValue("Hui Liu", 2, false), response.Facet(FacetNames.Author)!.Values);
        Assert.Contains(new FacetValue("Jane Doe", 1, false), response.Facet(FacetNames.Author)!.Values);
        Assert.Equal(2, filtered.TotalHits);
        Assert.Equal(["Hui Liu", "Jane Doe", "Hui Liu"], response.Results.Single(r => r.Id == "2502.17823").Authors);
    }

    [Fact]
    public void Search_WithTopicFilter_CountsOnlyMatchingPapers()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Service.Search(new SearchRequest { Topics = ["vision"] });
        Assert.Equal(2, response.TotalHits);
        Assert.All(response.Results, r => Assert.Contains("vision", r.Topics));
        var categories = response.Facet(FacetNames.Category)!.Values;
        Assert.Equal([new FacetValue("cs.CV", 2, false)], categories);
        // The topic facet ignores its own selection, so other topics stay available to add; adding one gives the union.
        var union = corpus.Service.Search(new SearchRequest { Topics = ["vision", "llm"] }).TotalHits;
        Assert.True(union > 2);
        Assert.Contains(response.Facet(FacetNames.Topic)!.Values, v => v.Value == "llm" && v.Count == union && !v.Selected);
        Assert.Contains(response.Facet(FacetNames.Topic)!.Values, v => v.Value == "vision" && v.Selected);
    }

    [Fact]
    public void Search_WithSelectedValueWithoutMatches_StillListsItAtZero()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Service.Search(new SearchRequest { Query = "qubits", Topics = ["vision"], Authors = ["Nobody Known"], Categories = ["cs.cv"] });
        Assert.Equal(0, response.TotalHits);
        Assert.Contains(new FacetValue("vision", 0, true), response.Facet(FacetNames.Topic)!.Values);
        Assert.Contains(new FacetValue("Nobody Known", 0, true), response.Facet(FacetNames.Author)!.Values);
        Assert.Contains(new FacetValue("cs.CV", 0, true), response.Facet(FacetNames.Category)!.Values);
    }

    [Fact]
    public void Facets_AreSortedByCountThenValue_AndAuthorsKeepTheTopTen()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("");
        foreach (var facet in response.Facets)
        {
            var expected = facet.Values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, facet.Values);
        }
        Assert.Equal("Alan Turing", response.Facet(FacetNames.Author)!.Values[0].Value);
        Assert.Equal(["no", "yes"], response.Facet(FacetNames.HasCode)!.Values.Select(v => v.Value).Order());
    }

    [Fact]
    public void Facets_WithManyValues_KeepTheTopTenAuthorsAndEveryYear()
    {
        var papers = Enumerable.Range(0, 15).Select(i => SearchCorpus.Paper(
            $"2501.{i:D5}", $"Paper {i}", "Words.", [$"Author {i:D2}", "Shared Author"], $"{2010 + i}-01-01"));
        using var corpus = new SearchCorpus(papers);
        var response = corpus.Search("");
        var authors = response.Facet(FacetNames.Author)!.Values;
        Assert.Equal(10, authors.Count);
        Assert.Equal(new FacetValue("Shared Author", 15, false), authors[0]);
        Assert.Equal("Author 00", authors[1].Value);
        Assert.Equal(15, response.Facet(FacetNames.Year)!.Values.Count);
    }

    [Fact]
    public void Search_WithExcludedTopic_LeavesItsPapersOut()
    {
        using var corpus = new SearchCorpus();
        var all = corpus.Search("").TotalHits;
        var response = corpus.Service.Search(new SearchRequest { ExcludedTopics = ["ecology"] });
        Assert.Equal(all - 6, response.TotalHits);
        Assert.All(response.Results, r => Assert.DoesNotContain("ecology", r.Topics));
    }
}
