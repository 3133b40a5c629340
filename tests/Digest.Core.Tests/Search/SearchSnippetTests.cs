using System.Text.RegularExpressions;
using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

public partial class SearchSnippetTests
{
    [GeneratedRegex(@"<(?!/?mark>)")]
    private static partial Regex MarkupOtherThanMark();

    [Fact]
    public void Snippets_MarkMatchedTermsInTitleAndAbstract()
    {
        using var corpus = new SearchCorpus();
        var result = corpus.Search("protein").Results.Single();
        Assert.Equal("Transformers for <mark>protein</mark> folding", result.TitleHtml);
        Assert.Contains("<mark>protein</mark> structure", result.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippets_EncodeStoredMarkup_AndAddOnlyMarkTags()
    {
        using var corpus = new SearchCorpus();
        var result = corpus.Search("sanitizer").Results.Single();
        Assert.Contains("&lt;script&gt;", result.TitleHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", result.SnippetHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>sanitizer</mark>", result.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotMatch(MarkupOtherThanMark(), result.TitleHtml);
        Assert.DoesNotMatch(MarkupOtherThanMark(), result.SnippetHtml!);
        Assert.Equal("Escaping <script>alert(1)</script> in sanitizer titles", result.Title);
    }

    [Fact]
    public void Snippets_WithEmptyQuery_AreTheStartOfTheAbstractEncoded()
    {
        var longAbstract = "Alpha & beta <i>gamma</i> " + string.Join(' ', Enumerable.Repeat("delta", 80));
        using var corpus = new SearchCorpus([SearchCorpus.Paper("2501.00001", "T <b>", longAbstract)]);
        var result = corpus.Search("").Results.Single();
        Assert.StartsWith("Alpha &amp; beta &lt;i&gt;gamma&lt;/i&gt; delta", result.SnippetHtml, StringComparison.Ordinal);
        Assert.EndsWith("delta…", result.SnippetHtml, StringComparison.Ordinal);
        Assert.True(result.SnippetHtml!.Length < 300);
        Assert.Equal("T &lt;b&gt;", result.TitleHtml);
    }

    [Fact]
    public void Snippets_ForMatchDeepInLongAbstract_ShowTheMatch()
    {
        var filler = string.Concat(Enumerable.Repeat("Nothing to see in this sentence at all. ", 30));
        using var corpus = new SearchCorpus([SearchCorpus.Paper("2501.00001", "A long one", filler + "Then a glacier appears. " + filler)]);
        var result = corpus.Search("glacier").Results.Single();
        Assert.StartsWith("…Then a <mark>glacier</mark> appears.", result.SnippetHtml, StringComparison.Ordinal);
        Assert.EndsWith("…", result.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippets_WhenNotRequested_AreNull()
    {
        using var corpus = new SearchCorpus();
        var result = corpus.Service.Search(new SearchRequest { Query = "protein", IncludeSnippets = false }).Results.Single();
        Assert.Null(result.SnippetHtml);
        Assert.Equal("Transformers for protein folding", result.TitleHtml);
    }

    [Fact]
    public void Snippets_ForHyphenatedQuery_MarkTheCompound()
    {
        using var corpus = new SearchCorpus();
        var result = corpus.Search("fine-tuning").Results.First(r => r.Id == "2501.00001");
        Assert.Contains("<mark>", result.TitleHtml, StringComparison.Ordinal);
    }
}
