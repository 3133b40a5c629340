using Digest.Core.Papers;
using Digest.Core.Topics;

namespace Digest.Core.Tests.Topics;

public sealed class TopicAssignerTests : IDisposable
{
    private readonly TopicAssigner _assigner = new(TaxonomyLoader.LoadDefault().Taxonomy!);

    public void Dispose() => _assigner.Dispose();

    [Theory]
    [InlineData("Is Mamba Effective for Time Series Forecasting?", "time-series")]
    [InlineData("Is Mamba Effective for Time Series Forecasting?", "state-space-models")]
    [InlineData("DyLoRA", "fine-tuning")]
    [InlineData("Fire Together Wire Together: A Dynamic Pruning Approach", "sparsity-pruning")]
    [InlineData("Dynamic Sparse Learning: A Novel Paradigm for Efficient Recommendation", "recommender-systems")]
    [InlineData("Diffusion-Based Neural Network Weights Generation", "diffusion")]
    [InlineData("Pay Attention to Evolution: Time Series Forecasting", "time-series")]
    public void Sample_digest_paper_gets_its_topic(string titleStart, string slug)
    {
        Assert.Contains(slug, _assigner.Assign(TopicTestData.SamplePaper(titleStart)));
    }

    [Theory]
    [InlineData("Is Mamba Effective for Time Series Forecasting?", "computer-vision")]
    [InlineData("Is Mamba Effective for Time Series Forecasting?", "robotics")]
    [InlineData("Fire Together Wire Together: A Dynamic Pruning Approach", "llm")]
    [InlineData("Pay Attention to Evolution: Time Series Forecasting", "efficient-inference")]
    public void Sample_digest_paper_does_not_get_an_unrelated_topic(string titleStart, string slug)
    {
        Assert.DoesNotContain(slug, _assigner.Assign(TopicTestData.SamplePaper(titleStart)));
    }

    [Fact]
    public void Child_topic_comes_with_its_parent()
    {
        var slugs = _assigner.Assign(TopicTestData.SamplePaper("DyLoRA"));

        Assert.Contains("llm", slugs);
    }

    [Fact]
    public void Child_is_not_assigned_when_the_parent_does_not_match()
    {
        // LoRA on image classifiers: fine-tuning vocabulary, but not an LLM paper, so not in llm's child either.
        var paper = new Paper
        {
            Id = "x",
            Title = "LoRA adapters for image classifiers",
            Abstract = "We adapt convolutional image classifiers with low-rank adaptation (LoRA) and evaluate on ImageNet.",
            Categories = ["cs.CV"],
        };

        var slugs = _assigner.Assign(paper);

        Assert.DoesNotContain("fine-tuning", slugs);
        Assert.DoesNotContain("llm", slugs);
        Assert.Contains("transfer-learning", slugs);
    }

    [Fact]
    public void Information_diffusion_in_social_networks_is_not_a_diffusion_model()
    {
        var paper = new Paper
        {
            Id = "x",
            Title = "Modeling information diffusion on social networks",
            Abstract = "We study information diffusion and influence maximization, using a diffusion model of rumor cascades on Twitter.",
        };

        Assert.DoesNotContain("diffusion", _assigner.Assign(paper));
    }

    [Fact]
    public void Category_is_matched_exactly()
    {
        var paper = new Paper { Id = "x", Title = "A controller", Abstract = "We design a controller.", Categories = ["eess.SY"] };

        Assert.Contains("control-systems", _assigner.Assign(paper));
    }

    [Fact]
    public void Slugs_come_in_taxonomy_order()
    {
        var order = _assigner.Taxonomy.Topics.Select(t => t.Slug).ToList();
        var slugs = _assigner.Assign(TopicTestData.SamplePaper("Is Mamba Effective"));

        Assert.Equal(slugs.OrderBy(order.IndexOf), slugs);
    }

    [Fact]
    public void Concurrent_assignment_gives_the_same_answers()
    {
        var papers = TopicTestData.SampleDigestPapers();
        var expected = papers.Select(p => string.Join(",", _assigner.Assign(p))).ToList();

        var actual = new string[papers.Count];
        Parallel.For(0, papers.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 2 },
            i => actual[i % papers.Count] = string.Join(",", _assigner.Assign(papers[i % papers.Count])));

        Assert.Equal(expected, actual);
    }
}
