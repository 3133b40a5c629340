namespace Digest.Core.Tests.Search;

/// <summary>Long and natural-language queries relax instead of failing; short keyword queries and syntax keep their meaning.</summary>
public class QueryRelaxationTests
{
    [Fact]
    public void Search_NaturalLanguageQuestion_FindsThePaperAReaderWantsFirst()
    {
        using var corpus = new SearchCorpus();
        // No paper has every word; the protein-folding paper has most of the informative ones.
        var response = corpus.Search("which transformer models can predict the folded structure of a protein sequence?");
        Assert.Equal("2406.00004", response.Results[0].Id);
        Assert.True(response.PartialMatch);
        Assert.Contains(response.Messages, m => m.StartsWith("Left out of the search as question words: “which”, “can”", StringComparison.Ordinal));
        Assert.Equal(["which", "can"], response.IgnoredWords);
    }

    [Fact]
    public void Search_QuestionWithOneSubjectWord_SearchesThatWordAlone()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("what is diffusion");
        Assert.Equal(["2411.00007"], response.Results.Select(r => r.Id));
        Assert.False(response.PartialMatch);
        Assert.Equal(["what"], response.IgnoredWords);
    }

    [Fact]
    public void Search_QuestionWordsOnly_AreSearchedRatherThanDropped()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("what which");
        Assert.Empty(response.IgnoredWords);
    }

    [Fact]
    public void Search_EveryTitleAsTyped_FindsItsPaperFirst()
    {
        using var corpus = new SearchCorpus();
        foreach (var paper in corpus.Papers.Where(p => !p.Title.Contains('<')))
        {
            var response = corpus.Search(paper.Title);
            Assert.Equal(paper.Id, response.Results[0].Id);
        }
    }

    [Fact]
    public void Search_LongQuery_StillRequiresItsPhraseAndExcludesItsNegation()
    {
        using var corpus = new SearchCorpus();
        // Four bare words relax, but the phrase must match and the negated word must not.
        var withPhrase = corpus.Search("sensors satellite imagery low \"ocean ecosystem\"");
        Assert.Equal(["2201.10000"], withPhrase.Results.Select(r => r.Id));
        var negated = corpus.Search("survey habitats sensors imagery -ocean -desert");
        Assert.DoesNotContain(negated.Results, r => r.Id is "2201.10000" or "2302.10001");
        Assert.Equal(10, negated.TotalHits);
    }

    [Fact]
    public void Search_LongQuery_RanksPapersWithMoreOfItsWordsFirst()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("policy gradient robotic arm simulation quantum");
        Assert.Equal("2309.00006", response.Results[0].Id);
        Assert.True(response.PartialMatch);
    }

    [Fact]
    public void Search_SomeWordsUnknown_NeverReturnsNothing()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("zzqxv transformer wqqpz");
        Assert.NotEmpty(response.Results);
        Assert.All(response.Results, r => Assert.Contains(r.Id, new[] { "2406.00004", "2503.00010" }));
    }

    [Fact]
    public void Search_LongQueryWithOr_KeepsTheOrGroupRequired()
    {
        using var corpus = new SearchCorpus();
        // The OR group is not bare words: a paper must have one of its words, whatever the other words do.
        var response = corpus.Search("(robotic OR qubits) policy gradient arm simulation noise");
        Assert.Equal(["2205.00009", "2309.00006"], response.Results.Select(r => r.Id).Order());
    }

    [Fact]
    public void Search_QuestionMarkEndingAWord_IsPunctuationNotAWildcard()
    {
        using var corpus = new SearchCorpus();
        Assert.Equal(["2411.00007"], corpus.Ids("diffusion?"));
        // Inside a word it stays the one-letter wildcard.
        Assert.Equal(["2205.00009"], corpus.Ids("qub?t"));
    }

    [Fact]
    public void Search_ParenthesisedAbbreviation_RelaxesLikeAWord()
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search("graph neural networks (GNN) predict molecular toxicity");
        Assert.Equal("2403.00005", response.Results[0].Id);
    }

    [Theory]
    [InlineData("the of and")]
    [InlineData("   ")]
    public void Search_StopWordsOnlyOrEmpty_AnswersWithoutResultsOrError(string query)
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search(query);
        if (query.Trim().Length == 0) Assert.Equal(corpus.Papers.Count, response.TotalHits);
        else Assert.Contains("Your query has no searchable words.", response.Messages);
    }

    [Fact]
    public void Search_FiveHundredWordQuery_AnswersAndSaysItWasShortened()
    {
        using var corpus = new SearchCorpus();
        var words = string.Join(' ', Enumerable.Range(0, 500).Select(i => i % 7 == 0 ? "protein" : $"word{i}"));
        var response = corpus.Search(words);
        Assert.Contains("2406.00004", response.Results.Select(r => r.Id));
        Assert.Contains(response.Messages, m => m.Contains("only the beginning was searched", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("трансформеры для белков")]
    [InlineData("蛋白质 折叠 的 变换器 模型")]
    [InlineData("طي البروتين")]
    public void Search_OtherScripts_AnswerWithoutError(string query)
    {
        using var corpus = new SearchCorpus();
        var response = corpus.Search(query);
        Assert.Empty(response.Results);
        Assert.False(response.Incomplete);
    }
}
