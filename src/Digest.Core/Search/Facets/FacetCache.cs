using System.Collections.Concurrent;
using Digest.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search.Facets;

/// <summary>
/// The facet state of one index reader, part of its <see cref="Snapshots.SearchSnapshot"/>: global ordinal maps and
/// labels, whole-index counts, date order. Each part is built on first use and kept for the reader's life (a
/// refresh after every ingest batch must not pay for parts no search asked for); the snapshot's warm-up builds the
/// costly ones in the background. Per-segment value arrays are kept per segment core and carried from the previous
/// reader's cache: a refresh rebuilds only the maps, not the arrays of unchanged segments. Thread-safe.
/// </summary>
internal sealed class FacetCache
{
    /// <summary>Every field counted as a facet somewhere: the search facets plus the month and digest-day listings.</summary>
    public static readonly string[] Fields = [.. FacetDefinitions.All.Select(f => f.Field), PaperFields.Month, PaperFields.DigestDay];

    private readonly IndexReader _reader;
    // Per segment core: its value arrays by field, built on first use (locked: building twice would waste a segment scan).
    private readonly Dictionary<object, Dictionary<string, SegmentFacetValues>> _segments;
    // PublicationOnly: a build that fails (the reader closed under a warm-up) is not remembered; the next use builds again.
    private readonly Lazy<Dictionary<string, FacetOrdinals>> _ordinals;
    // The replaced reader's ordinals, when built: extended instead of rebuilt if this reader only adds small segments.
    private Dictionary<string, FacetOrdinals>? _previousOrdinals;
    private readonly Dictionary<string, Lazy<int[]>> _allCounts;
    private readonly Lazy<int[]> _newestFirst;
    private readonly Lazy<int[]> _dateRanks;
    private readonly Lazy<Dictionary<string, string>> _categories;
    private readonly ConcurrentDictionary<(string Field, string Topic), int[]> _topicCounts = new();

    /// <param name="reader">The reader cached.</param>
    /// <param name="previous">The cache of the reader this one replaces, whose segment arrays are reused; null for the first.</param>
    public FacetCache(IndexReader reader, FacetCache? previous)
    {
        _reader = reader;
        _segments = [];
        foreach (var leaf in reader.Leaves)
        {
            var core = leaf.AtomicReader.CoreCacheKey;
            _segments[core] = previous?._segments.GetValueOrDefault(core) ?? [];
        }
        _previousOrdinals = previous is { _ordinals.IsValueCreated: true } ? previous._ordinals.Value : null;
        _ordinals = new(Build, LazyThreadSafetyMode.PublicationOnly);
        _allCounts = Fields.ToDictionary(field => field, field => new Lazy<int[]>(() => CountAll(For(field)), LazyThreadSafetyMode.PublicationOnly));
        _newestFirst = new(SortNewestFirst, LazyThreadSafetyMode.PublicationOnly);
        _dateRanks = new(RankByDate, LazyThreadSafetyMode.PublicationOnly);
        _categories = new(CategoryLookup, LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The ordinals of <paramref name="field"/> (one of <see cref="Fields"/>).</summary>
    public FacetOrdinals For(string field) => _ordinals.Value[field];

    /// <summary>
    /// Counts of <paramref name="field"/> over every live document, one per value: the browse page without filters and
    /// the day and month listings ask for these on every view, and they only change when the reader does. Read-only.
    /// </summary>
    public int[] AllCounts(string field) => _allCounts[field].Value;

    /// <summary>
    /// Every live document, newest publication first (ties in index order): the browse page without filters is the
    /// home page, and its order only changes with the reader, so it is a slice of this array instead of a sort.
    /// </summary>
    public int[] NewestFirst => _newestFirst.Value;

    /// <summary>Each live document's position in <see cref="NewestFirst"/>, by document number (date sorts compare these).</summary>
    public int[] DateRanks => _dateRanks.Value;

    /// <summary>Category labels by any casing (<c>cs.lg</c> → <c>cs.LG</c>): every search normalises its categories with it.</summary>
    public IReadOnlyDictionary<string, string> Categories => _categories.Value;

    /// <summary>
    /// Counts of <paramref name="field"/> over the papers of <paramref name="topic"/>, one per value, counted once
    /// with <paramref name="searcher"/> (over this reader): the topics page charts every topic on each view. Read-only.
    /// </summary>
    public int[] TopicCounts(IndexSearcher searcher, string field, string topic) => _topicCounts.GetOrAdd((field, topic), key =>
    {
        using var counter = new FacetCountCollector(For(key.Field));
        searcher.Search(new TermQuery(new Term(PaperFields.Topic, key.Topic)), counter);
        return counter.Counts(0).ToArray();
    });

    /// <summary>Builds what the first search of a new reader would otherwise wait for: the ordinal maps and whole-index counts.</summary>
    public void Warm()
    {
        foreach (var field in Fields) AllCounts(field);
    }

    private int[] SortNewestFirst()
    {
        var docs = new List<(int Doc, long Published)>(_reader.NumDocs);
        foreach (var leaf in _reader.Leaves)
        {
            var live = leaf.AtomicReader.LiveDocs;
            var published = leaf.AtomicReader.GetNumericDocValues(PaperFields.Published);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                docs.Add((leaf.DocBase + doc, published?.Get(doc) ?? 0));
            }
        }
        docs.Sort(static (a, b) => a.Published != b.Published ? b.Published.CompareTo(a.Published) : a.Doc.CompareTo(b.Doc));
        return [.. docs.Select(d => d.Doc)];
    }

    private int[] RankByDate()
    {
        var order = NewestFirst;
        var ranks = new int[_reader.MaxDoc];
        for (var i = 0; i < order.Length; i++) ranks[order[i]] = i;
        return ranks;
    }

    private Dictionary<string, string> CategoryLookup()
    {
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var label in For(PaperFields.Category).Labels) lookup.TryAdd(label, label);
        return lookup;
    }

    private int[] CountAll(FacetOrdinals ordinals)
    {
        var counts = new int[ordinals.ValueCount];
        foreach (var leaf in _reader.Leaves)
        {
            var live = leaf.AtomicReader.LiveDocs;
            ordinals.Segment(leaf.Ord).AddAllCounts(leaf.AtomicReader.MaxDoc, doc => live is null || live.Get(doc), counts);
        }
        return counts;
    }

    private Dictionary<string, FacetOrdinals> Build()
    {
        var previous = _previousOrdinals;
        var built = Fields.ToDictionary(field => field, field =>
        {
            var facet = Array.Find(FacetDefinitions.All, f => f.Field == field);
            Func<AtomicReader, SegmentFacetValues> values = segment => SegmentValues(segment, field, facet?.FewValues ?? false);
            return (previous is not null && previous.TryGetValue(field, out var before) ? FacetOrdinals.TryExtend(before, _reader, field, values) : null)
                ?? FacetOrdinals.Build(_reader, field, values, frequentCandidates: facet?.FrequentFirst ?? 0);
        });
        // Released once used: a chain of readers must not keep each other's arrays alive.
        _previousOrdinals = null;
        return built;
    }

    private SegmentFacetValues SegmentValues(AtomicReader segment, string field, bool withValueBits)
    {
        var perField = _segments[segment.CoreCacheKey];
        lock (perField)
        {
            if (!perField.TryGetValue(field, out var values))
            {
                values = SegmentFacetValues.Build(segment, field, withValueBits);
                perField[field] = values;
            }
            return values;
        }
    }
}
