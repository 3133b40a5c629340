using Digest.Core.Indexing;
using Digest.Core.Papers;
using Digest.Core.Topics;

namespace Digest.Core.Tests.Topics;

/// <summary>The fast matcher must file every paper exactly as Lucene's own search over a one-document index does.</summary>
public sealed class TopicMatcherEquivalenceTests : IDisposable
{
    private readonly TopicAssigner _assigner = new(TaxonomyLoader.LoadDefault().Taxonomy!);

    public void Dispose() => _assigner.Dispose();

    [Fact]
    public void Matcher_AssignsTheSameTopicsAsLucene_OnEveryDevAndSamplePaper()
    {
        var papers = TopicTestData.DevPapers().Concat(TopicTestData.SampleDigestPapers()).ToList();
        var differences = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(papers, paper =>
        {
            var fast = _assigner.Assign(paper);
            var lucene = _assigner.Assign(paper, luceneOnly: true);
            if (!fast.SequenceEqual(lucene)) differences.Add($"{paper.Id}: matcher [{string.Join(", ", fast)}] vs Lucene [{string.Join(", ", lucene)}]");
        });
        Assert.True(differences.IsEmpty, string.Join("\n", differences.Take(20)));
    }

    [Fact]
    public void TopicsFromTheIngestAnalysis_AreTheTopicsOfAnalysingAgain_OnEveryDevAndSamplePaper()
    {
        // Ingest analyses each paper once (PaperTokens) for its topics and its index fields; filing must not change.
        var papers = TopicTestData.DevPapers().Concat(TopicTestData.SampleDigestPapers())
            .Select((p, i) => i % 3 == 0 ? p with { Keywords = ["large language models", "of", "fine-tuning of experts"] } : p)
            .ToList();
        var differences = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(papers, paper =>
        {
            var analysedAgain = _assigner.Assign(paper);
            var fromTokens = _assigner.Assign(paper, PaperTokens.Analyze(paper));
            if (!analysedAgain.SequenceEqual(fromTokens)) differences.Add($"{paper.Id}: [{string.Join(", ", analysedAgain)}] vs from tokens [{string.Join(", ", fromTokens)}]");
        });
        Assert.True(differences.IsEmpty, string.Join("\n", differences.Take(20)));
    }

    [Theory]
    [InlineData("title:\"fine-tuning\"", "Efficient fine-tuning of models", true)]
    [InlineData("title:\"fine-tuning\"", "Efficient finetuning of models", false)]
    [InlineData("title:\"fine tuning\"", "Efficient fine-tuning of models", true)]
    [InlineData("+diffusion -\"information diffusion\"", "Information diffusion in social networks", false)]
    [InlineData("+diffusion -\"information diffusion\"", "Diffusion models for images", true)]
    [InlineData("-robot", "Anything at all", false)]
    [InlineData("category:cs.RO AND grasp*", "Grasping objects", true)]
    public void CustomQueries_MatchLikeLucene(string query, string title, bool expected)
    {
        var taxonomy = TaxonomyLoader.FromText($"[probe]\nlabel = Probe\ndescription = A probe.\nquery = {query}\n", null).Taxonomy!;
        using var assigner = new TopicAssigner(taxonomy);
        var paper = new Paper { Id = "x", Title = title, Abstract = "An abstract.", Categories = ["cs.RO"] };
        Assert.Equal(expected, assigner.Assign(paper).Contains("probe"));
        Assert.Equal(expected, assigner.Assign(paper, luceneOnly: true).Contains("probe"));
    }
}
