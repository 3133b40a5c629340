namespace Digest.Core.Tests.Search;

public class RelatedPapersTests
{
    [Fact]
    public void RelatedPapers_FindSimilarPapers_AndNeverThePaperItself()
    {
        using var corpus = new SearchCorpus();
        var related = corpus.Service.RelatedPapers(corpus.Papers[10].Id);
        Assert.NotEmpty(related);
        Assert.DoesNotContain(corpus.Papers[10].Id, related.Select(r => r.Id));
        // The sensor surveys share most of their words.
        Assert.All(related.Take(3), r => Assert.StartsWith("Sensor survey", r.Title, StringComparison.Ordinal));
        Assert.True(related.Count <= 5);
    }

    [Fact]
    public void RelatedPapers_ForUnknownPaper_AreEmpty()
    {
        using var corpus = new SearchCorpus();
        Assert.Empty(corpus.Service.RelatedPapers("2999.99999"));
        Assert.Empty(corpus.Service.RelatedPapers(""));
    }
}
