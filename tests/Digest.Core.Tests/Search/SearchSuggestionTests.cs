using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

public class SearchSuggestionTests
{
    [Fact]
    public void Search_WithNoResultsBecauseOfAFilter_SuggestsRemovingIt()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Service.Search(new SearchRequest { Query = "protein", Years = [2022], HasCode = false });
        Assert.Equal(0, response.TotalHits);
        var suggestion = Assert.Single(response.Suggestions);
        Assert.Equal(SearchSuggestionKind.RemoveFilter, suggestion.Kind);
        Assert.Equal(FacetNames.Year, suggestion.Text);
        Assert.Equal(1, suggestion.Count);
        Assert.Empty(suggestion.Request.Years);
        Assert.Equal(1, corpus.Service.Search(suggestion.Request).TotalHits);
    }

    [Fact]
    public void Search_WithMisspelledWord_SuggestsTheCorrectedQuery()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("transfromer");
        Assert.Equal(0, response.TotalHits);
        var suggestion = Assert.Single(response.Suggestions);
        Assert.Equal(SearchSuggestionKind.Spelling, suggestion.Kind);
        Assert.Equal("transformer", suggestion.Text);
        Assert.Equal(2, suggestion.Count);
    }

    [Fact]
    public void Search_WithMisspelledWordAmongOthers_KeepsTheRestOfTheQuery()
    {
        using var corpus = new SearchCorpus();
        var suggestion = Assert.Single(corpus.Search("protien folding").Suggestions);
        Assert.Equal("protein folding", suggestion.Text);
        Assert.Equal(1, suggestion.Count);
    }

    [Fact]
    public void Search_WithResults_HasNoSuggestions()
    {
        using var corpus = new SearchCorpus();
        Assert.Empty(corpus.Search("protein").Suggestions);
    }
}
