using Digest.Core.Search.Limits;
using Digest.Core.Search.Queries;
using Digest.Core.Search;
using Lucene.Net.Search;

namespace Digest.Core.Tests.Search;

/// <summary>Every query construct that multiplies work is bounded, and the response names what a limit left out.</summary>
public class SearchCostLimitTests
{
    private static readonly string FuzzyFlood = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"ab{i}~"));

    [Fact]
    public void Parse_FuzzyFlood_BuildsOnlyTheAllowedFuzzyQueries()
    {
        using var corpus = new SearchCorpus();
        var limits = new SearchLimits();
        var query = Parse(corpus, FuzzyFlood, limits);
        // Each expanded term is searched in the text and, boosted, in the title.
        Assert.Equal(2 * limits.MaxExpandingTerms, Leaves(query).OfType<FuzzyQuery>().Count());
    }

    [Fact]
    public void Search_FuzzyFlood_SaysWhichTermsWereSearchedAsPlainWords()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search(FuzzyFlood);
        var notice = Assert.Single(response.Messages, m => m.Contains("expanded per search", StringComparison.Ordinal));
        Assert.Contains("“ab4~”", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("“ab3~”", notice, StringComparison.Ordinal);
        Assert.False(response.Incomplete);
    }

    [Fact]
    public void Search_WithFewExpandingTerms_ChangesNothing()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("transform* OR protien~");
        Assert.Contains("2406.00004", response.Results.Select(r => r.Id));
        Assert.DoesNotContain(response.Messages, m => m.Contains("expanded", StringComparison.Ordinal));
    }

    [Fact]
    public void Rewrite_FuzzyTerm_KeepsAtMostMaxFuzzyExpansionsTerms()
    {
        using var corpus = new SearchCorpus([SearchCorpus.Paper("2501.00001", "Animals", "A cat, a cot, a cut, a bat and a hat.")]);
        var unlimited = Parse(corpus, "abstract:cat~", new SearchLimits());
        var limited = Parse(corpus, "abstract:cat~", new SearchLimits { MaxFuzzyExpansions = 2 });
        Assert.True(corpus.Index.Search(searcher => Leaves(searcher.Rewrite(unlimited)).Count()) > 2);
        Assert.Equal(2, corpus.Index.Search(searcher => Leaves(searcher.Rewrite(limited)).OfType<TermQuery>().Count()));
    }

    [Fact]
    public void Search_PrefixMatchingManyTerms_SearchesItsMostFrequentTermsAndSaysSo()
    {
        using var corpus = new SearchCorpus(limits: new SearchLimits { MaxPrefixExpansions = 2 });
        var response = corpus.Search("s*");
        // "survey", "sensor" and "satellite" are in every ecosystem paper: the most frequent s-terms still find them.
        Assert.True(response.TotalHits >= 12, $"{response.TotalHits} hits");
        Assert.Contains(response.Messages, m => m.Contains("“s*” matched more than 2 word forms", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_LongPhrase_SearchesItsFirstWordsAndNamesTheRest()
    {
        using var corpus = new SearchCorpus(limits: new SearchLimits { MaxPhraseWords = 2 });
        var response = corpus.Search("\"protein structure from sequence\"");
        Assert.Equal(["2406.00004"], response.Results.Select(r => r.Id));
        Assert.Contains(response.Messages, m => m.Contains("“from sequence” was ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_TooManyWords_SearchesTheFirstOnesAndSaysSo()
    {
        using var corpus = new SearchCorpus();
        var words = string.Join(' ', Enumerable.Repeat("protein", 39).Append("structure").Concat(Enumerable.Repeat("nonexistentword", 20)));
        var response = corpus.Search(words);
        Assert.Equal(["2406.00004"], response.Results.Select(r => r.Id));
        Assert.Contains(response.Messages, m => m.Contains("more than 40 words", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_PastItsTimeBudget_ReturnsWhatItFoundMarkedIncomplete()
    {
        using var corpus = new SearchCorpus(limits: new SearchLimits { TimeBudget = TimeSpan.Zero });
        var response = corpus.Search("sensor");
        Assert.True(response.Incomplete);
        Assert.Contains(SearchService.IncompleteMessage, response.Messages);
        Assert.Empty(response.Suggestions);
    }

    [Fact]
    public void Search_WithinItsTimeBudget_IsComplete()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("sensor");
        Assert.False(response.Incomplete);
        Assert.Equal(12, response.TotalHits);
    }

    [Fact]
    public void Suggest_ManyMisspelledWords_CorrectsOnlyTheAllowedNumber()
    {
        using var corpus = new SearchCorpus(limits: new SearchLimits { MaxCorrectedWords = 1 });
        var response = corpus.Search("protien OR qubbits");
        var spelling = Assert.Single(response.Suggestions, s => s.Kind == SearchSuggestionKind.Spelling);
        Assert.Equal("protein OR qubbits", spelling.Text);
    }

    [Fact]
    public void Validate_LimitOutOfRange_NamesTheSetting()
    {
        var failures = new List<string>();
        SearchLimitsValidator.Validate(new SearchLimits { MaxExpandingTerms = -1, TimeBudget = TimeSpan.Zero, MaxConcurrent = 1, MaxConcurrentPerClient = 2 }, failures);
        Assert.Contains(failures, f => f.StartsWith("Digest:Search:MaxExpandingTerms (Digest__Search__MaxExpandingTerms)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Digest:Search:TimeBudget", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Digest:Search:MaxConcurrentPerClient", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        var failures = new List<string>();
        SearchLimitsValidator.Validate(new SearchLimits(), failures);
        Assert.Empty(failures);
    }

    private static Query Parse(SearchCorpus corpus, string text, SearchLimits limits) =>
        corpus.Index.Search(searcher => new PaperQueryParser(
            corpus.Index.Analyzer, searcher.IndexReader, new WordFrequencies(corpus.Index.Analyzer), new Dictionary<string, string>(),
            new QueryAllowance(limits), new SearchDeadline(limits.TimeBudget)).Parse(text));

    private static IEnumerable<Query> Leaves(Query query) => query is BooleanQuery boolean
        ? boolean.Clauses.SelectMany(c => Leaves(c.Query))
        : [query];
}
