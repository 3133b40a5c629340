using System.Globalization;
using Digest.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search.Queries;

/// <summary>Turns a request's filters into queries and combines them with the parsed query.</summary>
internal static class SearchFilters
{
    public static IReadOnlyList<SearchFilter> Build(SearchRequest request)
    {
        var filters = new List<SearchFilter>();
        AddAnyOf(filters, FacetNames.Topic, PaperFields.Topic, request.Topics, r => r with { Topics = [] });
        foreach (var topic in request.ExcludedTopics)
        {
            filters.Add(new SearchFilter("excluded topic", Term(PaperFields.Topic, topic), Occur.MUST_NOT, r => r with { ExcludedTopics = [] }));
        }
        AddAnyOf(filters, FacetNames.Category, PaperFields.Category, request.Categories, r => r with { Categories = [] });
        AddAnyOf(filters, FacetNames.Year, PaperFields.Year, [.. request.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))], r => r with { Years = [] });
        if (request.From is not null || request.To is not null)
        {
            int? from = request.From is { } f ? PaperDocumentFactory.DateNumber(f) : null;
            int? to = request.To is { } t ? PaperDocumentFactory.DateNumber(t) : null;
            var range = NumericRangeQuery.NewInt32Range(PaperFields.Published, from, to, true, true);
            filters.Add(new SearchFilter("date range", range, Occur.MUST, r => r with { From = null, To = null }));
        }
        if (request.HasCode is { } hasCode)
        {
            var value = hasCode ? PaperFields.Yes : PaperFields.No;
            filters.Add(new SearchFilter(FacetNames.HasCode, Term(PaperFields.HasCode, value), Occur.MUST, r => r with { HasCode = null }));
        }
        AddAnyOf(filters, FacetNames.Author, PaperFields.AuthorExact, request.Authors, r => r with { Authors = [] });
        if (request.WithinTopic is { } within)
        {
            filters.Add(new SearchFilter("page topic", Term(PaperFields.Topic, within), Occur.MUST, r => r with { WithinTopic = null }));
        }
        if (request.DigestDay is { } day)
        {
            filters.Add(new SearchFilter("digest day", Term(PaperFields.DigestDay, PaperDocumentFactory.FormatDay(day)), Occur.MUST, r => r with { DigestDay = null }));
        }
        return filters;
    }

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

    private static void AddAnyOf(List<SearchFilter> filters, string group, string field, IReadOnlyList<string> values, Func<SearchRequest, SearchRequest> remove)
    {
        if (values.Count == 0) return;
        var any = new BooleanQuery();
        foreach (var value in values) any.Add(Term(field, value), Occur.SHOULD);
        filters.Add(new SearchFilter(group, any, Occur.MUST, remove));
    }

    private static TermQuery Term(string field, string value) => new(new Term(field, value));
}
