using System.Globalization;
using System.Text;
using Digest.Core.Search;
using Digest.Core.Search.Facets;

namespace Digest.Web.Browsing;

/// <summary>
/// Canonical URLs of search views: parameters in <see cref="SearchParameters"/> order, values sorted, empty values,
/// default sort and page 1 dropped. Equal views get equal URLs, so bookmarks, caches and <c>rel=canonical</c> agree.
/// On a topic page (<paramref name="fixedTopic"/>) views within the topic stay under <c>/topics/{slug}</c>; another
/// search view (the reading list) names its own <paramref name="searchPath"/>.
/// </summary>
public sealed class SearchUrls(string? fixedTopic = null, string searchPath = SearchUrls.SearchPath)
{
    public const string SearchPath = "/search";

    /// <summary>The canonical URL of <paramref name="request"/>.</summary>
    public string For(SearchRequest request)
    {
        // Every search page links to a hundred or so views (facet values, sort, pages): one builder per URL, and no
        // sorting or escaping where the values are already in order and need none.
        // A view that left the topic page's topic (a "fewer filters" suggestion) is a plain search.
        var onTopicPage = fixedTopic is not null && request.WithinTopic == fixedTopic;
        var url = new StringBuilder(onTopicPage ? TopicUrls.For(fixedTopic!) : searchPath, 160);
        var pathLength = url.Length;
        Add(url, pathLength, SearchParameters.Query, request.Query?.Trim());
        foreach (var topic in InOrder(request.Topics, StringComparer.Ordinal))
        {
            if (!onTopicPage || topic != fixedTopic) Add(url, pathLength, SearchParameters.Topic, topic);
        }
        foreach (var topic in InOrder(request.ExcludedTopics, StringComparer.Ordinal)) Add(url, pathLength, SearchParameters.ExcludedTopic, topic);
        foreach (var category in InOrder(request.Categories, StringComparer.Ordinal)) Add(url, pathLength, SearchParameters.Category, category);
        foreach (var year in InOrder(request.Years, Comparer<int>.Default)) Add(url, pathLength, SearchParameters.Year, year.ToString(CultureInfo.InvariantCulture));
        Add(url, pathLength, SearchParameters.From, request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(url, pathLength, SearchParameters.To, request.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(url, pathLength, SearchParameters.Code, request.HasCode switch { true => "1", false => "0", null => null });
        foreach (var author in InOrder(request.Authors, StringComparer.Ordinal)) Add(url, pathLength, SearchParameters.Author, author);
        if (request.Sort is { } sort && sort != DefaultSort(request)) Add(url, pathLength, SearchParameters.Sort, SearchSorts.Name(sort));
        if (request.Page > 1) Add(url, pathLength, SearchParameters.Page, request.Page.ToString(CultureInfo.InvariantCulture));
        return url.ToString();
    }

    /// <summary>The view with <paramref name="value"/> of facet <paramref name="facet"/> (see <see cref="FacetNames"/>) selected or deselected; back to page 1.</summary>
    public string Toggle(SearchRequest request, string facet, string value) => For(Toggled(request, facet, value));

    /// <summary>The view without topic <paramref name="slug"/>, or with it excluded when it is not excluded yet.</summary>
    public string ToggleExcludedTopic(SearchRequest request, string slug) =>
        For(request with
        {
            ExcludedTopics = Flip(request.ExcludedTopics, slug),
            Topics = [.. request.Topics.Where(t => t != slug)],
            Page = 1,
        });

    public string WithPage(SearchRequest request, int page) => For(request with { Page = page });

    public string WithSort(SearchRequest request, SearchSort sort) => For(request with { Sort = sort, Page = 1 });

    /// <summary>The same query and filters without the date range.</summary>
    public string WithoutDates(SearchRequest request) => For(request with { From = null, To = null, Page = 1 });

    /// <summary>The request with <paramref name="value"/> of facet <paramref name="facet"/> toggled (see <see cref="FacetDefinition.Toggle"/>); back to page 1.</summary>
    public static SearchRequest Toggled(SearchRequest request, string facet, string value) =>
        (FacetDefinitions.Find(facet) is { } definition ? definition.Toggle(request, value) : request) with { Page = 1 };

    private static SearchSort DefaultSort(SearchRequest request) =>
        string.IsNullOrWhiteSpace(request.Query) ? SearchSort.Newest : SearchSort.Relevance;

    private static string[] Flip(IReadOnlyList<string> values, string value) =>
        values.Contains(value) ? [.. values.Where(v => v != value)] : [.. values, value];

    /// <summary><paramref name="values"/> in order; as they are when they already are (nearly always), without sorting a copy.</summary>
    private static IEnumerable<T> InOrder<T>(IReadOnlyList<T> values, IComparer<T> comparer)
    {
        for (var i = 1; i < values.Count; i++)
        {
            if (comparer.Compare(values[i - 1], values[i]) > 0) return values.Order(comparer);
        }
        return values;
    }

    private static void Add(StringBuilder url, int pathLength, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        url.Append(url.Length == pathLength ? '?' : '&').Append(name).Append('=').Append(QueryValue.Escape(value));
    }
}
