namespace Digest.Core.Search;

/// <summary>Order of search results.</summary>
public enum SearchSort
{
    /// <summary>Best match first; the default when there is a query.</summary>
    Relevance,

    /// <summary>Most recently published first; the default when browsing without a query.</summary>
    Newest,

    /// <summary>Earliest published first.</summary>
    Oldest,

    /// <summary>
    /// Highest trending score first (<see cref="Trending.TrendingScore"/>: votes and digest appearances decayed by age at
    /// <see cref="SearchRequest.TrendingAt"/>); ties newer first, then by id.
    /// </summary>
    Trending,
}
