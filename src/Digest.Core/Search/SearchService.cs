using System.Diagnostics;
using Digest.Core.Indexing;
using Digest.Core.Papers;
using Digest.Core.Search.Facets;
using Digest.Core.Search.Limits;
using Digest.Core.Search.Queries;
using Digest.Core.Search.Results;
using Digest.Core.Search.Snippets;
using Digest.Core.Topics;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Search;

/// <summary>
/// Searches the paper index: query parsing, filters, multi-select facet counts, highlighting, suggestions,
/// related papers and the date listings the digest and topic pages need. Thread-safe; register as a singleton.
/// Never throws for user input: invalid queries are searched as plain words and the response says so.
/// </summary>
public sealed class SearchService
{
    private static readonly TimeSpan WarmDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan SlowSearch = TimeSpan.FromMilliseconds(250);

    /// <summary>The notice of a search stopped by <see cref="SearchLimits.TimeBudget"/>.</summary>
    public const string IncompleteMessage = "Results may be incomplete: the search took too long.";

    private readonly FacetCache _facets = new();
    private readonly WordFrequencies _frequencies;
    private readonly PaperIndex _index;
    private readonly ILogger<SearchService> _logger;
    private readonly SearchLimits _limits;
    private int _warmPending;

    /// <summary>A search service with the default <see cref="SearchLimits"/>.</summary>
    public SearchService(PaperIndex index, ILogger<SearchService> logger)
        : this(index, logger, new SearchLimits())
    {
    }

    /// <param name="index">The paper index searched.</param>
    /// <param name="logger">Slow searches and rejected syntax are logged here.</param>
    /// <param name="limits">What one search may cost (validated at start by <see cref="SearchLimitsValidator"/>).</param>
    public SearchService(PaperIndex index, ILogger<SearchService> logger, SearchLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _index = index;
        _frequencies = new WordFrequencies(index.Analyzer);
        _logger = logger;
        _limits = limits;
        index.Refreshed += ScheduleWarm;
    }

    /// <summary>Runs <paramref name="request"/> and returns one page of results with facet counts.</summary>
    public SearchResponse Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stopwatch = Stopwatch.StartNew();
        var response = _index.Search(searcher => Run(searcher, request));
        response = response with { Elapsed = stopwatch.Elapsed };
        if (response.Elapsed > SlowSearch)
        {
            _logger.LogInformation("Slow search ({Elapsed} ms): {Query}", (int)response.Elapsed.TotalMilliseconds, response.Request.Query);
        }
        return response;
    }

    /// <summary>
    /// After the index refreshes, the first search of the new reader would build the facet caches and wait for it.
    /// Builds them in the background instead, once things settle: at most one build runs and one waits, and during a
    /// bulk ingest (a refresh per batch) the pause lets batches pass without a build for each.
    /// </summary>
    private void ScheduleWarm()
    {
        if (Interlocked.Exchange(ref _warmPending, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            await Task.Delay(WarmDelay);
            Interlocked.Exchange(ref _warmPending, 0);
            try
            {
                Warm();
            }
            catch (ObjectDisposedException)
            {
                // The index closed (shutdown) while the build waited: nothing left to warm.
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Building the facet caches after a refresh failed; the next search builds them");
            }
        });
    }

    /// <summary>
    /// Builds the facet caches for the current searcher. Call after <see cref="PaperIndex.Refresh"/> so the first
    /// search on a new reader does not pay for them (global ordinal maps over all segments cost the most).
    /// </summary>
    public void Warm() => _index.Search(searcher =>
    {
        foreach (var field in FacetCache.Fields) _facets.AllCounts(searcher.IndexReader, field);
        return 0;
    });

    /// <summary>Papers similar to <paramref name="paperId"/> by title and abstract (MoreLikeThis), best first, never the paper itself.</summary>
    public IReadOnlyList<SearchResult> RelatedPapers(string paperId, int count = 5)
    {
        if (string.IsNullOrEmpty(paperId) || count <= 0) return [];
        return _index.Search<IReadOnlyList<SearchResult>>(searcher =>
        {
            var self = new TermQuery(new Term(PaperFields.Id, paperId));
            var found = searcher.Search(self, 1);
            if (found.TotalHits == 0) return [];
            var moreLikeThis = new MoreLikeThis(searcher.IndexReader)
            {
                FieldNames = [PaperFields.Title, PaperFields.Abstract],
                Analyzer = _index.Analyzer,
                MinTermFreq = 1,
                MinDocFreq = 2,
                MaxQueryTerms = 25,
            };
            var like = new BooleanQuery { { moreLikeThis.Like(found.ScoreDocs[0].Doc), Occur.SHOULD }, { self, Occur.MUST_NOT } };
            var hits = searcher.Search(like, Math.Min(count, 100));
            return [.. hits.ScoreDocs.Select(hit => SearchResultReader.Read(searcher, hit.Doc, hit.Score, snippets: null))];
        });
    }

    /// <summary>Most completions <see cref="Complete"/> returns.</summary>
    public const int MaxCompletions = 10;

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
        return _index.Search(searcher =>
        {
            var reader = searcher.IndexReader;
            // Live counts per value, kept per reader for the facets anyway.
            int Count(string field, string value) =>
                _facets.For(reader, field).OrdinalOf(value) is var ord and >= 0 ? _facets.AllCounts(reader, field)[ord] : 0;
            return PrefixCompletions.Find(reader, key, taxonomy, slug => Count(PaperFields.Topic, slug), name => Count(PaperFields.AuthorExact, name), max);
        });
    }

    /// <summary>Papers per publication month, ascending, optionally only those with <paramref name="topic"/> (for per-month charts).</summary>
    public IReadOnlyList<MonthCount> GetMonthCounts(string? topic = null)
    {
        var slug = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim().ToLowerInvariant();
        return [.. CountAll(PaperFields.Month, slug).Select(p => new MonthCount(p.Label, p.Count))];
    }

    /// <summary>Every digest day with the number of papers listed on it, ascending (previous/next navigation).</summary>
    public IReadOnlyList<DigestDayCount> ListDigestDays() =>
        [.. CountAll(PaperFields.DigestDay, topic: null)
            .Select(p => (Day: IsoDay.Parse(p.Label), p.Count))
            .Where(p => p.Day is not null)
            .Select(p => new DigestDayCount(p.Day!.Value, p.Count))];

    /// <summary>The most recent digest day, or null when no paper was listed on one.</summary>
    public DateOnly? LatestDigestDay() => ListDigestDays() is [.., var last] ? last.Day : null;

    private SearchResponse Run(IndexSearcher searcher, SearchRequest original)
    {
        var reader = searcher.IndexReader;
        var categories = CategoryLookup(reader);
        var messages = new List<string>();
        var request = SearchRequestNormalizer.Normalize(original, categories, _limits, messages);
        var sort = request.Sort!.Value;
        var allowance = new QueryAllowance(_limits);
        var deadline = new SearchDeadline(_limits.TimeBudget);

        if (PaperId.TryParseArxiv(request.Query) is { } arxivId && searcher.Search(new TermQuery(new Term(PaperFields.Id, arxivId)), 1).TotalHits > 0)
        {
            return new SearchResponse { Request = request, Sort = sort, RedirectToPaperId = arxivId, Messages = messages };
        }

        var (query, fallback) = Parse(request.Query!, reader, categories, messages, allowance, deadline);
        var filters = SearchFilters.Build(request);
        var noWords = request.Query!.Length > 0 && query is null;

        var (total, results, facets, incomplete) = noWords
            ? (0, [], EmptyFacets(reader, request), false)
            : ExecuteSafely(searcher, request, sort, ref query, ref fallback, filters, messages, allowance, deadline);

        // Suggestions run more searches: not when this one already spent its budget.
        var suggestions = total == 0 && !noWords && !incomplete && (request.Query.Length > 0 || request.HasFilters)
            ? Suggest(searcher, request, query, filters, categories, deadline)
            : [];
        messages.AddRange(allowance.Messages());
        if (incomplete) messages.Add(IncompleteMessage);
        return new SearchResponse
        {
            Request = request,
            Sort = sort,
            TotalHits = total,
            PageCount = Math.Min(SearchRequest.MaxPage, (total + request.PageSize - 1) / request.PageSize),
            Results = results,
            Facets = facets,
            SyntaxFallback = fallback,
            Incomplete = incomplete,
            Messages = messages,
            Suggestions = suggestions,
        };
    }

    /// <summary>Runs the query; one that expands past the clause limit while searching is retried as plain words.</summary>
    private (int Total, IReadOnlyList<SearchResult> Results, IReadOnlyList<SearchFacet> Facets, bool Incomplete) ExecuteSafely(
        IndexSearcher searcher, SearchRequest request, SearchSort sort, ref Query? query, ref bool fallback,
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
            query = NewParser(searcher.IndexReader, CategoryLookup(searcher.IndexReader), allowance, deadline).PlainWordsQuery(request.Query!);
            return query is null ? (0, [], EmptyFacets(searcher.IndexReader, request), false) : Execute(searcher, request, sort, query, filters, deadline);
        }
    }

    private (int Total, IReadOnlyList<SearchResult> Results, IReadOnlyList<SearchFacet> Facets, bool Incomplete) Execute(
        IndexSearcher searcher, SearchRequest request, SearchSort sort, Query? query, IReadOnlyList<SearchFilter> filters, SearchDeadline deadline)
    {
        var numHits = Math.Max(1, Math.Min(request.Page * request.PageSize, searcher.IndexReader.MaxDoc));
        ITopDocsCollector top = sort == SearchSort.Relevance && query is not null
            ? TopScoreDocCollector.Create(numHits, docsScoredInOrder: true)
            : new DateRankCollector(_facets.DateRanks(searcher.IndexReader), oldestFirst: sort == SearchSort.Oldest, numHits);

        // One pass for hits and all facet counts: the selected facets' filters are checked per document by the
        // collector instead of the query (see DrillSidewaysCollector). Browsing everything needs no counting at all:
        // those counts are cached per reader.
        var reader = searcher.IndexReader;
        var ordinals = FacetSpec.All.Select(spec => _facets.For(reader, spec.Field)).ToArray();
        DrillSidewaysCollector? collector = null;
        var skip = (request.Page - 1) * request.PageSize;
        ScoreDoc[]? browsePage = null;
        var incomplete = false;
        Query? rewritten = null;
        // The budget starts now that the reader's caches exist: building them is not this query's cost.
        deadline.Start();
        try
        {
            List<SearchFacet> facets;
            int total;
            if (query is null && filters.Count == 0)
            {
                var order = _facets.NewestFirst(reader);
                var count = Math.Clamp(order.Length - skip, 0, request.PageSize);
                browsePage = [.. Enumerable.Range(skip, count)
                    .Select(i => new ScoreDoc(sort == SearchSort.Oldest ? order[order.Length - 1 - i] : order[i], float.NaN))];
                total = reader.NumDocs;
                facets = [.. FacetSpec.All.Select((spec, i) => spec.ToFacet(ordinals[i], _facets.AllCounts(reader, spec.Field), null, total, request))];
            }
            else
            {
                var selectedOrds = FacetSpec.All
                    .Select((spec, i) => spec.Selected(request).Select(ordinals[i].OrdinalOf).ToArray())
                    .Select(ords => ords.Length == 0 ? ords : ords.Where(o => o >= 0).DefaultIfEmpty(int.MinValue).ToArray())
                    .ToArray();
                collector = new DrillSidewaysCollector(top, ordinals, selectedOrds, [.. FacetSpec.All.Select(spec => spec.Top ?? int.MaxValue)]);
                var facetGroups = FacetSpec.All.Where((_, i) => selectedOrds[i].Length > 0).Select(spec => spec.Name).ToHashSet();
                try
                {
                    // Rewritten once here and reused by the snippets: fuzzy terms cost most of a flood query's time in rewriting.
                    rewritten = query is null ? null : searcher.Rewrite(query);
                    searcher.Search(SearchFilters.Combine(rewritten, filters.Where(f => !facetGroups.Contains(f.Group))), new DeadlineCollector(collector, deadline));
                }
                catch (SearchBudgetExceededException)
                {
                    // Keep what was collected: the hits and counts so far, flagged as possibly incomplete.
                    incomplete = true;
                }
                collector.Finish();
                total = collector.TotalHits;
                facets = [.. FacetSpec.All.Select((spec, i) => spec.ToFacet(ordinals[i], collector.HitCounts[i], collector.MissCounts[i], total, request, collector.Candidates[i]))];
            }

            // Stored fields and snippets only for the page shown.
            var page = browsePage ?? top.GetTopDocs(skip, request.PageSize).ScoreDocs;
            var snippets = request.IncludeSnippets && page.Length > 0 ? Snippets(query, rewritten, searcher) : null;
            var results = page
                .Select(hit => SearchResultReader.Read(searcher, hit.Doc, hit.Score, snippets))
                .ToList();
            return (total, results, facets, incomplete);
        }
        finally
        {
            collector?.Dispose();
        }
    }

    /// <summary>Snippets rewrite the query once more; when that runs out of time the results are shown without marks.</summary>
    private SnippetBuilder? Snippets(Query? query, Query? rewritten, IndexSearcher searcher)
    {
        try
        {
            return new SnippetBuilder(query, _index.Analyzer, searcher, rewritten);
        }
        catch (SearchBudgetExceededException)
        {
            return null;
        }
    }

    private IReadOnlyList<SearchFacet> EmptyFacets(IndexReader reader, SearchRequest request) =>
        [.. FacetSpec.All.Select(spec =>
        {
            var ordinals = _facets.For(reader, spec.Field);
            return spec.ToFacet(ordinals, new int[ordinals.ValueCount], null, 0, request);
        })];

    private (Query? Query, bool Fallback) Parse(
        string text, IndexReader reader, IReadOnlyDictionary<string, string> categories, List<string> messages, QueryAllowance allowance, SearchDeadline deadline)
    {
        if (text.Length == 0) return (null, false);
        try
        {
            var query = NewParser(reader, categories, allowance, deadline).Parse(text);
            var usable = WithPositiveClause(query);
            if (usable is null) messages.Add("Your query has no searchable words.");
            if (usable is not null && ClauseCount(usable) > _limits.MaxClauses)
            {
                messages.Add($"Your query has more than {_limits.MaxClauses} parts, so its words were searched as plain text.");
                return (NewParser(reader, categories, allowance, deadline).PlainWordsQuery(text), true);
            }
            return (usable, false);
        }
        catch (Exception e) when (e is ParseException or BooleanQuery.TooManyClausesException or ArgumentException or InvalidOperationException)
        {
            _logger.LogDebug(e, "Query {Query} is not valid syntax; searching it as plain words", text);
            messages.Add("Your query could not be read as search syntax (for example an unbalanced quote or parenthesis), so its words were searched as plain text.");
            var plain = NewParser(reader, categories, allowance, deadline).PlainWordsQuery(text);
            if (plain is null) messages.Add("Your query has no searchable words.");
            return (plain, true);
        }
    }

    private PaperQueryParser NewParser(IndexReader reader, IReadOnlyDictionary<string, string> categories, QueryAllowance allowance, SearchDeadline deadline) =>
        new(_index.Analyzer, reader, _frequencies, categories, allowance, deadline);

    /// <summary>Clauses of every Boolean query in <paramref name="query"/>, at every level.</summary>
    private static int ClauseCount(Query query) =>
        query is BooleanQuery boolean ? boolean.Clauses.Sum(c => 1 + ClauseCount(c.Query)) : 0;

    /// <summary>Null for a query without searchable words; a purely negative query ("-word") gets "everything" to subtract from.</summary>
    private static Query? WithPositiveClause(Query? query)
    {
        if (query is not BooleanQuery boolean) return query;
        if (boolean.Clauses.Count == 0) return null;
        if (boolean.Clauses.All(c => c.Occur == Occur.MUST_NOT)) boolean.Add(new MatchAllDocsQuery(), Occur.MUST);
        return boolean;
    }

    private IReadOnlyList<SearchSuggestion> Suggest(
        IndexSearcher searcher, SearchRequest request, Query? query, IReadOnlyList<SearchFilter> filters, IReadOnlyDictionary<string, string> categories,
        SearchDeadline deadline)
    {
        var suggestions = new List<SearchSuggestion>();
        foreach (var group in filters.Select(f => f.Group).Distinct())
        {
            var count = Count(searcher, SearchFilters.Combine(query, filters, exceptGroup: group), deadline);
            var remove = filters.First(f => f.Group == group).Remove;
            if (count > 0) suggestions.Add(new SearchSuggestion(SearchSuggestionKind.RemoveFilter, group, remove(request) with { Page = 1 }, count));
        }

        if (request.Query!.Length > 0
            && SpellingCorrector.Correct(request.Query, searcher, _index.Analyzer, _limits.MaxCorrectedWords, deadline) is { } corrected)
        {
            var messages = new List<string>();
            // The corrected query has its own allowance: its notes are not the user's query's.
            var (correctedQuery, _) = Parse(corrected, searcher.IndexReader, categories, messages, new QueryAllowance(_limits), deadline);
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

    /// <summary>
    /// Counts of <paramref name="field"/>'s values over every paper or those of <paramref name="topic"/>. Both are
    /// kept per reader: the topics page charts every topic on each view, and only a refresh changes them.
    /// </summary>
    private List<(string Label, int Count)> CountAll(string field, string? topic) => _index.Search(searcher =>
    {
        var reader = searcher.IndexReader;
        var ordinals = _facets.For(reader, field);
        var counts = topic is null ? _facets.AllCounts(reader, field) : _facets.TopicCounts(reader, field + "\n" + topic, () =>
        {
            using var counter = new FacetCountCollector(ordinals);
            searcher.Search(new TermQuery(new Term(PaperFields.Topic, topic)), counter);
            return counter.Counts[0][..ordinals.ValueCount];
        });
        return counts
            .Take(ordinals.ValueCount)
            .Select((count, ord) => (Label: ordinals.Labels[ord], Count: count))
            .Where(p => p.Count > 0)
            .ToList();
    });

    private IReadOnlyDictionary<string, string> CategoryLookup(IndexReader reader) => _facets.Categories(reader);
}
