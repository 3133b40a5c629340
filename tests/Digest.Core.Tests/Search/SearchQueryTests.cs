using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

public class SearchQueryTests
{
    [Fact]
    public void Search_WithInflectedWord_FindsStemmedForms()
    {
        using var corpus = new SearchCorpus();
        Assert.Contains("2503.00010", corpus.Ids("forecasting"));
        Assert.Contains("2501.00001", corpus.Ids("forecast"));
        Assert.Contains("2501.00001", corpus.Ids("LLM"));
        Assert.Contains("2406.00004", corpus.Ids("transformer"));
    }

    [Theory]
    [InlineData("fine-tuning")]
    [InlineData("fine tuning")]
    [InlineData("finetuning")]
    [InlineData("Fine-Tuning")]
    [InlineData("fine-tune")]
    public void Search_WithAnyHyphenVariant_FindsEveryVariant(string query)
    {
        using var corpus = new SearchCorpus();
        var ids = corpus.Ids(query);
        // 00001 says "Fine-tuning", 00002 "Finetuning", 00003 "fine tuning".
        Assert.Contains("2501.00001", ids);
        Assert.Contains("2501.00002", ids);
        Assert.Contains("2502.00003", ids);
    }

    [Fact]
    public void Search_WithHyphenVariantAndAnotherWord_KeepsAndSemantics()
    {
        using var corpus = new SearchCorpus();
        Assert.Equal(["2501.00001", "2502.00003"], corpus.Ids("fine tuning language").Order());
        Assert.Equal(["2501.00002"], corpus.Ids("finetuning vision"));
        Assert.Equal(["2501.00001"], corpus.Ids("fine-tuning forecasting"));
    }

    [Fact]
    public void Search_WithSeveralWords_RequiresAllOfThemWhenAPaperHasAll()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("transformer protein");
        Assert.Equal(["2406.00004"], response.Results.Select(r => r.Id));
        Assert.False(response.PartialMatch);
    }

    [Fact]
    public void Search_WhenNoPaperHasAllWords_ShowsThoseWithSomeAndSaysSo()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("transformer robotic");
        // 2406.00004 and 2503.00010 say "transformer", 2309.00006 "robotic": none has both.
        Assert.Equal(["2309.00006", "2406.00004", "2503.00010"], response.Results.Select(r => r.Id).Order());
        Assert.True(response.PartialMatch);
        Assert.Contains(response.Messages, m => m.Contains("No paper has all of your 2 words together", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_WithQuotedPhrase_MatchesOnlyTheAdjacentWords()
    {
        using var corpus = new SearchCorpus();
        Assert.Equal(["2406.00004"], corpus.Ids("\"protein structure\""));
        Assert.Empty(corpus.Ids("\"structure protein\""));
    }

    [Fact]
    public void Search_WithPhraseAcrossTitleAndAbstract_DoesNotMatchTheSeam()
    {
        // Title, abstract and authors share the all-text field; a phrase must not run from one into the next.
        using var corpus = new SearchCorpus(
        [
            SearchCorpus.Paper("2601.00001", "Sparse attention for graph", "Neural operators learn faster.", ["Ada Lovelace"]),
            SearchCorpus.Paper("2601.00002", "Graph neural operators", "A study.", ["Alan Turing"]),
        ]);
        Assert.Equal(["2601.00002"], corpus.Ids("\"graph neural\""));
        Assert.Equal(["2601.00001", "2601.00002"], corpus.Ids("graph neural").Order());
        Assert.Empty(corpus.Ids("\"faster ada\""));
    }

    [Fact]
    public void Search_WithBareWords_MatchesTitleAbstractKeywordsAndAuthorsTogether()
    {
        using var corpus = new SearchCorpus(
        [
            SearchCorpus.Paper("2601.00003", "Protein design", "Diffusion over backbones.", ["Rosalind Franklin"]) with { Keywords = ["biology"] },
            SearchCorpus.Paper("2601.00004", "Image design", "Diffusion over pixels.", ["Grace Hopper"]),
        ]);
        // Each word of a query may come from a different part of the paper.
        Assert.Equal(["2601.00003"], corpus.Ids("franklin diffusion protein"));
        Assert.Equal(["2601.00003"], corpus.Ids("biology diffusion"));
        Assert.Equal(["2601.00004"], corpus.Ids("hopper pixels"));
        Assert.True(corpus.Search("hopper backbones").PartialMatch);
    }

    [Fact]
    public void Search_WithOr_MatchesEitherWord()
    {
        using var corpus = new SearchCorpus();
        Assert.Equal(["2205.00009", "2309.00006"], corpus.Ids("robotic OR qubits").Order());
    }

    [Fact]
    public void Search_WithNegation_ExcludesTheWord()
    {
        using var corpus = new SearchCorpus();
        Assert.Equal(["2406.00004"], corpus.Ids("transformer -speech"));
        Assert.Equal(["2406.00004"], corpus.Ids("transformer NOT speech"));
        var all = corpus.Service.Search(new SearchRequest { PageSize = 100 }).TotalHits;
        Assert.Equal(all - 2, corpus.Search("-transformer").TotalHits);
    }

    [Fact]
    public void Search_WithParentheses_GroupsAlternatives()
    {
        using var corpus = new SearchCorpus();
        Assert.Equal(["2406.00004", "2503.00010"], corpus.Ids("transformer (protein OR phonemes)").Order());
    }

    [Fact]
    public void Search_WithFieldPrefixes_SearchesThatFieldOnly()
    {
        using var corpus = new SearchCorpus();
        Assert.Equal(["2503.00010"], corpus.Ids("title:speech"));
        Assert.Equal(["2503.00010"], corpus.Ids("abstract:phonemes"));
        Assert.Empty(corpus.Ids("title:phonemes"));
        Assert.Equal(["2411.00007"], corpus.Ids("author:neumann"));
        Assert.Equal(["2309.00006", "2503.00010"], corpus.Ids("author:\"Claude Shannon\"").Order());
        Assert.Equal(["2406.00004"], corpus.Ids("category:q-bio.BM"));
        Assert.Equal(["2406.00004"], corpus.Ids("category:Q-BIO.bm"));
        Assert.Equal(["2309.00006"], corpus.Ids("topic:robotics"));
        Assert.Equal(["2205.00009"], corpus.Ids("year:2022 qubits"));
    }

    [Fact]
    public void Search_WithCategoryPrefixInLowerCase_FindsTheCategory()
    {
        using var corpus = new SearchCorpus();
        Assert.Equal(corpus.Search("category:cs.CV").TotalHits, corpus.Search("category:cs.cv").TotalHits);
        Assert.Equal(2, corpus.Search("category:cs.cv").TotalHits);
    }

    [Fact]
    public void Search_WithUnknownFieldPrefix_SearchesItAsWords()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("protein:structure");
        Assert.Equal(["2406.00004"], response.Results.Select(r => r.Id));
        Assert.False(response.SyntaxFallback);
    }

    [Fact]
    public void Search_WithTitleMatch_RanksItAboveAbstractMatch()
    {
        using var corpus = new SearchCorpus();
        // "transformer" is in 00004's title and abstract, in 00010's title and abstract; "forecast" is in 00001's title only, 00010's abstract only.
        Assert.Equal(["2501.00001", "2503.00010"], corpus.Ids("forecasting"));
    }

    [Theory]
    [InlineData("2406.00004")]
    [InlineData("arXiv:2406.00004")]
    [InlineData("https://arxiv.org/abs/2406.00004v2")]
    [InlineData("https://arxiv.org/pdf/2406.00004")]
    public void Search_WithArxivIdOfIndexedPaper_Redirects(string query)
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search(query);
        Assert.Equal("2406.00004", response.RedirectToPaperId);
    }

    [Fact]
    public void Search_WithArxivIdNotIndexed_DoesNotRedirect()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("2406.99999");
        Assert.Null(response.RedirectToPaperId);
        Assert.Equal(0, response.TotalHits);
    }
}
