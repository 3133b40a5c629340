using System.Text;
using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Topics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Support;

/// <summary>The real ingest service over a <see cref="TempDataDirectory"/>, owning its index unless told otherwise.</summary>
public sealed class IngestHarness : IDisposable
{
    public IngestHarness(bool ownsIndex = true, Action<IngestLimits>? limits = null)
    {
        limits?.Invoke(Data.Options.Limits);
        if (ownsIndex)
        {
            Index = Data.OpenIndex();
            Synchronizer = new IndexSynchronizer(Data.Store, Index, NullLogger<IndexSynchronizer>.Instance);
        }
        Service = new IngestService(Data.Store, Synchronizer, Topics, Data.OptionsWrapper, NullLogger<IngestService>.Instance);
    }

    public TempDataDirectory Data { get; } = new();

    /// <summary>The default taxonomy's assigner, shared: compiling the topic queries once is enough for every test.</summary>
    public static TopicAssigner Topics { get; } = new(TaxonomyLoader.LoadDefault().Taxonomy!);

    public PaperIndex? Index { get; private set; }

    public IndexSynchronizer? Synchronizer { get; private set; }

    public IngestService Service { get; }

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
