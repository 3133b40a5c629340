using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Digest.Core.Indexing;
using Lucene.Net.Index;

namespace Digest.Core.Search.Facets;

/// <summary>
/// Facet ordinals cached per index reader (global maps and labels) and per segment core (flat value arrays).
/// A refresh opens a new reader: its maps are built on first use, and unchanged segments reuse their arrays.
/// Weak tables let both go with the readers that own them.
/// </summary>
internal sealed class FacetCache
{
    /// <summary>Every field counted as a facet somewhere: the search facets plus the month and digest-day listings.</summary>
    public static readonly string[] Fields =
    [
        PaperFields.Topic, PaperFields.Category, PaperFields.Year, PaperFields.HasCode, PaperFields.AuthorExact,
        PaperFields.Month, PaperFields.DigestDay,
    ];

    /// <summary>The search facets with few values, counted through per-value bit sets on broad searches.</summary>
    private static readonly HashSet<string> BitSetFields = [PaperFields.Topic, PaperFields.Category, PaperFields.Year, PaperFields.HasCode];

    /// <summary>
    /// About this many most published authors are counted first (see <see cref="FrequentFacetValues"/>): enough that
    /// the ten shown for a broad search are nearly always among them, few enough to count in a small array.
    /// </summary>
    private const int FrequentAuthors = 2_000;

    private readonly ConditionalWeakTable<IndexReader, Dictionary<string, FacetOrdinals>> _readers = new();
    private readonly ConditionalWeakTable<object, Dictionary<string, SegmentFacetValues>> _segments = new();
    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, int[]>> _allCounts = new();
    private readonly ConditionalWeakTable<IndexReader, int[]> _newestFirst = new();
    private readonly ConditionalWeakTable<IndexReader, int[]> _dateRanks = new();
    private readonly ConditionalWeakTable<IndexReader, Dictionary<string, string>> _categories = new();
    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, int[]>> _topicCounts = new();

    /// <summary>The ordinals of <paramref name="field"/> (one of <see cref="Fields"/>) for <paramref name="reader"/>.</summary>
    public FacetOrdinals For(IndexReader reader, string field) => _readers.GetValue(reader, Build)[field];

    /// <summary>
    /// Counts of <paramref name="field"/> over every live document: the browse page without filters and the day and
    /// month listings ask for these on every view, and they only change when the reader does. Read-only.
    /// </summary>
    public int[] AllCounts(IndexReader reader, string field) =>
        _allCounts.GetValue(reader, _ => new()).GetOrAdd(field, f => CountAll(reader, For(reader, f)));

    /// <summary>
    /// Every live document, newest publication first (ties in index order): the browse page without filters is the
    /// home page, and its order only changes with the reader, so it is a slice of this array instead of a sort.
    /// </summary>
    public int[] NewestFirst(IndexReader reader) => _newestFirst.GetValue(reader, SortNewestFirst);

    /// <summary>Each live document's position in <see cref="NewestFirst"/>, by document number (date sorts compare these).</summary>
    public int[] DateRanks(IndexReader reader) => _dateRanks.GetValue(reader, r =>
    {
        var order = NewestFirst(r);
        var ranks = new int[r.MaxDoc];
        for (var i = 0; i < order.Length; i++) ranks[order[i]] = i;
        return ranks;
    });

    /// <summary>Category labels by any casing (<c>cs.lg</c> → <c>cs.LG</c>): every search normalises its categories with it.</summary>
    public IReadOnlyDictionary<string, string> Categories(IndexReader reader) => _categories.GetValue(reader, r =>
    {
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var label in For(r, PaperFields.Category).Labels) lookup.TryAdd(label, label);
        return lookup;
    });

    /// <summary>Counts kept for <paramref name="reader"/> under <paramref name="key"/> (a field and topic), computed once by <paramref name="count"/>. Read-only.</summary>
    public int[] TopicCounts(IndexReader reader, string key, Func<int[]> count) =>
        _topicCounts.GetValue(reader, _ => new()).GetOrAdd(key, _ => count());

    private static int[] SortNewestFirst(IndexReader reader)
    {
        var docs = new List<(int Doc, long Published)>(reader.NumDocs);
        foreach (var leaf in reader.Leaves)
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

    private static int[] CountAll(IndexReader reader, FacetOrdinals ordinals)
    {
        var counts = new int[ordinals.ValueCount];
        foreach (var leaf in reader.Leaves)
        {
            var live = leaf.AtomicReader.LiveDocs;
            ordinals.Segment(leaf.Ord).AddAllCounts(leaf.AtomicReader.MaxDoc, doc => live is null || live.Get(doc), counts);
        }
        return counts;
    }

    private Dictionary<string, FacetOrdinals> Build(IndexReader reader) =>
        Fields.ToDictionary(field => field, field => FacetOrdinals.Build(
            reader, field, segment => SegmentValues(segment, field), frequentCandidates: field == PaperFields.AuthorExact ? FrequentAuthors : 0));

    private SegmentFacetValues SegmentValues(AtomicReader segment, string field)
    {
        var perField = _segments.GetValue(segment.CoreCacheKey, _ => []);
        lock (perField)
        {
            if (!perField.TryGetValue(field, out var values))
            {
                values = SegmentFacetValues.Build(segment, field, withValueBits: BitSetFields.Contains(field));
                perField[field] = values;
            }
            return values;
        }
    }
}
