using Digest.Core.Indexing;
using Digest.Core.Tests.Support;
using Xunit.Abstractions;

namespace Digest.Core.Tests.Faults;

/// <summary>
/// A disk that fills for real (a small tmpfs mounted by the test): a clear error, nothing committed lost, and the index
/// in step with the store once space returns. Skipped, saying why, where this machine cannot mount.
/// </summary>
public sealed class FullDiskTests(ITestOutputHelper output)
{
    private const long Megabyte = 1024 * 1024;

    [SkippableFact]
    public async Task IndexDiskFillingUp_LosesNoBatch_TheCatchUpIndexesEveryStoredPaperOnceSpaceReturns()
    {
        // Only the index is on the small disk: the store takes every batch, the index fails part-way. Before the
        // checkpoint fix, the batches the writer dropped were committed past, and no catch-up ever indexed them again.
        TmpfsMount? mount = null;
        using var harness = new IngestHarness(beforeIndexOpens: data =>
        {
            var (mounted, reason) = TmpfsMount.TryMount(data.Options.IndexPath, 400 * 1024);
            Skip.If(mounted is null, reason);
            mount = mounted;
        });
        using var _ = mount;

        var report = await harness.IngestTextAsync("many.jsonl", SyntheticPapers.JsonLines(8_000));
        var stored = await harness.Data.Store.CountAsync();
        output.WriteLine($"stored {stored}, searchable {harness.Index!.DocumentCount}, index at change {harness.Index.SearchableChangeSeq} of {await harness.Data.Store.LatestChangeSeqAsync()}");
        Assert.Null(report.StorageFailure);
        Assert.Equal(8_000, stored);
        Assert.True(harness.Index.DocumentCount < stored, "the index disk was meant to fill up; make the tmpfs smaller");
        Assert.True(harness.Index.SearchableChangeSeq < await harness.Data.Store.LatestChangeSeqAsync(), "the index claims changes it does not hold");

        mount!.Resize(64 * Megabyte);
        await harness.Synchronizer!.CatchUpAsync();
        Assert.Equal(stored, harness.Index.DocumentCount);
        // The checkpoint alone was right: verification finds nothing to repair.
        Assert.Equal(0, await harness.Synchronizer.VerifyAsync());

        harness.ReopenIndex();
        Assert.Equal(stored, harness.Index.DocumentCount);
        Assert.Equal(await harness.Data.Store.LatestChangeSeqAsync(), harness.Index.CommittedChangeSeq);
        Assert.Single(harness.IndexedIds(PaperFields.Id, "2501.07999"));
    }

    [SkippableFact]
    public async Task DataDiskFillingUp_StopsTheIngestWithAClearReport_KeepsEveryCommittedBatch_AndAReingestCompletesIt()
    {
        var (mount, reason) = TmpfsMount.TryMount(TempDataDirectory.NewPath(), 6 * Megabyte);
        Skip.If(mount is null, reason);
        using var _ = mount;
        using var harness = new IngestHarness(data: new TempDataDirectory(mount!.Path));
        var papers = SyntheticPapers.JsonLines(12_000);

        var report = await harness.IngestTextAsync("many.jsonl", papers);
        var stored = await harness.Data.Store.CountAsync();
        output.WriteLine(report.ToText());
        Assert.NotNull(report.StorageFailure);
        Assert.Contains("disk is full", report.StorageFailure);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("Stopped: the disk is full", report.ToText());
        // The report counts exactly what is stored: committed batches, not the one rolled back.
        Assert.Equal(stored, report.Added);
        Assert.True(stored < 12_000);

        mount.Resize(128 * Megabyte);
        await harness.Synchronizer!.CatchUpAsync();
        Assert.Equal(stored, harness.Index!.DocumentCount);

        var again = await harness.IngestTextAsync("many.jsonl", papers);
        Assert.Null(again.StorageFailure);
        Assert.Equal(12_000 - stored, again.Added);
        Assert.Equal(stored, again.Unchanged);
        Assert.Equal(12_000, await harness.Data.Store.CountAsync());
        Assert.Equal(12_000, harness.Index.DocumentCount);
        Assert.Equal(0, await harness.Synchronizer.VerifyAsync());
    }
}
