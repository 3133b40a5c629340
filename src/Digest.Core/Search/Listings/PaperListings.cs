using Digest.Core.Indexing;
using Digest.Core.Papers;
using Digest.Core.Search.Queries;
using Digest.Core.Search.Snapshots;
using Digest.Core.Topics;
using Lucene.Net.Search;

namespace Digest.Core.Search.Listings;

/// <summary>
/// Listings from the counts a reader keeps (see <see cref="Facets.FacetCache"/>): papers per month, digest days, and
/// completions ranked by how many papers a topic or author has. Thread-safe.
/// </summary>
internal static class PaperListings
{
    /// <summary>Papers per publication month, ascending, optionally only those with topic <paramref name="slug"/>.</summary>
    public static IReadOnlyList<MonthCount> MonthCounts(IndexSearcher searcher, string? slug) =>
        [.. CountAll(searcher, PaperFields.Month, slug).Select(p => new MonthCount(p.Label, p.Count))];

    /// <summary>Every digest day with the number of papers listed on it, ascending.</summary>
    public static IReadOnlyList<DigestDayCount> DigestDays(IndexSearcher searcher) =>
        [.. CountAll(searcher, PaperFields.DigestDay, topic: null)
            .Select(p => (Day: IsoDay.Parse(p.Label), p.Count))
            .Where(p => p.Day is not null)
            .Select(p => new DigestDayCount(p.Day!.Value, p.Count))];

    /// <summary>Completions of <paramref name="key"/> (normalised), at most <paramref name="max"/>; see <see cref="SearchService.Complete"/>.</summary>
    public static IReadOnlyList<SearchSuggestion> Complete(IndexSearcher searcher, string key, Taxonomy taxonomy, int max)
    {
        var facets = SnapshotSearcher.Of(searcher).Facets;
        // Live counts per value, kept per reader for the facets anyway.
        int Count(string field, string value) =>
            facets.For(field).OrdinalOf(value) is var ord and >= 0 ? facets.AllCounts(field)[ord] : 0;
        return PrefixCompletions.Find(searcher.IndexReader, key, taxonomy, slug => Count(PaperFields.Topic, slug), name => Count(PaperFields.AuthorExact, name), max);
    }

    /// <summary>
    /// Counts of <paramref name="field"/>'s values over every paper or those of <paramref name="topic"/>. Both are
    /// kept per reader: the topics page charts every topic on each view, and only a refresh changes them.
    /// </summary>
    private static List<(string Label, int Count)> CountAll(IndexSearcher searcher, string field, string? topic)
    {
        var facets = SnapshotSearcher.Of(searcher).Facets;
        var ordinals = facets.For(field);
        var counts = topic is null ? facets.AllCounts(field) : facets.TopicCounts(searcher, field, topic);
        return [.. counts.Select((count, ord) => (Label: ordinals.Labels[ord], Count: count)).Where(p => p.Count > 0)];
    }
}
