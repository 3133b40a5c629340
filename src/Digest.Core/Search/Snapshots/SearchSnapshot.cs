using Digest.Core.Search.Facets;
using Digest.Core.Search.Queries;
using Digest.Core.Search.Snippets;
using Digest.Core.Trending;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace Digest.Core.Search.Snapshots;

/// <summary>
/// Everything search keeps about one index reader, made once when the reader opens (by
/// <see cref="SearchSnapshotFactory"/>, Lucene's <c>SearcherFactory</c> hook) and gone with it. Its parts are built on
/// first use and kept (see <see cref="FacetCache"/>): opening a reader after each ingest batch costs no more than before.
/// The analysed words of titles and abstracts are not here: analysis does not change with the index, so they are
/// kept per analyzer (<see cref="WordTermsMemo.For"/>) and survive every refresh.
/// </summary>
internal sealed class SearchSnapshot
{
    /// <param name="reader">The reader.</param>
    /// <param name="analyzer">The index's analyzer.</param>
    /// <param name="previous">The snapshot of the reader this one replaces (its unchanged segments' arrays are reused); null for the first.</param>
    public SearchSnapshot(IndexReader reader, Analyzer analyzer, SearchSnapshot? previous)
    {
        Reader = reader;
        Facets = new FacetCache(reader, previous?.Facets);
        Trending = new TrendingValues(reader, previous?.Trending);
        Frequencies = new WordFrequencies(analyzer);
    }

    public IndexReader Reader { get; }

    /// <summary>Facet ordinals, whole-index counts and date order of this reader.</summary>
    public FacetCache Facets { get; }

    /// <summary>What the trending score reads per document, by segment.</summary>
    public TrendingValues Trending { get; }

    /// <summary>Document frequencies of words in this reader, for query parsing.</summary>
    public WordFrequencies Frequencies { get; }
}
