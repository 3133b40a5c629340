using Digest.Core.Search;
using Digest.Core.Search.Facets;
using Digest.Core.Topics;

namespace Digest.Web.Browsing;

/// <summary>Everything the shared results view (<c>_SearchResults</c>) needs: the response, how to link, and how to name topics.</summary>
public sealed class SearchView(SearchResponse response, SearchUrls urls, Taxonomy taxonomy, IReadOnlyList<string> notices, string? hiddenTopic = null)
{
    /// <summary>The topic of a topic page: it is the page's heading, so the topic facet leaves it out.</summary>
    public string? HiddenTopic { get; } = hiddenTopic;

    public SearchResponse Response { get; } = response;

    public SearchRequest Request => Response.Request;

    public SearchUrls Urls { get; } = urls;

    public Taxonomy Taxonomy { get; } = taxonomy;

    /// <summary>Messages for the user: dropped parameters, unknown topics, the search service's own notes.</summary>
    public IReadOnlyList<string> Notices { get; } = notices;

    public string TopicLabel(string slug) => Taxonomy.Find(slug)?.Label ?? slug;

    /// <summary>How <paramref name="value"/> of facet <paramref name="facet"/> reads on the page (see <see cref="FacetDefinition.Label"/>).</summary>
    public string FacetLabel(string facet, string value) => FacetDefinitions.Find(facet)?.Label(value, Taxonomy) ?? value;

    /// <summary>The heading of facet <paramref name="facet"/>.</summary>
    public static string FacetTitle(string facet) => FacetDefinitions.Find(facet)?.Title ?? facet;

    /// <summary>How many values of facet <paramref name="facet"/> the page lists.</summary>
    public static int ShownValues(string facet) => FacetDefinitions.Find(facet)?.ShownOnPage ?? 15;

    /// <summary>Notices for a search: the reader's problems, topics the taxonomy does not know, the service's messages.</summary>
    public static IReadOnlyList<string> CollectNotices(SearchInput input, SearchResponse response, Taxonomy taxonomy)
    {
        var notices = new List<string>(input.Problems);
        foreach (var slug in response.Request.Topics.Concat(response.Request.ExcludedTopics).Distinct(StringComparer.Ordinal))
        {
            if (taxonomy.Find(slug) is null) notices.Add($"There is no such topic: “{slug}”.");
        }
        notices.AddRange(response.Messages);
        return notices;
    }
}
