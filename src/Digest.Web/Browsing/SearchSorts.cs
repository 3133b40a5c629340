using Digest.Core.Search;

namespace Digest.Web.Browsing;

/// <summary>The URL and API names of the result orders: one table that URLs, the query reader and the API read.</summary>
public static class SearchSorts
{
    private static readonly (SearchSort Sort, string Name)[] Names =
    [
        (SearchSort.Relevance, "relevance"),
        (SearchSort.Newest, "newest"),
        (SearchSort.Oldest, "oldest"),
        (SearchSort.Trending, "trending"),
    ];

    /// <summary>The names, in order, for messages ("relevance, newest, oldest, trending").</summary>
    public static readonly string List = string.Join(", ", Names.Select(n => n.Name));

    /// <summary>The name of <paramref name="sort"/>: lower case, as <see cref="Parse"/> reads it.</summary>
    public static string Name(SearchSort sort) => Array.Find(Names, n => n.Sort == sort).Name ?? sort.ToString().ToLowerInvariant();

    /// <summary>The order named <paramref name="value"/> (case and surrounding spaces ignored), or null for an unknown one.</summary>
    public static SearchSort? Parse(string? value)
    {
        var name = value?.Trim();
        foreach (var (sort, known) in Names)
        {
            if (string.Equals(name, known, StringComparison.OrdinalIgnoreCase)) return sort;
        }
        return null;
    }
}
