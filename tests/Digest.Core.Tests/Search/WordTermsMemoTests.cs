using Digest.Core.Indexing;
using Digest.Core.Search.Snippets;
namespace Digest.Core.Tests.Search;

public class WordTermsMemoTests
{
    [Fact]
    public void TermsOf_Word_IsItsAnalysedTermWithItsSpan()
    {
        using var analyzer = new EnglishTextAnalyzer();
        var memo = new WordTermsMemo(analyzer, PaperFields.Abstract);
        Assert.Equal([new WordTerm("forecast", 0, 11)], memo.TermsOf("Forecasting"));
        Assert.Equal([new WordTerm("naiv", 0, 5)], memo.TermsOf("naïve"));
    }

    [Fact]
    public void TermsOf_Compound_IsTheJoinedFormFirstThenItsParts()
    {
        using var analyzer = new EnglishTextAnalyzer();
        var memo = new WordTermsMemo(analyzer, PaperFields.Abstract);
        Assert.Equal([new WordTerm("finetun", 0, 11), new WordTerm("fine", 0, 4), new WordTerm("tune", 5, 11)], memo.TermsOf("fine-tuning"));
        Assert.Equal([new WordTerm("stateoftheart", 0, 16), new WordTerm("state", 0, 5), new WordTerm("art", 13, 16)], memo.TermsOf("state-of-the-art"));
    }

    [Fact]
    public void TermsOf_StopWordOrStrayHyphens_IsEmpty()
    {
        using var analyzer = new EnglishTextAnalyzer();
        var memo = new WordTermsMemo(analyzer, PaperFields.Abstract);
        Assert.Empty(memo.TermsOf("the"));
        Assert.Empty(memo.TermsOf("--"));
    }

    [Fact]
    public void TermsOf_SameWordTwice_AnalysesItOnce()
    {
        using var analyzer = new EnglishTextAnalyzer();
        var memo = new WordTermsMemo(analyzer, PaperFields.Abstract);
        var first = memo.TermsOf("graphs");
        Assert.Same(first, memo.TermsOf("graphs".AsSpan()));
        Assert.Equal(1, memo.Count);
    }

    [Fact]
    public void TermsOf_BeyondCapacity_StillAnalysesButKeepsNoMoreWords()
    {
        using var analyzer = new EnglishTextAnalyzer();
        var memo = new WordTermsMemo(analyzer, PaperFields.Abstract, capacity: 3);
        foreach (var word in new[] { "alpha", "beta", "gamma", "delta", "epsilon" }) memo.TermsOf(word);
        Assert.Equal(3, memo.Count);
        Assert.Equal("forecast", Assert.Single(memo.TermsOf("forecasting")).Text);
        Assert.Equal(3, memo.Count);
    }

    [Fact]
    public void TermsOf_FromManyThreads_StaysNearItsCapacity()
    {
        using var analyzer = new EnglishTextAnalyzer();
        var memo = new WordTermsMemo(analyzer, PaperFields.Abstract, capacity: 100);
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => Assert.Single(memo.TermsOf($"word{i}")));
        // Threads adding at the same moment may each pass the check: at most one extra word per thread.
        Assert.InRange(memo.Count, 100, 104);
    }

    [Fact]
    public void For_SameAnalyzerAndField_IsOneSharedMemo()
    {
        var analyzer = PaperAnalyzer.Create();
        Assert.Same(WordTermsMemo.For(analyzer, PaperFields.Abstract), WordTermsMemo.For(analyzer, PaperFields.Abstract));
        Assert.NotSame(WordTermsMemo.For(analyzer, PaperFields.Abstract), WordTermsMemo.For(analyzer, PaperFields.Title));
    }
}
