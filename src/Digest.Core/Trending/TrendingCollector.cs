using Digest.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Digest.Core.Trending;

/// <summary>
/// Top hits by <see cref="TrendingScore"/> at a reference time, scored per hit from the doc values (total votes, the
/// appearance instant and count) as <see cref="TrendingValues"/> keeps them: the score depends on the time of the
/// query, so it cannot be kept in the index or per reader, and a vote is counted as soon as the paper's document is searchable. Ties: newer first, then id.
/// A hit's id is read from its segment's sorted doc values only when the hit is kept or ties with the weakest kept one.
/// </summary>
internal sealed class TrendingCollector : ICollector, ITopDocsCollector
{
    private const double SecondsPerHour = 3600;

    private readonly TrendingScore _score;
    private readonly double _atSeconds;
    private readonly int _size;
    private readonly PriorityQueue<TrendingHit, TrendingHit> _kept;
    private readonly BytesRef _scratch = new();
    private readonly TrendingValues _values;
    private int[] _votes = [];
    private long[] _appeared = [];
    private int[] _appearances = [];
    private SortedDocValues? _ids;
    private int _docBase;
    private int _segment;

    /// <param name="score">The formula.</param>
    /// <param name="at">The reference time ages are measured to.</param>
    /// <param name="size">How many top hits to keep.</param>
    /// <param name="values">The reader's trending inputs.</param>
    public TrendingCollector(TrendingScore score, DateTimeOffset at, int size, TrendingValues values)
    {
        _values = values;
        _score = score;
        _atSeconds = at.ToUnixTimeMilliseconds() / 1000.0;
        _size = size;
        _kept = new PriorityQueue<TrendingHit, TrendingHit>(size, TrendingHit.ShownLastFirst);
    }

    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // The trending order needs no relevance scores.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        var values = _values.For(reader);
        (_votes, _appeared, _appearances) = (values.Votes, values.Appeared, values.Appearances);
        _ids = reader.GetSortedDocValues(PaperFields.Id);
        _docBase = context.DocBase;
        _segment = context.Ord;
    }

    public void Collect(int doc)
    {
        TotalHits++;
        var votes = _votes[doc];
        var appearances = _appearances[doc];
        // Without votes or appearances the score is 0 at any age: once every kept hit scores more, such a hit (most
        // papers of an arXiv listing) is out without reading its age or computing a power.
        if (votes == 0 && appearances == 0 && _kept.Count == _size && _kept.Peek().Score > 0) return;
        var appeared = _appeared[doc];
        var score = _score.Score(votes, appearances, (_atSeconds - appeared) / SecondsPerHour);
        if (_kept.Count < _size)
        {
            var hit = Hit(score, appeared, doc);
            _kept.Enqueue(hit, hit);
            return;
        }
        // Most hits lose to the weakest kept one on score alone: no id lookup for them.
        var weakest = _kept.Peek();
        if (score < weakest.Score || (score == weakest.Score && appeared < weakest.Appeared)) return;
        if (score == weakest.Score && appeared == weakest.Appeared)
        {
            var ord = _ids?.GetOrd(doc) ?? -1;
            // A tie within one segment is decided by ordinal: the id text is read only if the hit is kept.
            var tied = _segment == weakest.Segment ? new TrendingHit(score, appeared, _segment, ord, "", _docBase + doc) : Hit(score, appeared, doc);
            if (TrendingHit.CompareShown(tied, weakest) >= 0) return;
        }
        var kept = Hit(score, appeared, doc);
        _kept.EnqueueDequeue(kept, kept);
    }

    public TopDocs GetTopDocs() => GetTopDocs(0, _size);

    public TopDocs GetTopDocs(int start) => GetTopDocs(start, _size - start);

    public TopDocs GetTopDocs(int start, int howMany)
    {
        var ordered = _kept.UnorderedItems.Select(item => item.Element).ToList();
        ordered.Sort(static (a, b) => TrendingHit.CompareShown(a, b));
        var page = ordered.Skip(start).Take(Math.Max(0, howMany)).Select(hit => new ScoreDoc(hit.Doc, (float)hit.Score)).ToArray();
        return new TopDocs(TotalHits, page, page.Length > 0 ? page[0].Score : float.NaN);
    }

    private TrendingHit Hit(double score, long appeared, int doc)
    {
        var ord = _ids?.GetOrd(doc) ?? -1;
        var id = "";
        if (_ids is not null && ord >= 0)
        {
            _ids.LookupOrd(ord, _scratch);
            id = _scratch.Utf8ToString();
        }
        return new TrendingHit(score, appeared, _segment, ord, id, _docBase + doc);
    }
}
