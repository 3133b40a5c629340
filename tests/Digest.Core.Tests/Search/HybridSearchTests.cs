using Digest.Core.Papers;
using Digest.Core.Search;
using Digest.Core.Semantic;
using Digest.Core.Tests.Semantic;

namespace Digest.Core.Tests.Search;

/// <summary>Hybrid search with the real packaged model: natural-language queries find papers by meaning; everything else stays lexical.</summary>
public sealed class HybridSearchTests(EmbeddingModelFixture model) : IClassFixture<EmbeddingModelFixture>
{
    // The semantic corpus's papers on clearly different subjects, spread over categories and years so facets differ.
    private static readonly IReadOnlyList<Paper> Papers =
    [
        .. SemanticCorpus.Papers.Select((p, i) => p with
        {
            Categories = [i % 2 == 0 ? "cs.LG" : "cs.CL"],
            Published = new DateOnly(2023 + i % 3, 3, 1 + i),
        }),
    ];

    [Fact]
    public void Search_QuestionSharingNoWordWithThePaper_FindsItByMeaning()
    {
        using var semantic = Embedded(Papers);
        using var corpus = new SearchCorpus(Papers, semantic: semantic.Neighbours);
        // No word of this question is in the locomotion paper (2503.00003): only its meaning is.
        var response = corpus.Search("four footed automatons practise hiking virtually before going outdoors");
        Assert.True(response.SemanticMatch);
        Assert.Equal("2503.00003", response.Results[0].Id);
        Assert.Contains(response.Messages, m => m.StartsWith("Papers close in meaning", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_SameQuestionWithoutEmbeddings_FindsNothingByMeaning()
    {
        using var corpus = new SearchCorpus(Papers);
        var response = corpus.Search("four footed automatons practise hiking virtually before going outdoors");
        Assert.False(response.SemanticMatch);
        Assert.DoesNotContain(response.Results, r => r.Id == "2503.00003");
    }

    [Fact]
    public void Search_Hybrid_FacetCountsEqualTheTotalsTheirLinksLeadTo()
    {
        using var semantic = Embedded(Papers);
        using var corpus = new SearchCorpus(Papers, semantic: semantic.Neighbours);
        var request = new SearchRequest { Query = "which models turn spoken recordings into written text" };
        var response = corpus.Service.Search(request);
        Assert.True(response.SemanticMatch);
        foreach (var value in response.Facet(FacetNames.Category)!.Values)
        {
            var filtered = corpus.Service.Search(request with { Categories = [value.Value] });
            Assert.Equal(value.Count, filtered.TotalHits);
        }
        foreach (var value in response.Facet(FacetNames.Year)!.Values)
        {
            var filtered = corpus.Service.Search(request with { Years = [int.Parse(value.Value, System.Globalization.CultureInfo.InvariantCulture)] });
            Assert.Equal(value.Count, filtered.TotalHits);
        }
        // Sorted by date, the same set in another order.
        var newest = corpus.Service.Search(request with { Sort = SearchSort.Newest });
        Assert.Equal(response.TotalHits, newest.TotalHits);
        Assert.Equal(newest.Results.Select(r => r.Published).OrderDescending(), newest.Results.Select(r => r.Published));
    }

    [Theory]
    [InlineData("diffusion")]
    [InlineData("speech recognition")]
    [InlineData("\"diffusion models\" sampling faster photorealistic pictures prompts")]
    [InlineData("robot locomotion terrain -simulator quadruped walking")]
    public void Search_KeywordsOrSyntax_StayLexical(string query)
    {
        using var semantic = Embedded(Papers);
        using var corpus = new SearchCorpus(Papers, semantic: semantic.Neighbours);
        var response = corpus.Search(query);
        Assert.False(response.SemanticMatch);
    }

    [Fact]
    public void Search_NothingEmbeddedYet_IsLexical()
    {
        using var semantic = Embedded([]);
        using var corpus = new SearchCorpus(Papers, semantic: semantic.Neighbours);
        Assert.False(corpus.Search("four footed automatons practise hiking virtually before going outdoors").SemanticMatch);
    }

    [Fact]
    public void RelatedPapers_OfAnEmbeddedPaper_AreItsNearestByMeaning()
    {
        // Two papers about the same subject in different words, among unrelated ones.
        Paper[] papers =
        [
            .. Papers,
            SemanticCorpus.Paper("2503.00007", "Quadrupeds that walk on rocks", "Four-legged machines trained in a virtual world step over stones and gravel.", 7),
        ];
        using var semantic = Embedded(papers);
        using var corpus = new SearchCorpus(papers, semantic: semantic.Neighbours);
        var related = corpus.Service.RelatedPapers("2503.00007", 3);
        Assert.Equal("2503.00003", related[0].Id);
        Assert.DoesNotContain(related, r => r.Id == "2503.00007");
    }

    private EmbeddedPapers Embedded(IReadOnlyList<Paper> papers)
    {
        var index = new SemanticIndex();
        if (papers.Count > 0)
        {
            var vectors = model.Encoder.Encode([.. papers.Select(p => EmbeddingText.For(p.Title, p.Abstract, model.Options.MaxAbstractChars))]);
            for (var i = 0; i < papers.Count; i++) index.Upsert(papers[i].Id, vectors[i]);
        }
        var embedder = new QueryEmbedder(model.Encoder, model.Options);
        return new EmbeddedPapers(index, embedder, new SemanticNeighbourSearch(embedder, index));
    }

    private sealed record EmbeddedPapers(SemanticIndex Index, QueryEmbedder Embedder, SemanticNeighbourSearch Neighbours) : IDisposable
    {
        public void Dispose()
        {
            Embedder.Dispose();
            Index.Dispose();
        }
    }
}
