using System.Globalization;
using System.Text;
using Digest.Core.Search;

namespace Digest.Web.Browsing;

/// <summary>
/// Canonical URLs of search views: parameters in <see cref="SearchParameters"/> order, values sorted, empty values,
/// default sort and page 1 dropped. Equal views get equal URLs, so bookmarks, caches and <c>rel=canonical</c> agree.
/// On a topic page (<paramref name="fixedTopic"/>) views within the topic stay under <c>/topics/{slug}</c>.
/// </summary>
public sealed class SearchUrls(string? fixedTopic = null)
{
    public const string SearchPath = "/search";

    /// <summary>The canonical URL of <paramref name="request"/>.</summary>
    public string For(SearchRequest request)
    {
        // A view that left the topic page's topic (a "fewer filters" suggestion) is a plain search.
        var onTopicPage = fixedTopic is not null && request.WithinTopic == fixedTopic;
        var path = onTopicPage ? TopicUrls.For(fixedTopic!) : SearchPath;
        var query = new StringBuilder();
        Add(query, SearchParameters.Query, request.Query?.Trim());
        foreach (var topic in request.Topics.Where(t => !onTopicPage || t != fixedTopic).Order(StringComparer.Ordinal)) Add(query, SearchParameters.Topic, topic);
        foreach (var topic in request.ExcludedTopics.Order(StringComparer.Ordinal)) Add(query, SearchParameters.ExcludedTopic, topic);
        foreach (var category in request.Categories.Order(StringComparer.Ordinal)) Add(query, SearchParameters.Category, category);
        foreach (var year in request.Years.Order()) Add(query, SearchParameters.Year, year.ToString(CultureInfo.InvariantCulture));
        Add(query, SearchParameters.From, request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, SearchParameters.To, request.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, SearchParameters.Code, request.HasCode switch { true => "1", false => "0", null => null });
        foreach (var author in request.Authors.Order(StringComparer.Ordinal)) Add(query, SearchParameters.Author, author);
        if (request.Sort is { } sort && sort != DefaultSort(request)) Add(query, SearchParameters.Sort, sort.ToString().ToLowerInvariant());
        if (request.Page > 1) Add(query, SearchParameters.Page, request.Page.ToString(CultureInfo.InvariantCulture));
        return query.Length == 0 ? path : path + "?" + query;
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

    /// <summary>The same filters without the query text.</summary>
    public string WithoutQuery(SearchRequest request) => For(request with { Query = null, Sort = null, Page = 1 });

    /// <summary>The same query and filters without the date range.</summary>
    public string WithoutDates(SearchRequest request) => For(request with { From = null, To = null, Page = 1 });

    public static SearchRequest Toggled(SearchRequest request, string facet, string value) => facet switch
    {
        FacetNames.Topic => request with { Topics = Flip(request.Topics, value), ExcludedTopics = [.. request.ExcludedTopics.Where(t => t != value)], Page = 1 },
        FacetNames.Category => request with { Categories = Flip(request.Categories, value), Page = 1 },
        FacetNames.Author => request with { Authors = Flip(request.Authors, value), Page = 1 },
        FacetNames.Year when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) =>
            request with { Years = request.Years.Contains(year) ? [.. request.Years.Where(y => y != year)] : [.. request.Years, year], Page = 1 },
        FacetNames.HasCode => request with { HasCode = (value == "yes") == request.HasCode ? null : value == "yes", Page = 1 },
        _ => request with { Page = 1 },
    };

    private static SearchSort DefaultSort(SearchRequest request) =>
        string.IsNullOrWhiteSpace(request.Query) ? SearchSort.Newest : SearchSort.Relevance;

    private static string[] Flip(IReadOnlyList<string> values, string value) =>
        values.Contains(value) ? [.. values.Where(v => v != value)] : [.. values, value];

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (query.Length > 0) query.Append('&');
        // "+" for spaces keeps URLs readable; both spellings decode to the same view.
        query.Append(name).Append('=').Append(Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal));
    }
}
