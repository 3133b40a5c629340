using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Digest.Core.Search.Limits;
using Digest.Core.Search.Queries;
using Digest.Core.Search.Snippets;
using Digest.Core.Search;

namespace Digest.Core.Tests.Search;

/// <summary>The snippet builder on its own: queries parsed as the search page parses them, over the default corpus.</summary>
public partial class SnippetBuilderTests
{
    [GeneratedRegex(@"<(?!/?mark>)")]
    private static partial Regex MarkupOtherThanMark();

    [Fact]
    public void Abstract_ForInflectedQuery_MarksEveryFormWithTheSameStem()
    {
        var html = Abstract("forecasting", "We forecast demand; our forecasts beat the baseline.");
        Assert.Equal("We <mark>forecast</mark> demand; our <mark>forecasts</mark> beat the baseline.", html);
    }

    [Theory]
    [InlineData("LLMs")]
    [InlineData("LLM")]
    public void Abstract_ForAcronym_MarksSingularAndPlural(string query)
    {
        var html = Abstract(query, "Two LLMs and one LLM agree.");
        Assert.Equal("Two <mark>LLMs</mark> and one <mark>LLM</mark> agree.", html);
    }

    [Theory]
    [InlineData("fine-tuning")]
    [InlineData("Fine-Tuning")]
    [InlineData("finetuning")]
    [InlineData("fine tuning")]
    [InlineData("\"fine tuning\"")]
    public void Abstract_ForAnyHyphenVariant_MarksTheWholeCompound(string query)
    {
        var html = Abstract(query, "Cheap fine-tuning of adapters.");
        Assert.Equal("Cheap <mark>fine-tuning</mark> of adapters.", html);
    }

    [Fact]
    public void Abstract_ForHyphenatedQuery_MarksTheClosedAndOpenSpellings()
    {
        var html = Abstract("fine-tuning", "Finetuning, or fine tuning, or fine-tuned models.");
        Assert.Equal("<mark>Finetuning</mark>, or <mark>fine</mark> <mark>tuning</mark>, or <mark>fine-tuned</mark> models.", html);
    }

    [Fact]
    public void Abstract_ForOnePartOfACompound_MarksOnlyThatPart()
    {
        var html = Abstract("tuning", "Cheap fine-tuning.");
        Assert.Equal("Cheap fine-<mark>tuning</mark>.", html);
        // The joined "the" is a stop word, so "th-e" has no joined form to mark.
        Assert.Equal("th-<mark>e</mark>", Abstract("e", "th-e"));
    }

    [Fact]
    public void Abstract_ForPhraseWithStopWords_MarksItsWordsButNotTheStopWords()
    {
        var html = Abstract("\"state of the art\"", "A state of the art model beats state-of-the-art ones.");
        Assert.Equal("A <mark>state</mark> of the <mark>art</mark> model beats <mark>state-of-the-art</mark> ones.", html);
    }

    [Fact]
    public void Abstract_ForQueryWithStopWord_LeavesTheStopWordUnmarked()
    {
        Assert.Equal("The <mark>protein</mark> of the cell.", Abstract("the protein", "The protein of the cell."));
    }

    [Theory]
    [InlineData("naive", "A naïve baseline.", "naïve")]
    [InlineData("naïve", "A naive baseline.", "naive")]
    [InlineData("lukasiewicz", "In Łukasiewicz logic.", "Łukasiewicz")]
    [InlineData("resume", "Each Résumé counts.", "Résumé")]
    public void Abstract_ForAccentedOrPlainSpelling_MarksTheOther(string query, string text, string marked)
    {
        Assert.Contains($"<mark>{WebUtility.HtmlEncode(marked)}</mark>", Abstract(query, text), StringComparison.Ordinal);
    }

    [Fact]
    public void Abstract_WithLettersOutsideTheBasicPlane_SplitsWordsAsTheIndexDoes()
    {
        // "𝒜" is a letter: "𝒜protein" is one word, not "protein".
        var html = Abstract("protein", "𝒜protein and protein");
        Assert.Equal(WebUtility.HtmlEncode("𝒜protein and ") + "<mark>protein</mark>", html);
    }

    [Fact]
    public void Abstract_WithDigitsAndApostrophes_MarksTheWordsTheIndexHolds()
    {
        var html = Abstract("GPT-4", "GPT-4's answers with a 2048-token context.");
        Assert.StartsWith("<mark>GPT-4</mark>&#39;s answers", html, StringComparison.Ordinal);
        Assert.Contains("<mark>2048</mark>-token", Abstract("2048", "a 2048-token context"), StringComparison.Ordinal);
    }

    [Fact]
    public void Abstract_ForPrefixAndFuzzyQueries_MarksTheExpandedTerms()
    {
        Assert.Equal("A <mark>transformer</mark> <mark>transforms</mark> inputs.", Abstract("transform*", "A transformer transforms inputs."));
        Assert.Equal("Folded <mark>proteins</mark>.", Abstract("protien~", "Folded proteins."));
    }

    [Fact]
    public void Snippets_ForFieldQuery_MarkOnlyThatField()
    {
        Assert.Equal("protein folding", Abstract("title:protein", "protein folding"));
        Assert.Equal("<mark>protein</mark> folding", Title("title:protein", "protein folding"));
    }

    [Fact]
    public void Abstract_ForExcludedWord_DoesNotMarkIt()
    {
        Assert.Equal("<mark>transformer</mark> for protein", Abstract("transformer -protein", "transformer for protein"));
        Assert.Equal("<mark>protein</mark> transformer", Abstract("protein -transform*", "protein transformer"));
    }

    [Fact]
    public void Snippets_EncodeMarkupQuotesAndAmpersands_AndAddOnlyMarks()
    {
        const string text = "<script>alert(\"x\")</script> & 'script' kiddies";
        var html = Abstract("script", text);
        Assert.Equal("&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; &#39;<mark>script</mark>&#39; kiddies", html);
        Assert.Equal(html, Title("script", text));
        Assert.DoesNotMatch(MarkupOtherThanMark(), html);
    }

    [Fact]
    public void Abstract_WithMatchFarIntoLongText_ShowsTheSentenceHoldingIt()
    {
        var text = Filler(30) + "The quantum annealer wins by far. " + Filler(30);
        var html = Abstract("quantum", text);
        Assert.StartsWith("…The <mark>quantum</mark> annealer wins by far.", html, StringComparison.Ordinal);
        Assert.EndsWith("…", html, StringComparison.Ordinal);
        AssertIsWindowOf(text, html);
    }

    [Fact]
    public void Abstract_WithMatchInTheLastWords_ShowsAFullWindowEndingThere()
    {
        var text = Filler(30) + "In the end a quantum";
        var html = Abstract("quantum", text);
        Assert.EndsWith("<mark>quantum</mark>", html, StringComparison.Ordinal);
        Assert.True(Plain(html).Length > SnippetBuilder.FragmentSize * 3 / 4, html);
        AssertIsWindowOf(text, html);
    }

    [Fact]
    public void Abstract_PrefersTheWindowWithMoreDistinctTerms()
    {
        var text = "Graph theory is old. " + Filler(20) + "Graph neural networks are new. " + Filler(20);
        var html = Abstract("graph neural", text);
        Assert.Contains("<mark>Graph</mark> <mark>neural</mark> networks", html, StringComparison.Ordinal);
        AssertIsWindowOf(text, html);
    }

    [Fact]
    public void Abstract_PrefersTheWindowWithMoreMatches()
    {
        var text = "Graph theory is old. " + Filler(20) + "A graph of graphs is a graph. " + Filler(20);
        var html = Abstract("graph", text);
        Assert.StartsWith("…A <mark>graph</mark> of <mark>graphs</mark> is a <mark>graph</mark>.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Abstract_WithMatchesNearTheStart_StartsAtTheStart()
    {
        var text = "Protein folding matters. " + Filler(30);
        var html = Abstract("protein", text);
        Assert.StartsWith("<mark>Protein</mark> folding matters.", html, StringComparison.Ordinal);
        Assert.EndsWith("…", html, StringComparison.Ordinal);
        AssertIsWindowOf(text, html);
    }

    [Fact]
    public void Abstract_WithoutMatch_IsTheEncodedStartOfTheText()
    {
        var text = "Fish & <chips> " + Filler(30);
        Assert.Equal(WebUtility.HtmlEncode(SnippetBuilder.Truncate(text, SnippetBuilder.FragmentSize)), Abstract("protein", text));
    }

    [Fact]
    public void Snippets_WithoutQuery_AreTheEncodedText()
    {
        var text = "Fish & <chips> " + Filler(30);
        var (title, snippet) = WithBuilder(null, builder => (builder.Title("A <b> title"), builder.Abstract(text)));
        Assert.Equal("A &lt;b&gt; title", title);
        Assert.Equal(WebUtility.HtmlEncode(SnippetBuilder.Truncate(text, SnippetBuilder.FragmentSize)), snippet);
    }

    [Fact]
    public void Snippets_OfEmptyText_AreEmpty()
    {
        Assert.Equal("", Abstract("protein", ""));
        Assert.Equal("", Title("protein", ""));
    }

    [Fact]
    public void Abstract_OfAMegabyteOfText_IsAShortSnippet()
    {
        var text = string.Concat(Enumerable.Repeat("Protein folding & <b>rules</b>. ", 1024 * 1024 / 32));
        var html = Abstract("protein", text);
        Assert.StartsWith("<mark>Protein</mark> folding &amp; &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.True(html.Length < 600, html);
    }

    [Fact]
    public void Snippets_OfAMegabyteOfOddCharacters_DoNotThrowAndAddOnlyMarks()
    {
        var random = new Random(20250311);
        var odd = new StringBuilder();
        string[] pieces = ["\uD800", "\uDC00", "\uD835\uDC9C", "\u0000", "\u0007", "\u200B", "-", "--", " ", "<", "&", "\"", "protein", "é", "\u0301", "\r\n", "ǅ"];
        while (odd.Length < 1024 * 1024) odd.Append(pieces[random.Next(pieces.Length)]);
        var text = odd.ToString();
        var (title, snippet) = WithBuilder("protein", builder => (builder.Title(text), builder.Abstract(text)));
        Assert.DoesNotMatch(MarkupOtherThanMark(), snippet);
        Assert.Contains("<mark>protein</mark>", title, StringComparison.Ordinal);
        Assert.True(snippet.Length < 2000);
    }

    [Fact]
    public void Abstract_OfOneVeryLongWord_IsItsEncodedStart()
    {
        var word = "protein" + new string('x', 10_000);
        Assert.Equal(WebUtility.HtmlEncode(SnippetBuilder.Truncate(word, SnippetBuilder.FragmentSize)), Abstract("protein", word));
        var html = Abstract("protein", "protein " + word);
        Assert.StartsWith("<mark>protein</mark> proteinxxx", html, StringComparison.Ordinal);
        Assert.True(html.Length < 300);
    }

    [Fact]
    public void Abstract_WithLoneSurrogatesAndControlCharacters_MarksTheWordsBetween()
    {
        var html = Abstract("protein", "\uD800protein\u0001protein \uDC00 end");
        Assert.Equal(2, Regex.Count(html, "<mark>protein</mark>"));
    }

    [Fact]
    public void Truncate_NeverSplitsASurrogatePair()
    {
        var text = new string('a', 9) + "𝒜𝒜𝒜";
        Assert.Equal(new string('a', 9) + "…", SnippetBuilder.Truncate(text, 10));
    }

    private static string Abstract(string query, string text) => WithBuilder(query, builder => builder.Abstract(text));

    private static string Title(string query, string text) => WithBuilder(query, builder => builder.Title(text));

    /// <summary>Runs <paramref name="use"/> on a builder for <paramref name="query"/> (null: browsing), in a corpus of its own.</summary>
    private static T WithBuilder<T>(string? query, Func<SnippetBuilder, T> use)
    {
        using var corpus = new SearchCorpus();
        return corpus.Index.Search(searcher =>
        {
            var parsed = query is null ? null : new PaperQueryParser(corpus.Index.Analyzer, searcher.IndexReader, new WordFrequencies(corpus.Index.Analyzer), new Dictionary<string, string>(),
                new QueryAllowance(new SearchLimits()), new SearchDeadline(TimeSpan.FromMinutes(1))).Parse(query);
            return use(new SnippetBuilder(parsed, corpus.Index.Analyzer, searcher));
        });
    }

    /// <summary>Sentences with none of the tests' query words.</summary>
    private static string Filler(int sentences) =>
        string.Concat(Enumerable.Range(0, sentences).Select(i => $"Sentence {i} says little about anything, really. "));

    private static string Plain(string html) => WebUtility.HtmlDecode(html.Replace("<mark>", "").Replace("</mark>", "")).Trim('…');

    /// <summary>The snippet is a part of the text that starts and ends at word boundaries, with "…" where cut.</summary>
    private static void AssertIsWindowOf(string text, string html)
    {
        var plain = Plain(html);
        var start = text.IndexOf(plain, StringComparison.Ordinal);
        Assert.True(start >= 0, html);
        var end = start + plain.Length;
        Assert.True(start == 0 || char.IsWhiteSpace(text[start - 1]), html);
        Assert.True(end == text.Length || !char.IsLetterOrDigit(text[end]), html);
        Assert.Equal(start > 0, html.StartsWith('…'));
        Assert.Equal(end < text.Length, html.EndsWith('…'));
        Assert.True(plain.Length <= SnippetBuilder.FragmentSize, html);
    }
}
