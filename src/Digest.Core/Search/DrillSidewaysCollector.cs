using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search;

/// <summary>
/// Hits and every facet's counts in one pass (Lucene's drill-sideways idea). The query runs without the selected
/// facets' filters; each document is checked against those selections from the cached facet arrays:
/// matching all of them, it is a hit and counts for every facet; missing exactly one, it counts only for that facet
/// (its count is "with every filter except its own"); missing two or more, it is ignored.
/// Count arrays are pooled: dispose after use.
/// </summary>
internal sealed class DrillSidewaysCollector : ICollector, IDisposable
{
    private readonly ICollector _hits;
    private readonly FacetOrdinals[] _facets;
    private readonly int[][] _selectedOrds;
    private readonly SegmentFacetValues[] _segment;
    private readonly int[][] _toGlobal;

    /// <param name="hits">Receives only the documents matching every selection.</param>
    /// <param name="facets">Every facet to count, unselected ones first then the selected.</param>
    /// <param name="selectedOrds">Global ordinals of the selected values, one array per facet (empty when unselected).</param>
    public DrillSidewaysCollector(ICollector hits, FacetOrdinals[] facets, int[][] selectedOrds)
    {
        _hits = hits;
        _facets = facets;
        _selectedOrds = selectedOrds;
        _segment = new SegmentFacetValues[facets.Length];
        _toGlobal = new int[facets.Length][];
        Counts = [.. facets.Select(f => RentCleared(f.ValueCount))];
    }

    /// <summary>Counts per facet (constructor order) by global ordinal; arrays may be longer than the value count.</summary>
    public int[][] Counts { get; }

    public bool AcceptsDocsOutOfOrder => _hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _hits.SetNextReader(context);
        for (var i = 0; i < _facets.Length; i++)
        {
            _segment[i] = _facets[i].Segment(context.Ord);
            _toGlobal[i] = _facets[i].SegmentToGlobal(context.Ord);
        }
    }

    public void Collect(int doc)
    {
        var missed = -1;
        for (var i = 0; i < _facets.Length; i++)
        {
            if (_selectedOrds[i].Length == 0 || Matches(i, doc)) continue;
            if (missed >= 0) return;
            missed = i;
        }
        if (missed >= 0)
        {
            Count(missed, doc);
            return;
        }
        _hits.Collect(doc);
        for (var i = 0; i < _facets.Length; i++) Count(i, doc);
    }

    public void Dispose()
    {
        foreach (var counts in Counts) ArrayPool<int>.Shared.Return(counts);
    }

    private bool Matches(int facet, int doc)
    {
        var toGlobal = _toGlobal[facet];
        foreach (var ord in _segment[facet].OrdsOf(doc))
        {
            if (Array.IndexOf(_selectedOrds[facet], toGlobal[ord]) >= 0) return true;
        }
        return false;
    }

    private void Count(int facet, int doc)
    {
        var counts = Counts[facet];
        var toGlobal = _toGlobal[facet];
        foreach (var ord in _segment[facet].OrdsOf(doc)) counts[toGlobal[ord]]++;
    }

    private static int[] RentCleared(int length)
    {
        var counts = ArrayPool<int>.Shared.Rent(Math.Max(length, 1));
        Array.Clear(counts, 0, length);
        return counts;
    }
}
