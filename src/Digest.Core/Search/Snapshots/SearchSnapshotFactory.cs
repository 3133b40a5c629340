using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.Logging;

namespace Digest.Core.Search.Snapshots;

/// <summary>
/// Makes each searcher the index opens, with its reader's <see cref="SearchSnapshot"/> (given to
/// <see cref="Indexing.PaperIndex.UseSearcherFactory"/>). The first search of a new reader would build the facet maps
/// and counts and wait for them; the factory builds them in the background instead, once things settle: a reader
/// replaced within <see cref="WarmDelay"/> (a bulk ingest refreshes after every batch) is never warmed, only the last.
/// </summary>
internal sealed class SearchSnapshotFactory(Analyzer analyzer, Similarity similarity, ILogger logger) : SearcherFactory
{
    /// <summary>How long a new reader must stay the latest before it is warmed.</summary>
    public static readonly TimeSpan WarmDelay = TimeSpan.FromMilliseconds(500);

    // The newest snapshot: the next one reuses its segment arrays, and only it is warmed.
    private volatile SearchSnapshot? _latest;

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        var previous = _latest;
        var snapshot = new SearchSnapshot(reader, analyzer, previous);
        _latest = snapshot;
        // Only a reader that replaces one (a refresh) is warmed, as before: the first is built by the first search,
        // or by SearchService.Warm where that must not wait.
        if (previous is not null) _ = WarmWhenSettledAsync(snapshot);
        return new SnapshotSearcher(reader, snapshot) { Similarity = similarity };
    }

    private async Task WarmWhenSettledAsync(SearchSnapshot snapshot)
    {
        await Task.Delay(WarmDelay).ConfigureAwait(false);
        if (!ReferenceEquals(snapshot, _latest) || !snapshot.Reader.TryIncRef()) return;
        try
        {
            snapshot.Facets.Warm();
        }
        catch (ObjectDisposedException)
        {
            // The index closed (shutdown) while the build ran: nothing left to warm.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Building the facet caches of a new reader failed; the next search builds them");
        }
        finally
        {
            snapshot.Reader.DecRef();
        }
    }
}
