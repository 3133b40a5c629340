using Digest.Core.Indexing;
using Digest.Core.Search.Facets;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace Digest.Core.Search.Queries;

/// <summary>Turns a request's filters into queries and combines them with the parsed query.</summary>
internal static class SearchFilters
{
    /// <summary>
    /// The filters of <paramref name="request"/>: one per selected facet (see <see cref="FacetDefinitions"/>), the
    /// excluded topics, the date range and the page's fixed topic or day. Their order is the order in which "fewer
    /// filters" suggestions are offered.
    /// </summary>
    public static IReadOnlyList<SearchFilter> Build(SearchRequest request)
    {
        var filters = new List<SearchFilter>();
        foreach (var facet in FacetDefinitions.All)
        {
            // The date range is offered for removal before the code and author facets, as it always was.
            if (facet == FacetDefinitions.HasCode) AddDateRange(filters, request);
            AddSelection(filters, facet, request);
            // Excluded topics right after the selected ones.
            if (facet == FacetDefinitions.Topic) AddExcludedTopics(filters, request);
        }
        if (request.WithinTopic is { } within)
        {
            filters.Add(new SearchFilter("page topic", Term(PaperFields.Topic, within), Occur.MUST, r => r with { WithinTopic = null }));
        }
        AddAppeared(filters, request);
        if (request.DigestDay is { } day)
        {
            filters.Add(new SearchFilter("digest day", Term(PaperFields.DigestDay, PaperDocumentFactory.FormatDay(day)), Occur.MUST, r => r with { DigestDay = null }));
        }
        if (request.WithinPapers is { } papers)
        {
            filters.Add(new SearchFilter("reading list", WithinPapers(papers), Occur.MUST, r => r with { WithinPapers = null }));
        }
        return filters;
    }

    // One terms filter, not a Boolean clause per id: a list may hold thousands of papers (BooleanQuery stops at 1,024).
    private static Query WithinPapers(IReadOnlyCollection<string> ids) =>
        ids.Count == 0
            ? new BooleanQuery()
            : new ConstantScoreQuery(new TermsFilter(ids.Select(id => new Term(PaperFields.Id, id)).ToList()));

    /// <summary>
    /// The query restricted by every filter except those of <paramref name="exceptGroup"/> (drill-sideways counts).
    /// Filters do not score: only the query decides relevance.
    /// </summary>
    public static Query Combine(Query? query, IEnumerable<SearchFilter> filters, string? exceptGroup = null)
    {
        var combined = new BooleanQuery { { query ?? new MatchAllDocsQuery(), Occur.MUST } };
        foreach (var filter in filters)
        {
            if (filter.Group == exceptGroup) continue;
            var clause = filter.Occur == Occur.MUST ? new ConstantScoreQuery(filter.Query) { Boost = 0 } : filter.Query;
            combined.Add(clause, filter.Occur);
        }
        return combined.Clauses.Count == 1 && query is not null ? query : combined;
    }

    /// <summary>An any-of facet's selection matches any selected value; a replacing facet has one value, matched as a term.</summary>
    private static void AddSelection(List<SearchFilter> filters, FacetDefinition facet, SearchRequest request)
    {
        var values = facet.Selected(request);
        if (values.Count == 0) return;
        Query query;
        if (facet.AnyOf)
        {
            var any = new BooleanQuery();
            foreach (var value in values) any.Add(Term(facet.Field, value), Occur.SHOULD);
            query = any;
        }
        else
        {
            query = Term(facet.Field, values[0]);
        }
        filters.Add(new SearchFilter(facet.Name, query, Occur.MUST, facet.Remove));
    }

    private static void AddExcludedTopics(List<SearchFilter> filters, SearchRequest request)
    {
        foreach (var topic in request.ExcludedTopics)
        {
            filters.Add(new SearchFilter("excluded topic", Term(PaperFields.Topic, topic), Occur.MUST_NOT, r => r with { ExcludedTopics = [] }));
        }
    }

    private static void AddDateRange(List<SearchFilter> filters, SearchRequest request)
    {
        if (request.From is null && request.To is null) return;
        int? from = request.From is { } f ? PaperDocumentFactory.DateNumber(f) : null;
        int? to = request.To is { } t ? PaperDocumentFactory.DateNumber(t) : null;
        var range = NumericRangeQuery.NewInt32Range(PaperFields.Published, from, to, true, true);
        filters.Add(new SearchFilter("date range", range, Occur.MUST, r => r with { From = null, To = null }));
    }

    /// <summary>Listed on a digest day in the range, or listed on none and published in it.</summary>
    private static void AddAppeared(List<SearchFilter> filters, SearchRequest request)
    {
        if (request.AppearedFrom is not { } from || request.AppearedTo is not { } to) return;
        // yyyy-MM-dd terms sort as the days do: a term range is a day range.
        var listed = TermRangeQuery.NewStringRange(PaperFields.DigestDay, PaperDocumentFactory.FormatDay(from), PaperDocumentFactory.FormatDay(to), true, true);
        var unlisted = new BooleanQuery
        {
            { NumericRangeQuery.NewInt32Range(PaperFields.Published, PaperDocumentFactory.DateNumber(from), PaperDocumentFactory.DateNumber(to), true, true), Occur.MUST },
            { NumericRangeQuery.NewInt32Range(PaperFields.Appearances, 0, 0, true, true), Occur.MUST },
        };
        var appeared = new BooleanQuery { { listed, Occur.SHOULD }, { unlisted, Occur.SHOULD } };
        filters.Add(new SearchFilter("appeared", appeared, Occur.MUST, r => r with { AppearedFrom = null, AppearedTo = null }));
    }

    private static TermQuery Term(string field, string value) => new(new Term(field, value));
}
