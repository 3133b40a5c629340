using Digest.Core.Topics;

namespace Digest.Core.Search.Facets;

/// <summary>
/// Everything about one search facet that is not its indexing: the one place filters, counts, URLs, the API and the
/// pages read it from (see <see cref="FacetDefinitions"/>). Adding a facet is an entry there plus its field in
/// <see cref="Indexing.PaperDocumentFactory"/> and its property on <see cref="SearchRequest"/>.
/// </summary>
public sealed class FacetDefinition
{
    /// <summary>The facet's name in <see cref="SearchResponse.Facets"/> and filter groups (one of <see cref="FacetNames"/>).</summary>
    public required string Name { get; init; }

    /// <summary>The index field counted and filtered (a <see cref="Indexing.PaperFields"/> constant).</summary>
    public required string Field { get; init; }

    /// <summary>The query-string parameter of a search view that selects values (repeated: any of).</summary>
    public required string Parameter { get; init; }

    /// <summary>The key of the facet in the search API's <c>facets</c> object.</summary>
    public required string ApiKey { get; init; }

    /// <summary>The heading over the facet's values on the search pages.</summary>
    public required string Title { get; init; }

    /// <summary>How many values, by count, a search returns; null for all.</summary>
    public int? Top { get; init; }

    /// <summary>How many of those the search pages list.</summary>
    public required int ShownOnPage { get; init; }

    /// <summary>
    /// True: clicking a value adds it to the selection and results have any selected value. False: a value replaces
    /// the selection (has code: yes or no).
    /// </summary>
    public required bool AnyOf { get; init; }

    /// <summary>True when the values are topic slugs, shown by their taxonomy labels.</summary>
    public bool ValuesAreTopics { get; init; }

    /// <summary>
    /// Values few enough to keep one bit set of documents per value and segment: broad searches count through those
    /// (see <see cref="SegmentFacetValues"/>). Not for authors (hundreds of thousands of values).
    /// </summary>
    internal bool FewValues { get; init; }

    /// <summary>
    /// About this many most frequent values are counted first (see <see cref="FrequentFacetValues"/>); 0 counts every
    /// value at once.
    /// </summary>
    internal int FrequentFirst { get; init; }

    /// <summary>The values a request selects, as the index holds them.</summary>
    public required Func<SearchRequest, IReadOnlyList<string>> Selected { get; init; }

    /// <summary>The request with a value selected, or deselected when it is selected (page unchanged).</summary>
    public required Func<SearchRequest, string, SearchRequest> Toggle { get; init; }

    /// <summary>The request without this facet's selection (page unchanged).</summary>
    public required Func<SearchRequest, SearchRequest> Remove { get; init; }

    /// <summary>How a value reads on the pages, when not the value itself (topics read as their labels).</summary>
    internal Func<string, string>? ValueText { get; init; }

    /// <summary>The value as the search pages show it: a topic's label, "With code" for <c>yes</c>, else the value.</summary>
    public string Label(string value, Taxonomy taxonomy) =>
        ValuesAreTopics ? taxonomy.Find(value)?.Label ?? value : ValueText?.Invoke(value) ?? value;
}
