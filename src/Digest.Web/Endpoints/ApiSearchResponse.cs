namespace Digest.Web.Endpoints;

/// <summary>
/// The body of <c>/api/search</c>. Field names are a contract: add fields, never rename or remove them.
/// <c>incomplete</c> is true when the search ran out of time and shows what it found until then.
/// <c>partialMatch</c> is true when the results match only some of the query's words (a long query relaxes);
/// <c>ignoredWords</c> are the question words left out of it; <c>semanticMatch</c> is true when papers close in meaning
/// joined the word matches (hybrid search).
/// Facet keys: <c>topic</c>, <c>category</c>, <c>year</c>, <c>hasCode</c>, <c>author</c>.
/// </summary>
internal sealed record ApiSearchResponse(
    int Total,
    int Page,
    int PageSize,
    int PageCount,
    string Query,
    string Sort,
    string Url,
    bool SyntaxFallback,
    IReadOnlyList<string> Messages,
    string? RedirectTo,
    IReadOnlyList<ApiSearchResult> Results,
    IReadOnlyDictionary<string, IReadOnlyList<ApiFacetValue>> Facets,
    IReadOnlyList<ApiSuggestion> Suggestions,
    bool Incomplete,
    bool PartialMatch,
    IReadOnlyList<string> IgnoredWords,
    bool SemanticMatch);
