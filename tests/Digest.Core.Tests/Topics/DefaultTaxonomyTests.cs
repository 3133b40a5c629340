using Digest.Core.Topics;

namespace Digest.Core.Tests.Topics;

public class DefaultTaxonomyTests
{
    private static readonly string[] RequiredSlugs =
    [
        "llm", "fine-tuning", "in-context-learning", "time-series", "state-space-models", "diffusion", "sparsity-pruning",
        "quantization", "efficient-inference", "continual-learning", "model-merging", "transfer-learning",
        "recommender-systems", "graph-learning", "reinforcement-learning", "computer-vision", "robotics", "learning-theory",
    ];

    [Fact]
    public void Default_taxonomy_loads_without_problems()
    {
        var result = TaxonomyLoader.LoadDefault();

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Default_taxonomy_has_30_to_60_topics_including_the_required_slugs()
    {
        var taxonomy = TaxonomyLoader.LoadDefault().Taxonomy!;

        Assert.InRange(taxonomy.Topics.Count, 30, 60);
        Assert.All(RequiredSlugs, slug => Assert.NotNull(taxonomy.Find(slug)));
    }

    [Fact]
    public void Every_topic_has_a_label_and_description()
    {
        Assert.All(TaxonomyLoader.LoadDefault().Taxonomy!.Topics, topic =>
        {
            Assert.False(string.IsNullOrWhiteSpace(topic.Label), topic.Slug);
            Assert.False(string.IsNullOrWhiteSpace(topic.Description), topic.Slug);
        });
    }

    [Fact]
    public void Every_sample_digest_paper_gets_at_least_one_topic()
    {
        using var assigner = new TopicAssigner(TaxonomyLoader.LoadDefault().Taxonomy!);
        var papers = TopicTestData.SampleDigestPapers();

        Assert.Equal(67, papers.Count);
        Assert.Empty(papers.Where(p => assigner.Assign(p).Count == 0).Select(p => p.Title));
    }
}
