using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search;

/// <summary>
/// Hits and every facet's counts in one pass (Lucene's drill-sideways idea). The query runs without the selected
/// facets' filters; each document is checked against those selections from the cached facet arrays:
/// matching all of them, it is a hit and counts in <see cref="HitCounts"/> of every facet; missing exactly one,
/// it counts in that facet's <see cref="MissCounts"/> (what the facet's other values would add); missing two or more,
/// it is ignored. Documents are buffered and counted a facet at a time, which keeps each count array hot in cache.
/// Call <see cref="Finish"/> after the search. Count arrays are pooled: dispose after use.
/// </summary>
internal sealed class DrillSidewaysCollector : ICollector, IDisposable
{
    private const int BufferSize = 4096;

    private readonly ICollector _hits;
    private readonly FacetOrdinals[] _facets;
    private readonly int[][] _selectedOrds;
    private readonly int[] _selectedFacets;
    private readonly FacetSegmentOrdinals[] _segment;
    private readonly int[] _hitDocs = new int[BufferSize];
    private readonly int[][] _missDocs;
    private readonly int[] _missCount;
    private int _hitCount;

    /// <param name="hits">Receives only the documents matching every selection.</param>
    /// <param name="facets">Every facet to count.</param>
    /// <param name="selectedOrds">Global ordinals of the selected values, one array per facet (empty when unselected).</param>
    public DrillSidewaysCollector(ICollector hits, FacetOrdinals[] facets, int[][] selectedOrds)
    {
        _hits = hits;
        _facets = facets;
        _selectedOrds = selectedOrds;
        _selectedFacets = [.. Enumerable.Range(0, facets.Length).Where(i => selectedOrds[i].Length > 0)];
        _segment = new FacetSegmentOrdinals[facets.Length];
        _missDocs = [.. facets.Select((_, i) => selectedOrds[i].Length > 0 ? new int[BufferSize] : [])];
        _missCount = new int[facets.Length];
        HitCounts = [.. facets.Select(f => RentCleared(f.ValueCount))];
        MissCounts = [.. facets.Select((f, i) => selectedOrds[i].Length > 0 ? RentCleared(f.ValueCount) : null)];
    }

    /// <summary>Per facet (constructor order), by global ordinal: values of the documents matching every selection. Arrays may be longer than the value count.</summary>
    public int[][] HitCounts { get; }

    /// <summary>Per facet with a selection (else null): values of the documents that miss only that facet's selection.</summary>
    public int[]?[] MissCounts { get; }

    /// <summary>Documents matching the query and every selection.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => _hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _hits.SetNextReader(context);
        for (var i = 0; i < _facets.Length; i++) _segment[i] = _facets[i].Segment(context.Ord);
    }

    public void Collect(int doc)
    {
        var missed = -1;
        foreach (var facet in _selectedFacets)
        {
            if (_segment[facet].HasAny(doc, _selectedOrds[facet])) continue;
            if (missed >= 0) return;
            missed = facet;
        }
        if (missed >= 0)
        {
            _missDocs[missed][_missCount[missed]++] = doc;
            if (_missCount[missed] == BufferSize) Flush();
            return;
        }
        _hits.Collect(doc);
        TotalHits++;
        _hitDocs[_hitCount++] = doc;
        if (_hitCount == BufferSize) Flush();
    }

    /// <summary>Counts the buffered documents of the last segment. Call once the search returns.</summary>
    public void Finish() => Flush();

    public void Dispose()
    {
        foreach (var counts in HitCounts) ArrayPool<int>.Shared.Return(counts);
        foreach (var counts in MissCounts) if (counts is not null) ArrayPool<int>.Shared.Return(counts);
    }

    private void Flush()
    {
        for (var i = 0; i < _facets.Length; i++)
        {
            if (_hitCount > 0) _segment[i].AddCounts(_hitDocs.AsSpan(0, _hitCount), HitCounts[i]);
            if (_missCount[i] > 0) _segment[i].AddCounts(_missDocs[i].AsSpan(0, _missCount[i]), MissCounts[i]!);
            _missCount[i] = 0;
        }
        _hitCount = 0;
    }

    private static int[] RentCleared(int length)
    {
        var counts = ArrayPool<int>.Shared.Rent(Math.Max(length, 1));
        Array.Clear(counts, 0, length);
        return counts;
    }
}
