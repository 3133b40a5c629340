using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Core.Tests.Ingestion;

public class IngestServiceTests
{
    private static string Line(string id, string title, string abstractText = "An abstract that is long enough to look like a real one, about learning things.", string published = "2025-05-01", string categories = "\"cs.LG\"") =>
        $$"""{"arxiv_id": "{{id}}", "title": "{{title}}", "abstract": "{{abstractText}}", "authors": ["A. Author", "B. Author"], "published": "{{published}}", "categories": [{{categories}}], "source": "test/repo"}""";

    [Fact]
    public async Task SampleDigest_IsStoredAndIndexed_WithCodeLinks()
    {
        using var harness = new IngestHarness();
        var report = await harness.Service.IngestAsync([new IngestSource(SampleDigest.FileName, SampleDigest.Open)], new IngestRequest { Year = 2024 });

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(67, report.Added);
        Assert.Equal(67, await harness.Data.Store.CountAsync());
        Assert.Equal(67, harness.Index!.DocumentCount);
        var withCode = harness.IndexedIds(PaperFields.HasCode, PaperFields.Yes);
        Assert.NotEmpty(withCode);
        Assert.Single(harness.IndexedIds(PaperFields.DigestDay, "2024-03-11").Take(1));
    }

    [Fact]
    public async Task PapersDev_EndToEnd_EveryPaperStoredAndIndexed_ThenReingestChangesNothing()
    {
        using var harness = new IngestHarness();
        var path = ParserTestKit.SharedDataFile("papers-dev.jsonl");

        var first = await harness.IngestFileAsync(path);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(19_278, first.Added);
        Assert.Equal(19_278, await harness.Data.Store.CountAsync());
        Assert.Equal(19_278, harness.Index!.DocumentCount);
        var seqAfterFirst = await harness.Data.Store.LatestChangeSeqAsync();

        var second = await harness.IngestFileAsync(path);
        Assert.Equal(0, second.Added + second.Updated);
        Assert.Equal(19_278, second.Unchanged);
        Assert.Contains("Nothing changed", second.ToText());
        Assert.Equal(seqAfterFirst, await harness.Data.Store.LatestChangeSeqAsync());
    }

    [Fact]
    public async Task ManySmallSources_InOneRun_AreStoredInOneBatch_AndCountedPerFile()
    {
        using var harness = new IngestHarness();
        var sources = Enumerable.Range(0, 200).Select(i =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(Line($"2505.{i + 10_000:00000}", $"Small source paper number {i}"));
            return new IngestSource($"part-{i}.jsonl", () => new MemoryStream(bytes));
        }).ToList();
        // The first paper again, in a last file: merged within the batch, not stored twice.
        var again = System.Text.Encoding.UTF8.GetBytes(Line("2505.10000", "Small source paper number 0"));
        sources.Add(new IngestSource("again.jsonl", () => new MemoryStream(again)));
        var seqBefore = await harness.Data.Store.LatestChangeSeqAsync();

        var report = await harness.Service.IngestAsync(sources, new IngestRequest());

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(200, report.Added);
        Assert.All(report.Files.Take(200), f => Assert.Equal(1, f.Added));
        Assert.Equal(1, report.Files[^1].Unchanged);
        Assert.Equal(200, await harness.Data.Store.CountAsync());
        Assert.Equal(200, harness.Index!.DocumentCount);
        // One store transaction (one change number) and one index refresh for all 201 files, not one per file.
        Assert.Equal(seqBefore + 1, await harness.Data.Store.LatestChangeSeqAsync());
    }

    [Fact]
    public async Task DigestTitle_ThenArxivRecord_MergeIntoOnePaper_UnderTheArxivId_AndTheOldIdStillResolves()
    {
        using var harness = new IngestHarness();
        var digest = "Mar 11\n\nSparse Widgets for Everyone\n\nWe propose sparse widgets. Code is available at https://github.com/acme/widgets.\n";
        await harness.IngestTextAsync("digest.txt", digest, new IngestRequest { Year = 2024 });
        var titleId = Assert.Single(harness.IndexedIds(PaperFields.DigestDay, "2024-03-11"));
        Assert.StartsWith("t-", titleId);

        var report = await harness.IngestTextAsync("feed.jsonl", Line("2403.01234", "Sparse Widgets for Everyone", published: "2024-03-04"));

        Assert.Equal(1, report.Updated);
        Assert.Equal(1, await harness.Data.Store.CountAsync());
        var paper = await harness.Data.Store.GetAsync("2403.01234");
        Assert.NotNull(paper);
        Assert.Equal([new DateOnly(2024, 3, 11)], paper.DigestDays);
        Assert.Equal(["https://github.com/acme/widgets"], paper.CodeUrls);
        Assert.Equal(new DateOnly(2024, 3, 4), paper.Published);
        Assert.Equal(["digest-text", "jsonl"], paper.Sources);
        Assert.Equal("2403.01234", (await harness.Data.Store.GetAsync(titleId))?.Id);
        Assert.Equal(["2403.01234"], harness.IndexedIds(PaperFields.DigestDay, "2024-03-11"));
        Assert.Empty(harness.IndexedIds(PaperFields.Id, titleId));
    }

    [Fact]
    public async Task SecondSource_AddsFacts_AndLosesNone()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("a.jsonl", Line("2505.00001", "A Paper", published: "2025-05-03", categories: "\"cs.LG\""));
        var report = await harness.IngestTextAsync("b.jsonl", Line("2505.00001", "A Paper", abstractText: "A different abstract text that is long enough to be accepted as an abstract here.", published: "2025-05-01", categories: "\"cs.CL\", \"cs.LG\""));

        Assert.Equal(1, report.Updated);
        var paper = await harness.Data.Store.GetAsync("2505.00001");
        Assert.Equal(["cs.LG", "cs.CL"], paper!.Categories);
        Assert.Equal(new DateOnly(2025, 5, 1), paper.Published);
        // Without a newer version, the first abstract stays.
        Assert.StartsWith("An abstract that is long enough", paper.Abstract);
        Assert.True(paper.UpdatedAt >= paper.FirstSeen);
    }

    [Fact]
    public async Task SamePaperTwiceInOneFile_IsStoredOnce()
    {
        using var harness = new IngestHarness();
        var report = await harness.IngestTextAsync("dup.jsonl", Line("2505.00001", "A Paper") + "\n" + Line("2505.00001v2", "A Paper"));
        Assert.Equal(1, report.Added);
        Assert.Equal(1, report.Unchanged);
        Assert.Equal(1, await harness.Data.Store.CountAsync());
        Assert.Equal(1, harness.Index!.DocumentCount);
    }

    [Fact]
    public async Task BadRecords_AreRejectedWithLineAndReason_AndGoodOnesAreStored()
    {
        using var harness = new IngestHarness(limits: l => l.MaxTitleLength = 50);
        var content = string.Join("\n",
            Line("2505.00001", "Good one"),
            "{\"arxiv_id\": \"2505.00002\", \"title\": 42}",
            "this is not json",
            Line("2505.00003", new string('x', 80)),
            Line("2505.00004", "Good two"));

        var report = await harness.IngestTextAsync("mixed.jsonl", content);

        Assert.Equal(1, report.ExitCode);
        Assert.Equal(2, report.Added);
        Assert.Equal(3, report.Rejected);
        Assert.Equal([2, 3, 4], report.Rejections.Select(r => r.Position));
        Assert.Contains(report.Rejections, r => r.Position == 4 && r.Reason.Contains("limit is 50"));
        Assert.All(report.Rejections, r => Assert.Equal("mixed.jsonl", r.File));
        Assert.Equal(2, harness.Index!.DocumentCount);
    }

    [Fact]
    public async Task FileInNoKnownFormat_IsOneClearError_AndStoredPapersStay()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("good.jsonl", Line("2505.00001", "Good one"));

        var junk = await harness.Service.IngestAsync([new IngestSource("junk.bin", () => new MemoryStream([0x00, 0x01, 0xFF, 0x00, 0x7F]))], new IngestRequest());

        Assert.Equal(2, junk.ExitCode);
        Assert.Contains("not a text file", Assert.Single(junk.Files).Error);
        Assert.Equal(1, await harness.Data.Store.CountAsync());
    }

    [Fact]
    public async Task FileOverTheSizeLimit_IsRejectedWhole()
    {
        using var harness = new IngestHarness(limits: l => l.MaxFileBytes = 1024);
        var big = string.Join("\n", Enumerable.Range(1, 50).Select(i => Line($"2505.{i:00000}", $"Paper {i}")));
        var report = await harness.IngestTextAsync("big.jsonl", big);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("limit is 1,024", report.Files[0].Error);
        Assert.Equal(0, await harness.Data.Store.CountAsync());
    }

    [Fact]
    public async Task CrashBetweenStoreAndIndexCommits_IsRepairedAtNextStart_WithoutFullRebuild()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("first.jsonl", string.Join("\n", Enumerable.Range(1, 30).Select(i => Line($"2505.{i:00000}", $"First batch paper {i}"))));
        harness.Index!.Dispose();

        // The papers reach the store but the process "dies" before indexing them: a service that does not index.
        var storeOnly = new IngestService(harness.Data.Store, new IndexOwnedElsewhere(harness.Data.Options.IndexPath), IngestHarness.Topics, harness.Data.OptionsWrapper, NullLogger<IngestService>.Instance);
        var content = string.Join("\n", Enumerable.Range(31, 10).Select(i => Line($"2505.{i:00000}", $"Second batch paper {i}")));
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        await storeOnly.IngestAsync([new IngestSource("second.jsonl", () => new MemoryStream(bytes))], new IngestRequest());

        using var reopened = harness.Data.OpenIndex();
        Assert.Equal(30, reopened.DocumentCount);
        var repaired = await new IndexSynchronizer(harness.Data.Store, reopened, NullLogger<IndexSynchronizer>.Instance).CatchUpAsync();
        Assert.Equal(10, repaired);
        Assert.Equal(40, reopened.DocumentCount);
    }

    [Fact]
    public async Task CorruptIndex_IsRecreated_AndRebuiltFromTheStore()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("a.jsonl", string.Join("\n", Enumerable.Range(1, 20).Select(i => Line($"2505.{i:00000}", $"Paper {i}"))));
        harness.Index!.Dispose();
        foreach (var file in Directory.GetFiles(harness.Data.Options.IndexPath, "segments*"))
        {
            File.WriteAllBytes(file, [0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01]);
        }

        using var reopened = harness.Data.OpenIndex();
        Assert.True(reopened.WasRecreated);
        Assert.Equal(20, await new IndexSynchronizer(harness.Data.Store, reopened, NullLogger<IndexSynchronizer>.Instance).CatchUpAsync());
        Assert.Equal(20, reopened.DocumentCount);
    }

    [Fact]
    public async Task SecondProcessCannotOpenTheIndex_ItsIngestIsStored_AndTheOwnerIndexesIt()
    {
        using var harness = new IngestHarness();
        Assert.Throws<IndexLockedException>(harness.Data.OpenIndex);

        var cli = new IngestService(harness.Data.Store, new IndexOwnedElsewhere(harness.Data.Options.IndexPath), IngestHarness.Topics, harness.Data.OptionsWrapper, NullLogger<IngestService>.Instance);
        Assert.False(cli.IndexesItself);
        var bytes = System.Text.Encoding.UTF8.GetBytes(Line("2505.00009", "Written by the CLI"));
        var report = await cli.IngestAsync([new IngestSource("cli.jsonl", () => new MemoryStream(bytes))], new IngestRequest());
        Assert.Equal(1, report.Added);
        Assert.Equal(0, harness.Index!.DocumentCount);

        Assert.Equal(1, await harness.Synchronizer!.CatchUpAsync());
        Assert.Equal(["2505.00009"], harness.IndexedIds(PaperFields.Id, "2505.00009"));
    }

    [Fact]
    public async Task IngestWhileSearching_SearchesKeepWorking_AndSeeEveryPaperAtTheEnd()
    {
        using var harness = new IngestHarness();
        var lines = Enumerable.Range(1, 5_000).Select(i => Line($"2505.{i:00000}", $"Concurrent paper {i}"));
        var ingest = harness.IngestTextAsync("many.jsonl", string.Join("\n", lines));

        var counts = new List<int>();
        while (!ingest.IsCompleted)
        {
            counts.Add(harness.Index!.Search(s => s.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(PaperFields.Category, "cs.LG")), 1).TotalHits));
            await Task.Delay(5);
        }
        var report = await ingest;

        Assert.Equal(5_000, report.Added);
        Assert.Equal(counts.Order(), counts);
        Assert.Equal(5_000, harness.Index!.Search(s => s.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(PaperFields.Category, "cs.LG")), 1).TotalHits));
    }

    [Fact]
    public async Task CancelledIngest_KeepsCommittedBatches_AndStoreAndIndexAgree()
    {
        using var harness = new IngestHarness();
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelAfterFirstBatch(cancellation);
        var content = string.Join("\n", Enumerable.Range(1, PaperStore.BatchSize * 3).Select(i => Line($"2505.{i:00000}", $"Paper {i}")));
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);

        var report = await harness.Service.IngestAsync([new IngestSource("big.jsonl", () => new MemoryStream(bytes))], new IngestRequest(), progress, cancellation.Token);

        Assert.True(report.Cancelled);
        Assert.Equal(1, report.ExitCode);
        var stored = await harness.Data.Store.CountAsync();
        Assert.True(stored > 0 && stored < PaperStore.BatchSize * 3);
        Assert.Equal(stored, harness.Index!.DocumentCount);
    }

    private sealed class CancelAfterFirstBatch(CancellationTokenSource source) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => source.Cancel();
    }
}
