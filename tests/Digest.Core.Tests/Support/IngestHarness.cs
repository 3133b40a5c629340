using System.Text;
using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Topics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Support;

/// <summary>The real ingest service over a <see cref="TempDataDirectory"/>, owning its index unless told otherwise.</summary>
public sealed class IngestHarness : IDisposable
{
    /// <param name="ownsIndex">Whether this harness opens the index (false: another process owns it).</param>
    /// <param name="limits">Changes to the ingest limits.</param>
    /// <param name="data">The data directory to use (default: a new temp one).</param>
    /// <param name="beforeIndexOpens">Runs before the index is opened, for example to mount a small file system at the index path.</param>
    /// <param name="time">The ingest's clock (default: the system's), for stores whose timestamps a test compares.</param>
    public IngestHarness(bool ownsIndex = true, Action<IngestLimits>? limits = null, TempDataDirectory? data = null, Action<TempDataDirectory>? beforeIndexOpens = null, TimeProvider? time = null)
    {
        _time = time;
        Data = data ?? new TempDataDirectory();
        limits?.Invoke(Data.Options.Limits);
        beforeIndexOpens?.Invoke(Data);
        if (ownsIndex) OpenIndex();
        Service = new IngestService(Data.Store, Ownership, Topics, Data.OptionsWrapper, NullLogger<IngestService>.Instance, _time);
    }

    /// <summary>Closes the index and opens it again, as a restart of the app does.</summary>
    public void ReopenIndex()
    {
        Index?.Dispose();
        Index = null;
        OpenIndex();
        Service = new IngestService(Data.Store, Ownership, Topics, Data.OptionsWrapper, NullLogger<IngestService>.Instance, _time);
    }

    private readonly TimeProvider? _time;

    private void OpenIndex()
    {
        Index = Data.OpenIndex();
        Synchronizer = new IndexSynchronizer(Data.Store, Index, NullLogger<IndexSynchronizer>.Instance);
    }

    public TempDataDirectory Data { get; }

    /// <summary>The default taxonomy's assigner, shared: compiling the topic queries once is enough for every test.</summary>
    public static TopicAssigner Topics { get; } = new(TaxonomyLoader.LoadDefault().Taxonomy!);

    public PaperIndex? Index { get; private set; }

    public IndexSynchronizer? Synchronizer { get; private set; }

    /// <summary>This harness's index when it owns one, otherwise another process's.</summary>
    private IIndexOwnership Ownership => Index is null ? new IndexOwnedElsewhere(Data.Options.IndexPath) : new OwnedIndex(Index, Synchronizer!);

    public IngestService Service { get; private set; }

    public Task<IngestReport> IngestTextAsync(string name, string content, IngestRequest? request = null, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return Service.IngestAsync([new IngestSource(name, () => new MemoryStream(bytes))], request ?? new IngestRequest(), cancellationToken: cancellationToken);
    }

    public Task<IngestReport> IngestFileAsync(string path, IngestRequest? request = null, CancellationToken cancellationToken = default) =>
        Service.IngestAsync([IngestSource.FromFile(path)], request ?? new IngestRequest(), cancellationToken: cancellationToken);

    /// <summary>Ids of the documents in the index that match <paramref name="field"/>:<paramref name="value"/> exactly.</summary>
    public IReadOnlyList<string> IndexedIds(string field, string value) =>
        Index!.Search(searcher =>
        {
            var hits = searcher.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(field, value)), 1000);
            return hits.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(PaperFields.Id)).ToList();
        });

    public void Dispose()
    {
        Index?.Dispose();
        Data.Dispose();
    }
}
