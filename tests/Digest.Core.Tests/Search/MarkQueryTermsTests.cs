namespace Digest.Core.Tests.Search;

public class MarkQueryTermsTests
{
    private const string Abstract = "Models were tuned on prices. Tuning them <fast> is cheap; untuned ones drift.";

    [Theory]
    [InlineData("tuning")]
    [InlineData("price")]
    [InlineData("abstract:tune*")]
    [InlineData("\"tuning them\"")]
    public void MarkQueryTerms_MarksWhatTheResultSnippetMarks(string query)
    {
        using var corpus = new SearchCorpus([SearchCorpus.Paper("2502.00001", "A paper", Abstract)]);
        var snippet = Assert.Single(corpus.Search(query).Results).SnippetHtml;

        Assert.Equal(snippet, corpus.Service.MarkQueryTerms(Abstract, query));
    }

    [Fact]
    public void MarkQueryTerms_StemmedForms_AreMarkedAndPrefixesOfOtherWordsAreNot()
    {
        using var corpus = new SearchCorpus([SearchCorpus.Paper("2502.00001", "A paper", Abstract)]);

        var html = corpus.Service.MarkQueryTerms(Abstract, "tuning");

        Assert.Contains("<mark>tuned</mark>", html);
        Assert.Contains("<mark>Tuning</mark>", html);
        Assert.DoesNotContain("<mark>untuned</mark>", html);
        Assert.Contains("&lt;fast&gt;", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"unbalanced (")]
    [InlineData("-tuning")]
    public void MarkQueryTerms_WithoutMarkableWords_IsTheEncodedText(string? query)
    {
        using var corpus = new SearchCorpus([SearchCorpus.Paper("2502.00001", "A paper", Abstract)]);

        var html = corpus.Service.MarkQueryTerms(Abstract, query);

        Assert.DoesNotContain("<mark>", html);
        Assert.Equal(System.Net.WebUtility.HtmlEncode(Abstract), html);
    }
}
