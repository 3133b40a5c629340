using System.Diagnostics;
using Digest.Core.Indexing;
using Digest.Core.Search.Execution;
using Digest.Core.Search.Limits;
using Digest.Core.Search.Ranking;
using Digest.Core.Search.Listings;
using Digest.Core.Search.Snapshots;
using Digest.Core.Search.Snippets;
using Digest.Core.Topics;
using Digest.Core.Trending;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Search;

/// <summary>
/// Searches the paper index: query parsing, filters, multi-select facet counts, highlighting, suggestions,
/// related papers and the date listings the digest and topic pages need. Thread-safe; register as a singleton.
/// Never throws for user input: invalid queries are searched as plain words and the response says so.
/// The work lives in <see cref="PaperSearch"/>, <see cref="RelatedPapers"/> and <see cref="PaperListings"/>; what
/// they keep per index reader lives in its <see cref="SearchSnapshot"/>.
/// </summary>
public sealed class SearchService
{
    private static readonly TimeSpan SlowSearch = TimeSpan.FromMilliseconds(250);

    /// <summary>The notice of a search stopped by <see cref="SearchLimits.TimeBudget"/>.</summary>
    public const string IncompleteMessage = "Results may be incomplete: the search took too long.";

    /// <summary>Most completions <see cref="Complete"/> returns.</summary>
    public const int MaxCompletions = 10;

    private readonly PaperIndex _index;
    private readonly ILogger<SearchService> _logger;
    private readonly SearchLimits _limits;
    private readonly PaperSearch _search;
    private readonly RelatedPapers _related;
    private readonly UserQueryParser _parser;

    /// <summary>A search service with the default <see cref="SearchLimits"/>.</summary>
    public SearchService(PaperIndex index, ILogger<SearchService> logger)
        : this(index, logger, new SearchLimits())
    {
    }

    /// <param name="index">The paper index searched. Its searchers are made by this service from now on (each carries its reader's snapshot).</param>
    /// <param name="logger">Slow searches and rejected syntax are logged here.</param>
    /// <param name="limits">What one search may cost (validated at start by <see cref="SearchLimitsValidator"/>).</param>
    /// <param name="semantic">The papers nearest a query in meaning, for hybrid search; null searches by words alone.</param>
    /// <param name="trending">The trending formula's weights (validated at start by <see cref="TrendingOptionsValidator"/>); the defaults when null.</param>
    /// <param name="time">The clock <see cref="SearchSort.Trending"/> measures ages to when a request names no time; the system clock when null.</param>
    public SearchService(PaperIndex index, ILogger<SearchService> logger, SearchLimits limits, ISemanticNeighbours? semantic = null, TrendingOptions? trending = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _index = index;
        _logger = logger;
        _limits = limits;
        _search = new PaperSearch(index.Analyzer, limits, index.Ranking, semantic, logger, trending is null ? TrendingScore.Default : new TrendingScore(trending), time ?? TimeProvider.System);
        _related = new RelatedPapers(index.Analyzer, semantic);
        _parser = new UserQueryParser(index.Analyzer, limits, index.Ranking, logger);
        index.UseSearcherFactory(new SearchSnapshotFactory(index.Analyzer, index.Similarity, logger));
    }

    /// <summary>Runs <paramref name="request"/> and returns one page of results with facet counts.</summary>
    public SearchResponse Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stopwatch = Stopwatch.StartNew();
        var response = _index.Search(searcher => _search.Run(searcher, request));
        response = response with { Elapsed = stopwatch.Elapsed };
        if (response.Elapsed > SlowSearch)
        {
            _logger.LogInformation("Slow search ({Elapsed} ms): {Query}", (int)response.Elapsed.TotalMilliseconds, response.Request.Query);
        }
        return response;
    }

    /// <summary>
    /// Builds the facet caches of the current reader now. A new reader is warmed in the background anyway (see
    /// <see cref="SearchSnapshotFactory"/>); call this where the first search must not wait, such as after start-up.
    /// </summary>
    public void Warm() => _index.Search(searcher =>
    {
        SnapshotSearcher.Of(searcher).Facets.Warm();
        return 0;
    });

    /// <summary>Papers similar to <paramref name="paperId"/> by title and abstract (MoreLikeThis), best first, never the paper itself.</summary>
    public IReadOnlyList<SearchResult> RelatedPapers(string paperId, int count = 5)
    {
        if (string.IsNullOrEmpty(paperId) || count <= 0) return [];
        return _index.Search(searcher => _related.Find(searcher, paperId, count));
    }

    /// <summary>
    /// Completions of what someone is typing (the address bar's suggestions): topics whose label or slug, authors whose
    /// name or a later part of it, and papers whose title starts with <paramref name="prefix"/> (case and spacing
    /// ignored), at most <paramref name="max"/> (capped at <see cref="MaxCompletions"/>). Topics first, then the most
    /// published authors, then titles in alphabetical order. Empty for an empty prefix; a prefix longer than
    /// <see cref="CompletionKey.MaxLength"/> is cut there.
    /// </summary>
    public IReadOnlyList<SearchSuggestion> Complete(string? prefix, Taxonomy taxonomy, int max = MaxCompletions)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var key = CompletionKey.Normalize(prefix);
        max = Math.Min(max, MaxCompletions);
        if (key.Length == 0 || max <= 0) return [];
        return _index.Search(searcher => PaperListings.Complete(searcher, key, taxonomy, max));
    }

    /// <summary>Papers per publication month, ascending, optionally only those with <paramref name="topic"/> (for per-month charts).</summary>
    public IReadOnlyList<MonthCount> GetMonthCounts(string? topic = null)
    {
        var slug = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim().ToLowerInvariant();
        return _index.Search(searcher => PaperListings.MonthCounts(searcher, slug));
    }

    /// <summary>Every digest day with the number of papers listed on it, ascending (previous/next navigation).</summary>
    public IReadOnlyList<DigestDayCount> ListDigestDays() => _index.Search(PaperListings.DigestDays);

    /// <summary>The most recent digest day, or null when no paper was listed on one.</summary>
    public DateOnly? LatestDigestDay() => ListDigestDays() is [.., var last] ? last.Day : null;

    /// <summary>
    /// HTML for a whole abstract (the paper page): every character encoded, and the words the result snippets would
    /// mark for <paramref name="query"/> wrapped in <c>&lt;mark&gt;</c> (the same query reading and term finding).
    /// </summary>
    public string MarkQueryTerms(string text, string? query)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = query?.Trim() ?? "";
        if (trimmed.Length > _limits.MaxQueryLength) trimmed = trimmed[.._limits.MaxQueryLength];
        return _index.Search(searcher =>
        {
            var snapshot = SnapshotSearcher.Of(searcher);
            var deadline = new SearchDeadline(_limits.TimeBudget);
            deadline.Start();
            try
            {
                var (parsed, _, _) = _parser.Parse(trimmed, snapshot, [], new QueryAllowance(_limits), deadline);
                return new SnippetBuilder(parsed, _index.Analyzer, searcher).WholeAbstract(text);
            }
            catch (Exception e) when (e is SearchBudgetExceededException or Lucene.Net.Search.BooleanQuery.TooManyClausesException)
            {
                return System.Net.WebUtility.HtmlEncode(text);
            }
        });
    }
}
