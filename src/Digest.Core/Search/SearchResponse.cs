namespace Digest.Core.Search;

/// <summary>One page of results with facet counts, and everything a page needs to explain what happened.</summary>
public sealed record SearchResponse
{
    /// <summary>The request as it was run: query truncated, page and page size capped, sort resolved.</summary>
    public required SearchRequest Request { get; init; }

    /// <summary>The sort that was applied.</summary>
    public SearchSort Sort { get; init; }

    /// <summary>Number of papers matching the query and every filter.</summary>
    public int TotalHits { get; init; }

    /// <summary>Number of pages of <see cref="SearchRequest.PageSize"/> results (at most <see cref="SearchRequest.MaxPage"/>).</summary>
    public int PageCount { get; init; }

    /// <summary>The results of the requested page, in order.</summary>
    public IReadOnlyList<SearchResult> Results { get; init; } = [];

    /// <summary>Facets in display order (topic, category, year, code, author); see <see cref="FacetNames"/>.</summary>
    public IReadOnlyList<SearchFacet> Facets { get; init; } = [];

    /// <summary>True when the query was not valid syntax and was searched as plain words instead.</summary>
    public bool SyntaxFallback { get; init; }

    /// <summary>
    /// True when the results match only some of the query's words: a long query needs most of its words, and when no
    /// paper has that many, any one; <see cref="Messages"/> says which. Papers with more of the words rank first.
    /// </summary>
    public bool PartialMatch { get; init; }

    /// <summary>
    /// True when papers close in meaning to the query (semantic neighbours) joined the matches: a natural-language query
    /// with papers embedded. The match set is then the word matches plus those neighbours, narrowed by the filters.
    /// </summary>
    public bool SemanticMatch { get; init; }

    /// <summary>Question words ("what", "which", "does") left out of the query, as typed.</summary>
    public IReadOnlyList<string> IgnoredWords { get; init; } = [];

    /// <summary>
    /// True when the search ran out of its time budget (<see cref="SearchLimits.TimeBudget"/>): the results and counts
    /// are those found until then, and <see cref="Messages"/> says so.
    /// </summary>
    public bool Incomplete { get; init; }

    /// <summary>Notes for the user (query truncated, page capped, syntax not understood), in plain text.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>When the query is the arXiv id or URL of an indexed paper: that paper's id (show it instead of results).</summary>
    public string? RedirectToPaperId { get; init; }

    /// <summary>When nothing matched: searches that would find something (fewer filters, corrected spelling).</summary>
    public IReadOnlyList<SearchSuggestion> Suggestions { get; init; } = [];

    /// <summary>Time spent in the search service.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The facet named <paramref name="name"/> (see <see cref="FacetNames"/>), or null.</summary>
    public SearchFacet? Facet(string name) => Facets.FirstOrDefault(f => f.Name == name);
}
