using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search.Facets;

/// <summary>
/// Hits and every facet's counts in one pass (Lucene's drill-sideways idea). The query runs without the selected
/// facets' filters; each document is checked against those selections from the cached facet arrays:
/// matching all of them, it is a hit and counts in every facet's hit counts; missing exactly one, it counts in that
/// facet's miss counts (what the facet's other values would add); missing two or more, it is ignored. Documents are
/// marked in a segment's bit sets and counted when the segment is done, a facet at a time (see
/// <see cref="FacetSegmentOrdinals.AddCounts(ulong[], int, int[])"/>).
/// Call <see cref="Finish"/> after the search, then read <see cref="Facets"/>. Every buffer is pooled and owned here
/// (see <see cref="DrillSidewaysFacet"/>): dispose after use.
/// </summary>
internal sealed class DrillSidewaysCollector : ICollector, IDisposable
{
    private readonly ICollector _hits;
    private readonly DrillSidewaysFacet[] _facets;
    private readonly DrillSidewaysFacet[] _selected;
    // Each segment's hits are kept until Finish: a facet counted frequent values first may still need every value
    // counted then (most searches: the author facet without a selection).
    private readonly List<(int LeafOrd, PooledBuffer<ulong> Docs, int Count)> _segmentHits = [];
    private ulong[] _hitDocs = [];
    private int _hitCount;
    private int _leafOrd;

    /// <param name="hits">Receives only the documents matching every selection.</param>
    /// <param name="facets">Every facet to count, with the request's selection in it.</param>
    public DrillSidewaysCollector(ICollector hits, DrillSidewaysFacet[] facets)
    {
        _hits = hits;
        _facets = facets;
        _selected = [.. facets.Where(f => f.IsSelected)];
    }

    /// <summary>Documents matching the query and every selection.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => _hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _hits.SetNextReader(context);
        _leafOrd = context.Ord;
        var words = (context.AtomicReader.MaxDoc + 63) / 64;
        foreach (var facet in _facets) facet.StartSegment(_leafOrd, words);
        var hitDocs = new PooledBuffer<ulong>(words);
        _segmentHits.Add((_leafOrd, hitDocs, 0));
        _hitDocs = hitDocs.Array;
    }

    public void Collect(int doc)
    {
        DrillSidewaysFacet? missed = null;
        foreach (var facet in _selected)
        {
            if (facet.Selects(doc)) continue;
            if (missed is not null) return;
            missed = facet;
        }
        if (missed is not null)
        {
            missed.MissDocs!.Array[doc >> 6] |= 1UL << doc;
            missed.MissCount++;
            return;
        }
        _hits.Collect(doc);
        TotalHits++;
        _hitDocs[doc >> 6] |= 1UL << doc;
        _hitCount++;
    }

    /// <summary>Counts the marked documents of the last segment, then settles the facets counted frequent values first. Call once the search returns.</summary>
    public void Finish()
    {
        Flush();
        foreach (var facet in _facets)
        {
            if (facet.FrequentCounts is { } frequentCounts) Settle(facet, facet.Ordinals.Frequent!, frequentCounts.Span);
        }
    }

    /// <summary>Every facet's values with the count each link leads to (see <see cref="FacetValues"/>). After <see cref="Finish"/>.</summary>
    public IReadOnlyList<SearchFacet> Facets(SearchRequest request) =>
        [.. _facets.Select(f => FacetValues.Of(f.Definition, f.Ordinals, f.HitCounts.Span, f.MissCounts is { } miss ? miss.Span : default, TotalHits, request, f.Candidates))];

    public void Dispose()
    {
        foreach (var (_, docs, _) in _segmentHits) docs.Dispose();
        _segmentHits.Clear();
        foreach (var facet in _facets) facet.Dispose();
    }

    /// <summary>
    /// The shown values of a facet counted frequent values first: exact when the last shown count reaches the
    /// threshold (no other value can reach it), else every value is counted over the kept hits.
    /// </summary>
    private void Settle(DrillSidewaysFacet facet, FrequentFacetValues frequent, ReadOnlySpan<int> frequentCounts)
    {
        var dense = frequent.DenseToGlobal.Length;
        var shown = Math.Min(facet.Definition.Top ?? int.MaxValue, dense);
        var best = TopCounts.Ordinals(frequentCounts, candidates: null, dense, shown);
        var counts = facet.HitCounts.Span;
        if (best is [.., var lastShown] && best.Count == shown && frequentCounts[lastShown] >= frequent.Threshold)
        {
            for (var d = 0; d < dense; d++) counts[frequent.DenseToGlobal[d]] = frequentCounts[d];
            facet.Candidates = frequent.DenseToGlobal;
            return;
        }
        foreach (var (leafOrd, docs, count) in _segmentHits) facet.Ordinals.Segment(leafOrd).AddCounts(docs.Array, count, facet.HitCounts.Array);
    }

    private void Flush()
    {
        if (_segmentHits.Count == 0) return;
        _segmentHits[^1] = _segmentHits[^1] with { Count = _hitCount };
        foreach (var facet in _facets)
        {
            if (_hitCount > 0 && facet.FrequentCounts is { } frequentCounts)
            {
                facet.Ordinals.Frequent!.Segment(_leafOrd).AddCounts(_hitDocs, _hitCount, frequentCounts.Array);
            }
            else if (_hitCount > 0)
            {
                facet.Segment.AddCounts(_hitDocs, _hitCount, facet.HitCounts.Array);
            }
            if (facet.MissCount > 0)
            {
                facet.Segment.AddCounts(facet.MissDocs!.Array, facet.MissCount, facet.MissCounts!.Array);
                facet.MissCount = 0;
            }
        }
        _hitCount = 0;
    }
}
