using Digest.Core.Topics;
using Xunit.Abstractions;

namespace Digest.Core.Tests.Topics;

/// <summary>
/// The default taxonomy measured on papers-dev.jsonl. Run with
/// <c>dotnet test tests/Digest.Core.Tests --filter "FullyQualifiedName~DevPapersQuality" --logger "console;verbosity=detailed"</c>
/// to see the full report, the uncovered phrases and the 60-pair review sample.
/// </summary>
public sealed class DevPapersQualityTests(ITestOutputHelper output) : IDisposable
{
    private const int ReviewSeed = 20250311;

    private readonly TopicAssigner _assigner = new(TaxonomyLoader.LoadDefault().Taxonomy!);

    public void Dispose() => _assigner.Dispose();

    [Fact]
    public void Default_taxonomy_covers_90_percent_and_no_topic_holds_more_than_35_percent()
    {
        var report = TopicQualityReport.Compute(_assigner, TopicTestData.DevPapers());
        var text = new StringWriter();
        report.Format(text);
        output.WriteLine(text.ToString());

        Assert.True(report.Coverage >= 0.90, $"coverage {report.Coverage:P1}");
        Assert.True(report.Largest!.Share <= 0.35, $"{report.Largest.Slug} holds {report.Largest.Share:P1}");
    }

    [Fact]
    public void Uncovered_phrases_come_with_counts_and_examples()
    {
        var report = UncoveredPhraseFinder.Find(_assigner, TopicTestData.DevPapers(), top: 40);
        var text = new StringWriter();
        report.Format(text);
        output.WriteLine(text.ToString());

        Assert.NotEmpty(report.Phrases);
        Assert.All(report.Phrases, p => Assert.InRange(p.ExampleTitles.Count, 1, 3));
        Assert.Equal(report.Phrases.OrderByDescending(p => p.Count).Select(p => p.Count), report.Phrases.Select(p => p.Count));
    }

    [Fact]
    public void Review_sample_has_60_distinct_pairs()
    {
        var sample = ReviewSample();
        foreach (var (paper, slug) in sample)
            output.WriteLine($"{paper.Id} | {slug} | {paper.Title}\n    {paper.Abstract[..Math.Min(300, paper.Abstract.Length)]}\n");

        Assert.Equal(60, sample.Select(p => p.Paper.Id + " " + p.Slug).Distinct().Count());
    }

    /// <summary>60 (paper, topic) pairs drawn with a fixed seed from every assignment in file order.</summary>
    private List<(Digest.Core.Papers.Paper Paper, string Slug)> ReviewSample()
    {
        var random = new Random(ReviewSeed);
        return TopicTestData.DevPapers()
            .SelectMany(p => _assigner.Assign(p).Select(slug => (p, slug)))
            .OrderBy(_ => random.Next())
            .Take(60)
            .ToList();
    }
}
