using Digest.Core.Search.Facets;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search.Results;

/// <summary>
/// Top hits by publication date (newest first with ties in index order, or exactly the reverse) from a rank per document computed
/// once per reader (<see cref="FacetCache.DateRanks"/>): comparing two hits is comparing two integers in memory,
/// where Lucene's field sort reads each hit's date from the doc values on disk.
/// </summary>
internal sealed class DateRankCollector : ICollector, ITopDocsCollector
{
    private readonly int[] _ranks;
    private readonly bool _oldestFirst;
    private readonly int _size;
    // A max-heap on "shown later": its top is the weakest of the hits kept.
    private readonly PriorityQueue<int, int> _kept = new();
    private int _docBase;

    /// <param name="ranks">Each document's position in newest-first order, by reader-wide document number.</param>
    /// <param name="oldestFirst">Reverse the order.</param>
    /// <param name="size">How many top hits to keep.</param>
    public DateRankCollector(int[] ranks, bool oldestFirst, int size)
    {
        _ranks = ranks;
        _oldestFirst = oldestFirst;
        _size = size;
    }

    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Date order needs no scores.
    }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        TotalHits++;
        var global = _docBase + doc;
        // Priority: higher is shown later; the queue is a min-heap, so store it negated.
        var later = _oldestFirst ? -_ranks[global] : _ranks[global];
        if (_kept.Count < _size) _kept.Enqueue(global, -later);
        else if (_kept.TryPeek(out _, out var weakest) && later < -weakest) _kept.EnqueueDequeue(global, -later);
    }

    public TopDocs GetTopDocs() => GetTopDocs(0, _size);

    public TopDocs GetTopDocs(int start) => GetTopDocs(start, _size - start);

    public TopDocs GetTopDocs(int start, int howMany)
    {
        var ordered = _kept.UnorderedItems.Select(item => item.Element)
            .OrderBy(doc => _oldestFirst ? -_ranks[doc] : _ranks[doc])
            .Skip(start)
            .Take(Math.Max(0, howMany))
            .Select(doc => new ScoreDoc(doc, float.NaN))
            .ToArray();
        return new TopDocs(TotalHits, ordered, float.NaN);
    }
}
