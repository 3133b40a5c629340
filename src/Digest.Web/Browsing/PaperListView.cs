using Digest.Core.Search;
using Digest.Core.Topics;

namespace Digest.Web.Browsing;

/// <summary>
/// Papers in a list (<c>_PaperList</c>): everything comes from the search results, never from a per-result database
/// query. One partial renders the whole list; a partial per paper costs a view lookup and activation each (votes and
/// the reader's buttons are the exception: <c>_PaperActions</c> is the one place they are drawn). With <see cref="TrendingAt"/>, each entry
/// says why it is there (<see cref="TrendingWhy"/>); <see cref="Notes"/> adds a line to some entries ("submitted by a reader").
/// </summary>
public sealed record PaperListView(IReadOnlyList<SearchResult> Results, Taxonomy Taxonomy, string? Query, bool Highlight = true, DateTimeOffset? TrendingAt = null)
{
    /// <summary>A line of text per paper id, shown under its entry.</summary>
    public IReadOnlyDictionary<string, string>? Notes { get; init; }

    public string TopicLabel(string slug) => Taxonomy.Find(slug)?.Label ?? slug;
}
