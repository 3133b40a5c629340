using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search.Facets;

/// <summary>
/// Hits and every facet's counts in one pass (Lucene's drill-sideways idea). The query runs without the selected
/// facets' filters; each document is checked against those selections from the cached facet arrays:
/// matching all of them, it is a hit and counts in <see cref="HitCounts"/> of every facet; missing exactly one,
/// it counts in that facet's <see cref="MissCounts"/> (what the facet's other values would add); missing two or more,
/// it is ignored. Documents are marked in a segment's bit sets and counted when the segment is done, a facet at a
/// time (see <see cref="FacetSegmentOrdinals.AddCounts(ulong[], int, int[])"/>).
/// Call <see cref="Finish"/> after the search. Count arrays are pooled: dispose after use.
/// </summary>
internal sealed class DrillSidewaysCollector : ICollector, IDisposable
{
    private readonly ICollector _hits;
    private readonly FacetOrdinals[] _facets;
    private readonly int[][] _selectedOrds;
    private readonly int[] _selectedFacets;
    private readonly FacetSegmentOrdinals[] _segment;
    private readonly int[] _missCount;
    private readonly ulong[]?[] _missDocs;
    private readonly int[] _shown;
    private readonly int[]?[] _frequentCounts;
    private readonly ulong[]?[] _selectedDocs;
    // Some facet counts its frequent values first, so every segment's hits are kept until Finish.
    private readonly bool _countsFrequentFirst;
    private readonly List<(int LeafOrd, ulong[] Docs, int Count)> _segmentHits = [];
    private ulong[] _hitDocs = [];
    private int _hitCount;
    private int _words;
    private int _leafOrd;

    /// <param name="hits">Receives only the documents matching every selection.</param>
    /// <param name="facets">Every facet to count.</param>
    /// <param name="selectedOrds">Global ordinals of the selected values, one array per facet (empty when unselected).</param>
    /// <param name="shown">How many values of each facet are shown (the top counts): a facet with
    /// <see cref="FacetOrdinals.Frequent"/> values and no selection counts those first.</param>
    public DrillSidewaysCollector(ICollector hits, FacetOrdinals[] facets, int[][] selectedOrds, int[] shown)
    {
        _shown = shown;
        _selectedDocs = new ulong[facets.Length][];
        _frequentCounts = [.. facets.Select((f, i) => f.Frequent is { } frequent && selectedOrds[i].Length == 0 ? PooledArrays.RentCleared<int>(frequent.DenseToGlobal.Length) : null)];
        _countsFrequentFirst = Array.Exists(_frequentCounts, counts => counts is not null);
        _hits = hits;
        _facets = facets;
        _selectedOrds = selectedOrds;
        _selectedFacets = [.. Enumerable.Range(0, facets.Length).Where(i => selectedOrds[i].Length > 0)];
        _segment = new FacetSegmentOrdinals[facets.Length];
        _missCount = new int[facets.Length];
        _missDocs = new ulong[facets.Length][];
        HitCounts = [.. facets.Select(f => PooledArrays.RentCleared<int>(f.ValueCount))];
        MissCounts = [.. facets.Select((f, i) => selectedOrds[i].Length > 0 ? PooledArrays.RentCleared<int>(f.ValueCount) : null)];
        Candidates = new int[facets.Length][];
    }

    /// <summary>Per facet (constructor order), by global ordinal: values of the documents matching every selection. Arrays may be longer than the value count.</summary>
    public int[][] HitCounts { get; }

    /// <summary>Per facet with a selection (else null): values of the documents that miss only that facet's selection.</summary>
    public int[]?[] MissCounts { get; }

    /// <summary>
    /// Per facet: the ordinals of its frequent values when its counts were settled from them (every other count is
    /// zero, so the top values are among these), else null (look at every value).
    /// </summary>
    public int[]?[] Candidates { get; }

    /// <summary>Documents matching the query and every selection.</summary>
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => _hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _hits.SetNextReader(context);
        for (var i = 0; i < _facets.Length; i++) _segment[i] = _facets[i].Segment(context.Ord);
        foreach (var facet in _selectedFacets) _selectedDocs[facet] = _segment[facet].DocumentsWithAny(_selectedOrds[facet]);
        _leafOrd = context.Ord;
        _words = (context.AtomicReader.MaxDoc + 63) / 64;
        if (_countsFrequentFirst)
        {
            // Each segment's hits are kept until the end: counting every value of a facet may still be needed then.
            _hitDocs = PooledArrays.RentCleared<ulong>(_words);
            _segmentHits.Add((_leafOrd, _hitDocs, 0));
        }
        foreach (var facet in _selectedFacets)
        {
            if (_missDocs[facet] is not { } bits || bits.Length < _words)
            {
                if (_missDocs[facet] is { } small) ArrayPool<ulong>.Shared.Return(small);
                _missDocs[facet] = ArrayPool<ulong>.Shared.Rent(_words);
            }
            // Pooled arrays come back dirty, and a larger segment uses words the last one did not: clear them all.
            Array.Clear(_missDocs[facet]!, 0, _words);
        }
        if (!_countsFrequentFirst)
        {
            if (_hitDocs.Length < _words)
            {
                if (_hitDocs.Length > 0) ArrayPool<ulong>.Shared.Return(_hitDocs);
                _hitDocs = ArrayPool<ulong>.Shared.Rent(_words);
            }
            Array.Clear(_hitDocs, 0, _words);
        }
    }

    public void Collect(int doc)
    {
        var missed = -1;
        foreach (var facet in _selectedFacets)
        {
            if (_selectedDocs[facet] is { } selectedDocs ? (selectedDocs[doc >> 6] & (1UL << doc)) != 0 : _segment[facet].HasAny(doc, _selectedOrds[facet])) continue;
            if (missed >= 0) return;
            missed = facet;
        }
        if (missed >= 0)
        {
            _missDocs[missed]![doc >> 6] |= 1UL << doc;
            _missCount[missed]++;
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
        for (var i = 0; i < _facets.Length; i++)
        {
            if (_frequentCounts[i] is { } frequentCounts) Settle(i, _facets[i].Frequent!, frequentCounts);
        }
    }

    public void Dispose()
    {
        ReturnMissBitSets();
        if (_countsFrequentFirst)
        {
            foreach (var (_, docs, _) in _segmentHits) ArrayPool<ulong>.Shared.Return(docs);
        }
        else if (_hitDocs.Length > 0)
        {
            ArrayPool<ulong>.Shared.Return(_hitDocs);
        }
        foreach (var counts in _frequentCounts) if (counts is not null) ArrayPool<int>.Shared.Return(counts);
        foreach (var counts in HitCounts) ArrayPool<int>.Shared.Return(counts);
        foreach (var counts in MissCounts) if (counts is not null) ArrayPool<int>.Shared.Return(counts);
    }

    /// <summary>
    /// The shown values of a facet counted frequent values first: exact when the last shown count reaches the
    /// threshold (no other value can reach it), else every value is counted over the kept hits.
    /// </summary>
    private void Settle(int facet, FrequentFacetValues frequent, int[] frequentCounts)
    {
        var dense = frequent.DenseToGlobal.Length;
        var shown = Math.Min(_shown[facet], dense);
        var best = TopCounts.Ordinals(frequentCounts, candidates: null, dense, shown);
        var counts = HitCounts[facet];
        if (best is [.., var lastShown] && best.Count == shown && frequentCounts[lastShown] >= frequent.Threshold)
        {
            for (var d = 0; d < dense; d++) counts[frequent.DenseToGlobal[d]] = frequentCounts[d];
            Candidates[facet] = frequent.DenseToGlobal;
            return;
        }
        foreach (var (leafOrd, docs, count) in _segmentHits) _facets[facet].Segment(leafOrd).AddCounts(docs, count, counts);
    }

    private void Flush()
    {
        if (_countsFrequentFirst && _segmentHits.Count > 0) _segmentHits[^1] = (_leafOrd, _hitDocs, _hitCount);
        for (var i = 0; i < _facets.Length; i++)
        {
            if (_hitCount > 0 && _frequentCounts[i] is { } frequentCounts)
            {
                _facets[i].Frequent!.Segment(_leafOrd).AddCounts(_hitDocs, _hitCount, frequentCounts);
            }
            else if (_hitCount > 0)
            {
                _segment[i].AddCounts(_hitDocs, _hitCount, HitCounts[i]);
            }
            if (_missCount[i] > 0)
            {
                _segment[i].AddCounts(_missDocs[i]!, _missCount[i], MissCounts[i]!);
                _missCount[i] = 0;
            }
        }
        _hitCount = 0;
    }

    private void ReturnMissBitSets()
    {
        for (var i = 0; i < _missDocs.Length; i++)
        {
            if (_missDocs[i] is { } bits) ArrayPool<ulong>.Shared.Return(bits);
            _missDocs[i] = null;
        }
    }
}
