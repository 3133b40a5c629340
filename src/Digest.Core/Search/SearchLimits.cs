namespace Digest.Core.Search;

/// <summary>
/// What one search may cost (<c>Digest:Search</c>). Every construct that multiplies work (fuzzy, wildcard and prefix
/// terms, long phrases, many words, spelling corrections) has a cap, and a time budget ends a search that still runs
/// long with the results found so far. The defaults leave every ordinary query untouched; a query trimmed by a limit
/// is searched without the excess and the response says what was left out.
/// </summary>
public sealed class SearchLimits
{
    /// <summary>Longest query, in characters; longer queries are cut at a word boundary.</summary>
    public int MaxQueryLength { get; set; } = SearchRequest.MaxQueryLength;

    /// <summary>Most words (including operators and field prefixes) searched; later words are left out.</summary>
    public int MaxQueryWords { get; set; } = 40;

    /// <summary>Most words of one quoted phrase; later words of the phrase are left out.</summary>
    public int MaxPhraseWords { get; set; } = 20;

    /// <summary>Fuzzy (<c>word~</c>), wildcard (<c>w?rd</c>) and prefix (<c>word*</c>) terms expanded per query; later ones are searched as plain words.</summary>
    public int MaxExpandingTerms { get; set; } = 4;

    /// <summary>Index terms one fuzzy term expands to (its closest ones; Lucene's default is 50).</summary>
    public int MaxFuzzyExpansions { get; set; } = 50;

    /// <summary>Index terms one prefix or wildcard term expands to; past it, its most frequent terms are searched.</summary>
    public int MaxPrefixExpansions { get; set; } = 512;

    /// <summary>Most clauses in the parsed query, counted over every level; a larger query is searched as its plain words.</summary>
    public int MaxClauses { get; set; } = 1024;

    /// <summary>Unknown words one "did you mean" suggestion tries to correct (each costs a fuzzy scan of the terms).</summary>
    public int MaxCorrectedWords { get; set; } = 4;

    /// <summary>Time one search may take; past it the results found so far are shown, marked as possibly incomplete.</summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Searches (<c>/search</c>, <c>/api/search</c>, topic pages, feeds) one client address may run at once; more are queued, then answered 429.</summary>
    public int MaxConcurrentPerClient { get; set; } = 1;

    /// <summary>
    /// Searches of one client address waiting for their turn; beyond them requests are answered 429. Several readers
    /// behind one address (a lab's NAT) then wait a few milliseconds instead of being refused; a waiting search costs no CPU.
    /// </summary>
    public int QueuePerClient { get; set; } = 8;

    /// <summary>Searches all clients together may run at once, so pages without a search and health checks keep a core.</summary>
    public int MaxConcurrent { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Searches of all clients waiting for a free slot; beyond them requests are answered 429.</summary>
    public int Queue { get; set; } = 32;

    /// <summary>
    /// Search time one client address may use per second, on average: a client that keeps sending costly searches gets
    /// this share of a core and then 429s, however it spreads them over connections. A reader paging through results
    /// uses a few milliseconds a second. <see cref="TimeSpan.Zero"/> turns the budget off (a load test from one address).
    /// </summary>
    public TimeSpan ClientSearchTimePerSecond { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Search time a client may spend at once before <see cref="ClientSearchTimePerSecond"/> holds it back.</summary>
    public TimeSpan ClientSearchTimeBurst { get; set; } = TimeSpan.FromSeconds(3);
}
