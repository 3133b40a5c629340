using Digest.Core.Indexing;
using Digest.Core.Search;
using Digest.Core.Tests.Search;
using Digest.Core.Tests.Support;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Indexing;

/// <summary>What the index is written with (codec, schema) and what happens to an index written otherwise.</summary>
public class PaperIndexFormatTests
{
    [Fact]
    public async Task IndexOfAnotherSchema_HasNoCheckpoint_AndIsRebuiltFromTheStore()
    {
        using var harness = new IngestHarness();
        var papers = SearchCorpus.Default().Take(6).ToList();
        await StoreAsync(harness, papers);
        Assert.Equal(6, await harness.Synchronizer!.CatchUpAsync());
        harness.Index!.Dispose();

        // What an earlier version committed: a checkpoint without this schema.
        RewriteCommitData(harness.Data.Options.IndexPath, new Dictionary<string, string> { ["change_seq"] = "1" });
        Assert.Equal((6, 0L), PaperIndex.ReadCommitted(harness.Data.Options.IndexPath));

        // Its documents stay searchable until the rebuild replaces them; the checkpoint says to rebuild everything.
        using var reopened = harness.Data.OpenIndex();
        Assert.Equal(0, reopened.ChangeSeq);
        Assert.Equal(6, await new IndexSynchronizer(harness.Data.Store, reopened, NullLogger<IndexSynchronizer>.Instance).CatchUpAsync());
        var service = new SearchService(reopened, NullLogger<SearchService>.Instance);
        Assert.Equal(6, reopened.DocumentCount);
        Assert.Equal(["2406.00004"], service.Search(new SearchRequest { Query = "protein franklin" }).Results.Select(r => r.Id));
    }

    [Fact]
    public async Task IndexOfThisSchema_KeepsItsDocumentsOnOpen()
    {
        using var harness = new IngestHarness();
        await StoreAsync(harness, SearchCorpus.Default().Take(4));
        await harness.Synchronizer!.CatchUpAsync();
        var seq = harness.Index!.ChangeSeq;
        harness.Index.Dispose();

        using var reopened = harness.Data.OpenIndex();
        Assert.Equal(4, reopened.DocumentCount);
        Assert.Equal(seq, reopened.ChangeSeq);
        Assert.Equal((4, seq), PaperIndex.ReadCommitted(harness.Data.Options.IndexPath));
    }

    [Fact]
    public async Task NewSegments_AreWrittenWithThePaperCodec()
    {
        using var harness = new IngestHarness();
        await StoreAsync(harness, SearchCorpus.Default());
        await harness.Synchronizer!.CatchUpAsync();

        using var directory = new NIOFSDirectory(new DirectoryInfo(harness.Data.Options.IndexPath));
        var segments = new SegmentInfos();
        segments.Read(directory);
        Assert.NotEmpty(segments.Segments);
        Assert.All(segments.Segments, segment => Assert.Equal(PaperCodec.CodecName, segment.Info.Codec.Name));
    }

    [Fact]
    public void SegmentsOfLucenesDefaultCodec_StayReadable_NextToNewOnes()
    {
        using var data = new TempDataDirectory();
        var papers = SearchCorpus.Default().ToList();
        using (var directory = new NIOFSDirectory(new DirectoryInfo(data.Options.IndexPath)))
        using (var analyzer = PaperAnalyzer.Create())
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(PaperAnalyzer.Version, analyzer) { Codec = new Lucene46Codec() }))
        {
            foreach (var paper in papers.Take(5)) writer.AddDocument(PaperDocumentFactory.Create(paper, 1));
            writer.SetCommitData(new Dictionary<string, string> { ["change_seq"] = "1", ["schema"] = PaperIndex.Schema });
            writer.Commit();
        }

        using var index = data.OpenIndex();
        Assert.Equal(5, index.DocumentCount);
        index.Apply(papers.Skip(5).ToList(), [], 2);
        index.Refresh();
        var service = new SearchService(index, NullLogger<SearchService>.Instance);
        var all = service.Search(new SearchRequest { PageSize = 50 });
        Assert.Equal(papers.Count, all.TotalHits);
        Assert.Equal(papers.Select(p => p.Title).Order(), all.Results.Select(r => r.Title).Order());
        Assert.Equal(["2406.00004"], service.Search(new SearchRequest { Query = "protein franklin" }).Results.Select(r => r.Id));
    }

    private static async Task StoreAsync(IngestHarness harness, IEnumerable<Digest.Core.Papers.Paper> papers)
    {
        await using var batch = await harness.Data.Store.BeginBatchAsync();
        await batch.UpsertAsync(papers);
        await batch.CommitAsync();
    }

    private static void RewriteCommitData(string indexPath, Dictionary<string, string> commitData)
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        using var analyzer = PaperAnalyzer.Create();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(PaperAnalyzer.Version, analyzer) { OpenMode = OpenMode.APPEND });
        writer.SetCommitData(commitData);
        writer.Commit();
    }
}
