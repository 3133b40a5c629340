using Digest.Core.Papers;
using Digest.Core.Search.Facets;
using Digest.Core.Search.Limits;
using Digest.Core.Search.Queries;
using Digest.Core.Search.Ranking;
using Digest.Core.Search.Results;
using Digest.Core.Search.Snapshots;
using Digest.Core.Search.Snippets;
using Digest.Core.Trending;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Search.Execution;

/// <summary>
/// One search on one searcher: the request normalised, the query parsed, the hits and facets counted in one pass,
/// the page's stored fields and snippets read, and suggestions when nothing was found. Thread-safe.
/// </summary>
internal sealed class PaperSearch
{
    private readonly Analyzer _analyzer;
    private readonly SearchLimits _limits;
    private readonly ILogger _logger;
    private readonly UserQueryParser _parser;
    private readonly SearchSuggester _suggester;
    private readonly RankingSettings _ranking;
    private readonly ISemanticNeighbours? _semantic;
    private readonly TrendingScore _trending;
    private readonly TimeProvider _time;

    /// <param name="analyzer">The index's analyzer.</param>
    /// <param name="limits">What one search may cost.</param>
    /// <param name="ranking">How queries relax and fuse (the index's ranking).</param>
    /// <param name="semantic">The papers nearest a query in meaning, for hybrid search; null searches by words alone.</param>
    /// <param name="logger">Rejected syntax is logged here.</param>
    /// <param name="trending">The trending formula.</param>
    /// <param name="time">The clock trending ages are measured to when a request names no time.</param>
    public PaperSearch(Analyzer analyzer, SearchLimits limits, RankingSettings ranking, ISemanticNeighbours? semantic, ILogger logger, TrendingScore trending, TimeProvider time)
    {
        _trending = trending;
        _time = time;
        _analyzer = analyzer;
        _limits = limits;
        _logger = logger;
        _ranking = ranking;
        _semantic = semantic;
        _parser = new UserQueryParser(analyzer, limits, ranking, logger);
        _suggester = new SearchSuggester(analyzer, limits, _parser);
    }

    public SearchResponse Run(IndexSearcher searcher, SearchRequest original)
    {
        var snapshot = SnapshotSearcher.Of(searcher);
        var messages = new List<string>();
        var request = SearchRequestNormalizer.Normalize(original, snapshot.Facets.Categories, _limits, messages);
        var sort = request.Sort!.Value;
        if (sort == SearchSort.Trending) request = request with { TrendingAt = request.TrendingAt ?? _time.GetUtcNow() };
        var allowance = new QueryAllowance(_limits);
        var deadline = new SearchDeadline(_limits.TimeBudget);

        if (PaperId.TryParseArxiv(request.Query) is { } arxivId && PaperDocuments.Find(searcher, arxivId) is not null)
        {
            return new SearchResponse { Request = request, Sort = sort, RedirectToPaperId = arxivId, Messages = messages };
        }

        var (query, fallback, plan) = _parser.Parse(request.Query!, snapshot, messages, allowance, deadline);
        var semantic = false;
        if (plan is not null && Hybrid(searcher, request.Query!, plan, deadline) is { } hybrid)
        {
            // Papers close in meaning join the matches, so nothing is left to loosen.
            (query, plan, semantic) = (hybrid, plan with { Looser = null }, true);
        }
        var filters = SearchFilters.Build(request);
        var noWords = request.Query!.Length > 0 && query is null;

        var (total, results, facets, incomplete) = noWords
            ? (0, [], FacetCounting.OfNothing(snapshot.Facets, request), false)
            : ExecuteSafely(searcher, request, sort, ref query, ref fallback, ref plan, filters, messages, allowance, deadline);
        var firstFoundNothing = total == 0;
        var matchedAnyWord = false;
        if (total == 0 && !incomplete && plan?.Looser is { } looser)
        {
            // Nothing has enough of the words together: papers with any of them, those with more (and rarer) ones first.
            query = looser;
            (total, results, facets, incomplete) = Execute(searcher, request, sort, query, filters, deadline);
            matchedAnyWord = total > 0;
        }

        // Suggestions run more searches: not when this one already spent its budget.
        var suggestions = firstFoundNothing && !noWords && !incomplete && (request.Query.Length > 0 || request.HasFilters)
            ? _suggester.Suggest(searcher, request, query, filters, deadline)
            : [];
        var partial = plan is not null && total > 0 && (matchedAnyWord || plan.Required < plan.Words);
        // With papers close in meaning among the results, "how many of your words" no longer describes them.
        if (plan is not null) messages.AddRange(RelaxationMessages.For(plan, partial && !semantic, matchedAnyWord));
        if (semantic && total > 0) messages.Add(RelaxationMessages.Semantic);
        messages.AddRange(allowance.Messages());
        if (incomplete) messages.Add(SearchService.IncompleteMessage);
        return new SearchResponse
        {
            Request = request,
            Sort = sort,
            TotalHits = total,
            PageCount = Math.Min(SearchRequest.MaxPage, (total + request.PageSize - 1) / request.PageSize),
            Results = results,
            Facets = facets,
            SyntaxFallback = fallback,
            PartialMatch = partial,
            SemanticMatch = semantic,
            IgnoredWords = plan?.Ignored ?? [],
            Incomplete = incomplete,
            Messages = messages,
            Suggestions = suggestions,
        };
    }

    /// <summary>Runs the query; one that expands past the clause limit while searching is retried as plain words.</summary>
    private (int Total, IReadOnlyList<SearchResult> Results, IReadOnlyList<SearchFacet> Facets, bool Incomplete) ExecuteSafely(
        IndexSearcher searcher, SearchRequest request, SearchSort sort, ref Query? query, ref bool fallback, ref RelaxedQuery? plan,
        IReadOnlyList<SearchFilter> filters, List<string> messages, QueryAllowance allowance, SearchDeadline deadline)
    {
        try
        {
            return Execute(searcher, request, sort, query, filters, deadline);
        }
        catch (BooleanQuery.TooManyClausesException e)
        {
            _logger.LogDebug(e, "Query {Query} expands to too many terms; searching it as plain words", request.Query);
            messages.Add("Your query matched too many word forms (for example a very short prefix*), so its words were searched as plain text.");
            fallback = true;
            var snapshot = SnapshotSearcher.Of(searcher);
            plan = _parser.PlainWords(request.Query!, snapshot, allowance, deadline);
            query = plan?.First;
            return query is null ? (0, [], FacetCounting.OfNothing(snapshot.Facets, request), false) : Execute(searcher, request, sort, query, filters, deadline);
        }
    }

    /// <summary>
    /// The hybrid query for a natural-language query (more than <see cref="RankingSettings.AllWordsUpTo"/> bare words and
    /// no syntax), when papers are embedded: its word matches joined with its semantic neighbours. Null otherwise:
    /// keyword queries and queries with phrases, fields, negations or OR are searched by their words alone.
    /// </summary>
    private Query? Hybrid(IndexSearcher searcher, string text, RelaxedQuery plan, SearchDeadline deadline)
    {
        if (_semantic is not { IsAvailable: true } semantic || !plan.OnlyWords || plan.Words <= _ranking.AllWordsUpTo) return null;
        var neighbours = semantic.Nearest(text, _ranking.SemanticNeighbours);
        return neighbours.Count == 0 ? null : HybridQuery.Combine(searcher, plan.First, neighbours, _ranking, deadline);
    }

    /// <summary>The steps of a search once its query is read.</summary>
    private (int Total, IReadOnlyList<SearchResult> Results, IReadOnlyList<SearchFacet> Facets, bool Incomplete) Execute(
        IndexSearcher searcher, SearchRequest request, SearchSort sort, Query? query, IReadOnlyList<SearchFilter> filters, SearchDeadline deadline)
    {
        var cache = SnapshotSearcher.Of(searcher).Facets;
        var skip = (request.Page - 1) * request.PageSize;
        var top = TopCollector(searcher, cache, request, sort, query);
        // The budget starts now that the reader's caches exist (the ordinals were built reading the categories, and
        // the date ranks for the collector): building them is not this query's cost.
        deadline.Start();

        // Browsing everything needs no search and no counting: its order and counts are kept per reader.
        var browsing = query is null && filters.Count == 0;
        var hits = browsing
            ? new FacetedHits(searcher.IndexReader.NumDocs, FacetCounting.OfEverything(cache, request, searcher.IndexReader.NumDocs), Incomplete: false, Rewritten: null)
            : FacetCounting.Search(searcher, cache, request, query, filters, top, deadline);
        // The trending order depends on the time of the query: browsing by it scores every paper (the counts stay the kept ones).
        if (browsing && sort == SearchSort.Trending) searcher.Search(new MatchAllDocsQuery(), top);
        var page = browsing && sort != SearchSort.Trending ? BrowsePage(cache, sort, skip, request.PageSize) : top.GetTopDocs(skip, request.PageSize).ScoreDocs;

        // Stored fields and snippets only for the page shown.
        var snippets = request.IncludeSnippets && page.Length > 0 ? Snippets(query, hits.Rewritten, searcher) : null;
        var results = page.Select(hit => SearchResultReader.Read(searcher, hit.Doc, hit.Score, snippets)).ToList();
        return (hits.TotalHits, results, hits.Facets, hits.Incomplete);
    }

    /// <summary>
    /// Best match first with a query sorted by relevance, by trending score when asked, else by publication date through
    /// the reader's date ranks.
    /// </summary>
    private ITopDocsCollector TopCollector(IndexSearcher searcher, FacetCache cache, SearchRequest request, SearchSort sort, Query? query)
    {
        var numHits = Math.Max(1, Math.Min(request.Page * request.PageSize, searcher.IndexReader.MaxDoc));
        if (sort == SearchSort.Trending) return new TrendingCollector(_trending, request.TrendingAt!.Value, numHits, SnapshotSearcher.Of(searcher).Trending);
        return sort == SearchSort.Relevance && query is not null
            ? TopScoreDocCollector.Create(numHits, docsScoredInOrder: true)
            : new DateRankCollector(cache.DateRanks, oldestFirst: sort == SearchSort.Oldest, numHits);
    }

    /// <summary>A page of every paper by date: a slice of the reader's newest-first order instead of a sort.</summary>
    private static ScoreDoc[] BrowsePage(FacetCache cache, SearchSort sort, int skip, int pageSize)
    {
        var order = cache.NewestFirst;
        var count = Math.Clamp(order.Length - skip, 0, pageSize);
        return [.. Enumerable.Range(skip, count).Select(i => new ScoreDoc(sort == SearchSort.Oldest ? order[order.Length - 1 - i] : order[i], float.NaN))];
    }

    /// <summary>Snippets rewrite the query once more; when that runs out of time the results are shown without marks.</summary>
    private SnippetBuilder? Snippets(Query? query, Query? rewritten, IndexSearcher searcher)
    {
        try
        {
            return new SnippetBuilder(query, _analyzer, searcher, rewritten);
        }
        catch (SearchBudgetExceededException)
        {
            return null;
        }
    }
}
