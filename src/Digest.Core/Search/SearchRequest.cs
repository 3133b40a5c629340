namespace Digest.Core.Search;

/// <summary>
/// What the user asked for: a query in Digest's query syntax plus facet filters, sort and page.
/// Every value comes from user input and is validated by <see cref="SearchService"/>, never trusted.
/// Lists mean "any of" within one facet; different facets combine with AND.
/// </summary>
public sealed record SearchRequest
{
    /// <summary>Default number of results per page.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>Largest page size honoured; larger requests are capped.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Highest page number honoured; deeper pages are capped (deep paging costs memory and nobody reads page 501).</summary>
    public const int MaxPage = 500;

    /// <summary>Default longest query, in characters (<see cref="SearchLimits.MaxQueryLength"/>); longer queries are truncated.</summary>
    public const int MaxQueryLength = 500;

    /// <summary>
    /// Words, "quoted phrases", OR, -word / NOT, parentheses, and the fields <c>title:</c>, <c>abstract:</c>,
    /// <c>author:</c>, <c>category:</c>, <c>topic:</c>, <c>year:</c>. Empty browses every paper.
    /// An arXiv id or URL of an indexed paper yields <see cref="SearchResponse.RedirectToPaperId"/>.
    /// </summary>
    public string? Query { get; init; }

    /// <summary>Topic slugs; a paper matches when it has any of them.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Topic slugs whose papers are left out.</summary>
    public IReadOnlyList<string> ExcludedTopics { get; init; } = [];

    /// <summary>Categories such as <c>cs.LG</c> (matched case-insensitively); any of.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Publication years; any of.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];

    /// <summary>Earliest publication date, inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Latest publication date, inclusive.</summary>
    public DateOnly? To { get; init; }

    /// <summary>True: only papers with a code link; false: only papers without; null: both.</summary>
    public bool? HasCode { get; init; }

    /// <summary>Author names exactly as listed on papers (the author facet's values); any of.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Only papers listed on this digest day (the digest-day page).</summary>
    public DateOnly? DigestDay { get; init; }

    /// <summary>
    /// Only papers with this topic slug (the topic page): a fixed filter, not a facet selection, so the topic facet
    /// counts and selects topics within it ("rag" on the "llm" page means llm papers that are also rag papers).
    /// </summary>
    public string? WithinTopic { get; init; }

    /// <summary>
    /// Only papers with these ids (a reader's reading list): a fixed filter like <see cref="WithinTopic"/>, so the
    /// facets count within it. Empty matches nothing; null does not filter.
    /// </summary>
    public IReadOnlyCollection<string>? WithinPapers { get; init; }

    /// <summary>
    /// Only papers that appeared in this range of days, inclusive (the trending views): listed on a digest day inside it,
    /// or, listed on none, published inside it. Both ends or neither.
    /// </summary>
    public DateOnly? AppearedFrom { get; init; }

    /// <summary>Last day of <see cref="AppearedFrom"/>'s range, inclusive.</summary>
    public DateOnly? AppearedTo { get; init; }

    /// <summary>
    /// The time <see cref="SearchSort.Trending"/> measures ages to; null means now (the service's clock). The response's
    /// request carries the time used.
    /// </summary>
    public DateTimeOffset? TrendingAt { get; init; }

    /// <summary>Result order; null means <see cref="SearchSort.Relevance"/> with a query and <see cref="SearchSort.Newest"/> without.</summary>
    public SearchSort? Sort { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Results per page; defaults to <see cref="DefaultPageSize"/>, capped at <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Build highlighted title and abstract snippets for the shown results.</summary>
    public bool IncludeSnippets { get; init; } = true;

    /// <summary>True when any facet or date filter is set (the query does not count).</summary>
    public bool HasFilters =>
        Topics.Count > 0 || ExcludedTopics.Count > 0 || Categories.Count > 0 || Years.Count > 0 || From is not null
        || To is not null || HasCode is not null || Authors.Count > 0 || DigestDay is not null || WithinTopic is not null
        || WithinPapers is not null || AppearedFrom is not null;
}
