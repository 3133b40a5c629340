using System.Numerics;
using System.Runtime.CompilerServices;

namespace Digest.Core.Search.Facets;

/// <summary>
/// One segment's values of one facet field as global ordinals of the current reader, in flat arrays: counting a
/// document is a short loop of array increments, with no per-hit lookup from segment to global ordinals (for the
/// author facet that lookup was a second cache miss per value). Fields with few values also count a whole set of
/// hits at once through per-value bit sets. Built per reader by <see cref="FacetOrdinals"/>.
/// </summary>
internal sealed class FacetSegmentOrdinals
{
    public static readonly FacetSegmentOrdinals Empty = new([], [], null, []);

    private readonly int[] _starts;
    private readonly int[] _ords;
    private readonly ulong[][]? _valueBits;
    private readonly int[] _segmentToGlobal;
    private readonly double _ordsPerDoc;

    /// <param name="starts">Where each document's ordinals start in <paramref name="ords"/> (empty: no values).</param>
    /// <param name="ords">Global ordinals of every document's values, one after another.</param>
    /// <param name="valueBits">Documents per segment ordinal, or null (see <see cref="SegmentFacetValues.ValueBits"/>).</param>
    /// <param name="segmentToGlobal">Global ordinal of each segment ordinal.</param>
    public FacetSegmentOrdinals(int[] starts, int[] ords, ulong[][]? valueBits, int[] segmentToGlobal)
    {
        _starts = starts;
        _ords = ords;
        _valueBits = valueBits;
        _segmentToGlobal = segmentToGlobal;
        _ordsPerDoc = starts.Length <= 1 ? 0 : (double)ords.Length / (starts.Length - 1);
    }

    /// <summary>Adds one to <paramref name="counts"/> for every value of every document in <paramref name="docs"/>.</summary>
    public void AddCounts(ReadOnlySpan<int> docs, int[] counts)
    {
        var (starts, ords) = (_starts, _ords);
        if (starts.Length == 0) return;
        foreach (var doc in docs) CountValuesOf(starts, ords, doc, counts);
    }

    /// <summary>
    /// Adds one to <paramref name="counts"/> for every value of the <paramref name="docCount"/> documents set in
    /// <paramref name="docs"/>: by intersecting bit sets when that is cheaper (many hits, few values), else per document.
    /// </summary>
    public void AddCounts(ulong[] docs, int docCount, int[] counts)
    {
        if (_starts.Length == 0 || docCount == 0) return;
        var words = (_starts.Length - 1 + 63) / 64;
        // A bit set intersection costs about a word operation per 64 documents per value; counting per document
        // costs a scattered increment per value of each hit, several times dearer than a word operation.
        if (_valueBits is not null && docCount * _ordsPerDoc * 8 > (double)_valueBits.Length * words)
        {
            for (var ord = 0; ord < _valueBits.Length; ord++)
            {
                var count = CountCommon(docs, _valueBits[ord], words);
                if (count > 0) counts[_segmentToGlobal[ord]] += count;
            }
            return;
        }

        var (starts, ords) = (_starts, _ords);
        for (var word = 0; word < words; word++)
        {
            var bits = docs[word];
            while (bits != 0)
            {
                CountValuesOf(starts, ords, (word << 6) + BitOperations.TrailingZeroCount(bits), counts);
                bits &= bits - 1;
            }
        }
    }

    /// <summary>Adds one to <paramref name="counts"/> for every value of every document below <paramref name="maxDoc"/> that <paramref name="isLive"/> accepts.</summary>
    public void AddAllCounts(int maxDoc, Func<int, bool> isLive, int[] counts)
    {
        if (_starts.Length == 0) return;
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if (isLive(doc)) CountValuesOf(_starts, _ords, doc, counts);
        }
    }

    /// <summary>Whether <paramref name="doc"/> has any of the (few) global ordinals in <paramref name="selected"/>.</summary>
    public bool HasAny(int doc, int[] selected)
    {
        if (_starts.Length == 0) return false;
        var end = _starts[doc + 1];
        for (var i = _starts[doc]; i < end; i++)
        {
            if (Array.IndexOf(selected, _ords[i]) >= 0) return true;
        }
        return false;
    }

    /// <summary>
    /// The documents with any of the global ordinals in <paramref name="selected"/>, as a bit set (the union of the
    /// values' bit sets), or null when this field has no per-value bit sets. Testing a bit is cheaper than scanning
    /// a document's values for each hit of a filtered search.
    /// </summary>
    public ulong[]? DocumentsWithAny(int[] selected)
    {
        if (_valueBits is null || _starts.Length == 0) return null;
        var words = (_starts.Length - 1 + 63) / 64;
        var union = new ulong[words];
        for (var ord = 0; ord < _valueBits.Length; ord++)
        {
            if (Array.IndexOf(selected, _segmentToGlobal[ord]) < 0) continue;
            var bits = _valueBits[ord];
            for (var i = 0; i < words; i++) union[i] |= bits[i];
        }
        return union;
    }

    // The innermost loop of every count: inlined into each caller, over arrays the caller holds in locals (fields
    // would be read again on every value).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CountValuesOf(int[] starts, int[] ords, int doc, int[] counts)
    {
        var end = starts[doc + 1];
        for (var i = starts[doc]; i < end; i++) counts[ords[i]]++;
    }

    private static int CountCommon(ulong[] a, ulong[] b, int words)
    {
        var count = 0;
        var left = a.AsSpan(0, words);
        var right = b.AsSpan(0, words);
        for (var i = 0; i < left.Length; i++) count += BitOperations.PopCount(left[i] & right[i]);
        return count;
    }
}
