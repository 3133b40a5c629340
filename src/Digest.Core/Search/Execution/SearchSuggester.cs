using Digest.Core.Search.Limits;
using Digest.Core.Search.Queries;
using Digest.Core.Search.Snapshots;
using Lucene.Net.Analysis;
using Lucene.Net.Search;

namespace Digest.Core.Search.Execution;

/// <summary>
/// What to try when a search found nothing: the same search without one filter group, and the query with its words'
/// spelling corrected, each offered only when it finds papers (counted within the search's time budget).
/// </summary>
internal sealed class SearchSuggester(Analyzer analyzer, SearchLimits limits, UserQueryParser parser)
{
    public IReadOnlyList<SearchSuggestion> Suggest(
        IndexSearcher searcher, SearchRequest request, Query? query, IReadOnlyList<SearchFilter> filters, SearchDeadline deadline)
    {
        var suggestions = new List<SearchSuggestion>();
        foreach (var group in filters.Select(f => f.Group).Distinct())
        {
            var count = Count(searcher, SearchFilters.Combine(query, filters, exceptGroup: group), deadline);
            var remove = filters.First(f => f.Group == group).Remove;
            if (count > 0) suggestions.Add(new SearchSuggestion(SearchSuggestionKind.RemoveFilter, group, remove(request) with { Page = 1 }, count));
        }

        if (request.Query!.Length > 0
            && SpellingCorrector.Correct(request.Query, searcher, analyzer, limits.MaxCorrectedWords, deadline) is { } corrected)
        {
            var messages = new List<string>();
            // The corrected query has its own allowance: its notes are not the user's query's.
            var (correctedQuery, _, _) = parser.Parse(corrected, SnapshotSearcher.Of(searcher), messages, new QueryAllowance(limits), deadline);
            var count = correctedQuery is null ? 0 : Count(searcher, SearchFilters.Combine(correctedQuery, filters), deadline);
            if (count > 0) suggestions.Add(new SearchSuggestion(SearchSuggestionKind.Spelling, corrected, request with { Query = corrected, Page = 1 }, count));
        }
        return suggestions;
    }

    /// <summary>Papers matching <paramref name="query"/>; 0 when counting runs out of time (a suggestion that cannot be counted is not made).</summary>
    private static int Count(IndexSearcher searcher, Query query, SearchDeadline deadline)
    {
        var counter = new TotalHitCountCollector();
        try
        {
            searcher.Search(query, new DeadlineCollector(counter, deadline));
        }
        catch (SearchBudgetExceededException)
        {
            return 0;
        }
        return counter.TotalHits;
    }
}
