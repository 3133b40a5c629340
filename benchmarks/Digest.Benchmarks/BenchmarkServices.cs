using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Storage;
using Digest.Core.Topics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Benchmarks;

/// <summary>The app's real services, wired by hand for benchmarks.</summary>
public static class BenchmarkServices
{
    public static IngestService CreateIngestService(PaperStore store, PaperIndex index, IOptions<DigestOptions> options) =>
        new(store, new OwnedIndex(index, new IndexSynchronizer(store, index, NullLogger<IndexSynchronizer>.Instance)), new TopicAssigner(TaxonomyLoader.LoadDefault().Taxonomy!), options, NullLogger<IngestService>.Instance);
}
