using Digest.Core.Search;
using Digest.Core.Topics;

namespace Digest.Web.Browsing;

/// <summary>One paper in a list (<c>_PaperItem</c>): everything comes from the search result, never from a per-result database query.</summary>
public sealed record PaperItemView(SearchResult Result, Taxonomy Taxonomy, string? Query, bool Highlight = true)
{
    public string TopicLabel(string slug) => Taxonomy.Find(slug)?.Label ?? slug;
}
