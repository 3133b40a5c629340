using Digest.Core.Indexing;
using Digest.Core.Papers;
using Digest.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Storage;

public class PaperStoreTests
{
    private static Paper Sample(string id, string title) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        Abstract = "We study <b>things</b> & \"quotes\".",
        Authors = ["Ada Lovelace", "Alan Turing"],
        Published = new DateOnly(2025, 5, 1),
        Categories = ["cs.LG", "cs.AI"],
        CodeUrls = ["https://github.com/a/b"],
        Topics = ["llm"],
        Sources = ["jsonl"],
        FirstSeen = new DateTimeOffset(2025, 5, 2, 3, 4, 5, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2025, 5, 2, 3, 4, 5, TimeSpan.Zero),
    };

    [Fact]
    public async Task Batch_WrittenPapers_ReadBackWithEveryField()
    {
        using var data = new TempDataDirectory();
        await using (var batch = await data.Store.BeginBatchAsync())
        {
            await batch.UpsertAsync([Sample("2505.00001", "First paper")]);
            await batch.CommitAsync();
        }

        var paper = await data.Store.GetAsync("2505.00001");
        Assert.NotNull(paper);
        Assert.True(PaperMergerSameFacts(Sample("2505.00001", "First paper"), paper));
        Assert.Equal(["llm"], paper.Topics);
        Assert.Equal(1, await data.Store.LatestChangeSeqAsync());
    }

    [Fact]
    public async Task Batch_NotCommitted_IsRolledBack()
    {
        using var data = new TempDataDirectory();
        await using (var batch = await data.Store.BeginBatchAsync())
        {
            await batch.UpsertAsync([Sample("2505.00001", "First paper")]);
        }
        Assert.Equal(0, await data.Store.CountAsync());
    }

    [Fact]
    public async Task CatchUp_IndexesWhatTheStoreHas_AndRecordsTheCheckpointAcrossReopen()
    {
        using var data = new TempDataDirectory();
        await using (var batch = await data.Store.BeginBatchAsync())
        {
            await batch.UpsertAsync([Sample("2505.00001", "First paper"), Sample("2505.00002", "Second paper")]);
            await batch.CommitAsync();
        }
        using (var index = data.OpenIndex())
        {
            var synchronizer = new IndexSynchronizer(data.Store, index, NullLogger<IndexSynchronizer>.Instance);
            Assert.Equal(2, await synchronizer.CatchUpAsync());
            Assert.Equal(2, index.DocumentCount);
            Assert.Equal(0, await synchronizer.CatchUpAsync());
        }
        using (var reopened = data.OpenIndex())
        {
            Assert.Equal(1, reopened.ChangeSeq);
            Assert.Equal(2, reopened.DocumentCount);
        }
    }

    private static bool PaperMergerSameFacts(Paper a, Paper b) => Digest.Core.Ingestion.PaperMerger.SameFacts(a, b);
}
