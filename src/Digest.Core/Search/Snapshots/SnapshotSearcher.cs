using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Digest.Core.Search.Snapshots;

/// <summary>A searcher that carries its reader's <see cref="SearchSnapshot"/>.</summary>
internal sealed class SnapshotSearcher(IndexReader reader, SearchSnapshot snapshot) : IndexSearcher(reader)
{
    public SearchSnapshot Snapshot { get; } = snapshot;

    /// <summary>The snapshot of a searcher the index made after <see cref="SearchService"/> gave it its factory.</summary>
    public static SearchSnapshot Of(IndexSearcher searcher) => ((SnapshotSearcher)searcher).Snapshot;
}
