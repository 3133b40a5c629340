using Digest.Core.Search;
using Digest.Core.Topics;

namespace Digest.Web.Browsing;

/// <summary>
/// Papers in a list (<c>_PaperList</c>): everything comes from the search results, never from a per-result database
/// query. One partial renders the whole list; a partial per paper costs a view lookup and activation each (the vote
/// count is the exception: <c>_Votes</c> is the one place votes are drawn). With <see cref="TrendingAt"/>, each entry
/// says why it is there (<see cref="TrendingWhy"/>).
/// </summary>
public sealed record PaperListView(IReadOnlyList<SearchResult> Results, Taxonomy Taxonomy, string? Query, bool Highlight = true, DateTimeOffset? TrendingAt = null)
{
    public string TopicLabel(string slug) => Taxonomy.Find(slug)?.Label ?? slug;
}
