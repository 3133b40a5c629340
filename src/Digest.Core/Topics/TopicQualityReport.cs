using Digest.Core.Papers;

namespace Digest.Core.Topics;

/// <summary>
/// How well a taxonomy covers a collection: the share of papers with at least one topic, each topic's count and
/// share, and the papers left without a topic. Curators use it to check a taxonomy before they ship it.
/// </summary>
public sealed record TopicQualityReport(
    int PaperCount,
    int CoveredCount,
    IReadOnlyList<TopicShare> Topics,
    IReadOnlyList<Paper> Uncovered)
{
    /// <summary>Share of papers with at least one topic (0 to 1; 1 for an empty collection).</summary>
    public double Coverage => PaperCount == 0 ? 1 : (double)CoveredCount / PaperCount;

    /// <summary>The topic holding the most papers, or null for an empty taxonomy.</summary>
    public TopicShare? Largest => Topics.MaxBy(t => t.Count);

    /// <summary>Assigns every paper once and counts.</summary>
    public static TopicQualityReport Compute(TopicAssigner assigner, IEnumerable<Paper> papers)
    {
        var topics = assigner.Taxonomy.Topics;
        var counts = topics.ToDictionary(t => t.Slug, _ => 0, StringComparer.Ordinal);
        var uncovered = new List<Paper>();
        var total = 0;
        foreach (var paper in papers)
        {
            total++;
            var slugs = assigner.Assign(paper);
            if (slugs.Count == 0) uncovered.Add(paper);
            foreach (var slug in slugs) counts[slug]++;
        }

        var shares = topics
            .Select(t => new TopicShare(t.Slug, t.Parent, counts[t.Slug], total == 0 ? 0 : (double)counts[t.Slug] / total))
            .ToList();
        return new TopicQualityReport(total, total - uncovered.Count, shares, uncovered);
    }

    /// <summary>Writes the figures as plain text: coverage, largest topic, then one line per topic in taxonomy order.</summary>
    public void Format(TextWriter writer)
    {
        writer.WriteLine(FormattableString.Invariant($"papers: {PaperCount}"));
        writer.WriteLine(FormattableString.Invariant($"with at least one topic: {CoveredCount} ({Coverage:P1})"));
        writer.WriteLine(FormattableString.Invariant($"without a topic: {Uncovered.Count}"));
        if (Largest is { } largest)
            writer.WriteLine(FormattableString.Invariant($"largest topic: {largest.Slug} {largest.Count} ({largest.Share:P1})"));
        writer.WriteLine();
        foreach (var topic in Topics)
        {
            var name = topic.Parent is null ? topic.Slug : "  " + topic.Slug;
            writer.WriteLine(FormattableString.Invariant($"{name,-30} {topic.Count,7} {topic.Share,7:P1}"));
        }
    }
}
