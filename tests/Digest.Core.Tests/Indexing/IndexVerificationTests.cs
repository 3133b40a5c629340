using Digest.Core.Indexing;
using Digest.Core.Tests.Support;

namespace Digest.Core.Tests.Indexing;

public sealed class IndexVerificationTests
{
    [Fact]
    public async Task Verify_ReindexesPapersTheIndexLost_AndDropsDocumentsTheStoreDoesNotHave()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("a.jsonl", SyntheticPapers.JsonLines(300));
        await harness.IngestTextAsync("b.jsonl", SyntheticPapers.JsonLines(200, first: 300));
        var index = harness.Index!;
        var latest = await harness.Data.Store.LatestChangeSeqAsync();

        // Behind the synchronizer's back: documents gone (as a lost flush), one the store never had, one stale version.
        // (Counts per change cannot see two such faults in the same change that cancel out, so each is in another change.)
        index.Delete(["2501.00320", "2501.00310"]);
        var ghost = (await harness.Data.Store.GetAsync("2501.00001"))! with { Id = "ghost-paper", ArxivId = null, Title = "A ghost paper" };
        index.ApplyChanges([new PaperChange(ghost, latest + 5)], [], latest);
        var stale = (await harness.Data.Store.GetAsync("2501.00400"))! with { Title = "An old title" };
        index.ApplyChanges([new PaperChange(stale, 1)], [], latest);
        index.Commit();
        index.Refresh();
        Assert.Equal(499, index.DocumentCount);
        Assert.Equal(0, await harness.Synchronizer!.CatchUpAsync()); // the checkpoint says "in step": only verification can see it

        var repaired = await harness.Synchronizer.VerifyAsync();

        Assert.True(repaired >= 4, $"repaired {repaired}");
        Assert.Equal(500, index.DocumentCount);
        Assert.Single(harness.IndexedIds(PaperFields.Id, "2501.00320"));
        Assert.Single(harness.IndexedIds(PaperFields.Id, "2501.00310"));
        Assert.Empty(harness.IndexedIds(PaperFields.Id, "ghost-paper"));
        Assert.Single(harness.IndexedIds(PaperFields.Id, "2501.00400"));
        Assert.Empty(harness.IndexedIds(PaperFields.Title, "old"));
        Assert.Equal(0, await harness.Synchronizer.VerifyAsync());
    }

    [Fact]
    public async Task Verify_OfAnIndexInStep_ChangesNothing()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("a.jsonl", SyntheticPapers.JsonLines(50));
        Assert.Equal(0, await harness.Synchronizer!.VerifyAsync());
        Assert.Equal(50, harness.Index!.DocumentCount);
    }

    [Fact]
    public async Task AppliedChanges_AreNotReportedSearchable_UntilARefreshMakesThemSo()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("a.jsonl", SyntheticPapers.JsonLines(10));
        var index = harness.Index!;
        var before = index.SearchableChangeSeq;
        var paper = (await harness.Data.Store.GetAsync("2501.00003"))! with { Id = "2501.99999", ArxivId = "2501.99999", Title = "Applied but not refreshed" };

        index.Apply([paper], [], before + 1);

        Assert.Equal(before + 1, index.ChangeSeq);
        Assert.Equal(before, index.SearchableChangeSeq);
        Assert.Empty(harness.IndexedIds(PaperFields.Id, "2501.99999"));
        index.Refresh();
        Assert.Equal(before + 1, index.SearchableChangeSeq);
        Assert.Single(harness.IndexedIds(PaperFields.Id, "2501.99999"));
    }
}
