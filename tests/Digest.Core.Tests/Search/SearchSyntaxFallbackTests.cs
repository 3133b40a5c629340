using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

public class SearchSyntaxFallbackTests
{
    [Theory]
    [InlineData("\"unbalanced protein")]
    [InlineData("(((")]
    [InlineData("title:")]
    [InlineData("AND")]
    [InlineData("*foo")]
    [InlineData("a~~~")]
    [InlineData("\\")]
    [InlineData("protein ^")]
    [InlineData("~")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("' OR 1=1 --")]
    [InlineData("transformer)")]
    [InlineData("/regex.*/")]
    [InlineData("abstract:[a TO z]")]
    public void Search_WithInvalidSyntax_SearchesPlainWordsAndSaysSo(string query)
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search(query);
        Assert.True(response.SyntaxFallback, query);
        Assert.NotEmpty(response.Messages);
    }

    [Fact]
    public void Search_WithUnbalancedQuote_StillFindsTheWords()
    {
        using var corpus = new SearchCorpus();
        Assert.Equal(["2406.00004"], corpus.Ids("\"protein structure"));
    }

    [Fact]
    public void Search_WithScriptMarkupAsQuery_FindsThePaperThatContainsIt()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("<script>alert(1)</script>");
        Assert.Equal(["2301.00008"], response.Results.Select(r => r.Id));
        Assert.DoesNotContain("<script>", response.Results[0].TitleHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_WithTenThousandCharacterQuery_IsTruncatedWithMessage()
    {
        using var corpus = new SearchCorpus();
        var query = string.Join(' ', Enumerable.Repeat("protein", 1_250));
        var response = corpus.Search(query);
        Assert.True(response.Request.Query!.Length <= SearchRequest.MaxQueryLength);
        Assert.Contains(response.Messages, m => m.Contains("longer than", StringComparison.Ordinal));
        Assert.Equal(["2406.00004"], response.Results.Select(r => r.Id));
    }

    [Fact]
    public void Search_WithTenThousandSpecialCharacters_NeverThrows()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search(new string('(', 5_000) + new string('"', 5_000));
        Assert.Equal(0, response.TotalHits);
        Assert.NotEmpty(response.Messages);
    }

    [Fact]
    public void Search_WithOnlyStopWords_FindsNothingAndSaysSo()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("the of and");
        Assert.Equal(0, response.TotalHits);
        Assert.True(response.Messages.Any(m => m.Contains("no searchable words", StringComparison.Ordinal)), string.Join("|", response.Messages) + response.TotalHits + response.SyntaxFallback);
    }

    [Fact]
    public void Search_WithValidSyntax_IsNotFlagged()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("title:transformers AND (protein OR \"speech recognition\") -robot transform*");
        Assert.False(response.SyntaxFallback);
        Assert.Empty(response.Messages);
    }
}
