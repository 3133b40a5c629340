using System.Text;
using System.Text.Json;
using Digest.Core.Ingestion;
using Digest.Core.Ingestion.Parsers;
using Digest.Core.Tests.Support;
using static Digest.Core.Tests.Ingestion.ParserTestKit;

namespace Digest.Core.Tests.Ingestion;

public class ArxivSnapshotIngestTests
{
    // What the CLI's ingest and the inbox ask for: local files may pass the size cap when read record by record.
    private static readonly IngestRequest LocalFiles = new() { Origin = "cli", AllowLargeFiles = true };

    [Fact]
    public async Task Ingest_Fixture_StoresTheGoodRecords_WithTheirBibliographicFields()
    {
        using var harness = new IngestHarness();

        var report = await harness.IngestFileAsync(FixturePath("arxiv-snapshot.jsonl"));

        Assert.Equal("arxiv-snapshot", report.Files[0].Format);
        Assert.Equal(4, report.Added);
        Assert.Equal([6, 7, 8, 9], report.Rejections.Select(r => r.Position));
        var stored = (await harness.Data.Store.GetAsync("0704.0001"))!;
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", stored.Title);
        Assert.Equal("Phys.Rev.D76:013009,2007", stored.JournalRef);
        Assert.Equal("37 pages, 15 figures; published version", stored.Comments);
        Assert.Equal("ANL-HEP-PR-07-12", stored.ReportNumber);
        Assert.Equal("10.1103/PhysRevD.76.013009", stored.Doi);
        Assert.Equal("http://creativecommons.org/licenses/by/4.0/", (await harness.Data.Store.GetAsync("hep-th/9901001"))!.License);
        Assert.Single(harness.IndexedIds(Digest.Core.Indexing.PaperFields.Id, "math/0406594"));
    }

    [Fact]
    public async Task SparseTwoGigabyteFile_FromTheCli_StoresTheLinesBeforeTheHole_WithOneRejection_AndLittleMemory()
    {
        using var harness = new IngestHarness();
        var path = Path.Combine(harness.Data.Path, "arxiv-metadata-oai-snapshot.json");
        const int Lines = 40;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            // More than the 16 KB head, so that the format is detected from text and the hole comes after it.
            for (var i = 1; i <= Lines; i++) file.Write(Encoding.UTF8.GetBytes(SnapshotLine($"2401.{i:D5}", $"Paper number {i} of the sparse file") + "\n"));
            Assert.True(file.Length > SourceFormatDetector.HeadBytes);
            // The rest is a hole the file system does not store: NUL bytes when read, as a file cut short or pre-allocated looks.
            file.SetLength(2L * 1024 * 1024 * 1024);
        }
        Assert.True(new FileInfo(path).Length > harness.Data.Options.Limits.MaxFileBytes);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var report = await harness.IngestFileAsync(path, LocalFiles);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Null(report.Files[0].Error);
        Assert.Equal(Lines, report.Added);
        var rejection = Assert.Single(report.Rejections);
        Assert.Equal(Lines + 1, rejection.Position);
        Assert.StartsWith("the line contains NUL bytes", rejection.Reason);
        Assert.Equal(Lines, await harness.Data.Store.CountAsync());
        Assert.True(allocated < 300L * 1024 * 1024, $"{allocated:N0} bytes allocated to read a 2 GB file");
    }

    [Fact]
    public async Task FileOverTheCap_IsRefused_WhenTheRequestDoesNotAllowLargeFiles()
    {
        using var harness = new IngestHarness(limits: l => l.MaxFileBytes = 4 * 1024);
        var path = Path.Combine(harness.Data.Path, "snapshot.json");
        await File.WriteAllLinesAsync(path, Enumerable.Range(1, 30).Select(i => SnapshotLine($"2401.{i:D5}", $"Paper {i}")));

        // An upload's request: the cap holds.
        var refused = await harness.IngestFileAsync(path, new IngestRequest { Origin = "http" });
        // The CLI's: the snapshot is read record by record past the cap.
        var read = await harness.IngestFileAsync(path, LocalFiles);

        Assert.Contains("the limit is 4,096", refused.Files[0].Error);
        Assert.Equal(30, read.Added);
    }

    [Fact]
    public async Task LocalFileOverTheCap_InAFormatReadWhole_IsStillRefused()
    {
        using var harness = new IngestHarness(limits: l => l.MaxFileBytes = 4 * 1024);
        var path = Path.Combine(harness.Data.Path, "papers.jsonl");
        await File.WriteAllLinesAsync(path, Enumerable.Range(1, 60).Select(i => $$"""{"arxiv_id": "2401.{{i:D5}}", "title": "Paper {{i}}", "abstract": "An abstract."}"""));

        var report = await harness.IngestFileAsync(path, LocalFiles);

        Assert.Equal("jsonl", report.Files[0].Format);
        Assert.Contains("the limit is 4,096", report.Files[0].Error);
        Assert.Equal(0, await harness.Data.Store.CountAsync());
    }

    [Fact]
    public async Task NewerSnapshot_UpdatesTheBibliographicFields_AndSilenceKeepsThem()
    {
        using var harness = new IngestHarness();
        await harness.IngestTextAsync("old.json", SnapshotLine("2401.00001", "A paper", journalRef: null, comments: "preprint") + "\n");
        await harness.IngestTextAsync("new.json", SnapshotLine("2401.00001", "A paper", journalRef: "J. Things 1 (2024) 1", comments: "published version") + "\n");
        // A source that says nothing about them (Digest's own JSON Lines without the keys) leaves them.
        await harness.IngestTextAsync("other.jsonl", """{"arxiv_id": "2401.00001", "title": "A paper", "categories": ["cs.DB"]}""" + "\n");

        var paper = (await harness.Data.Store.GetAsync("2401.00001"))!;

        Assert.Equal("J. Things 1 (2024) 1", paper.JournalRef);
        Assert.Equal("published version", paper.Comments);
        Assert.Contains("cs.DB", paper.Categories);
    }

    [Fact]
    public async Task Export_ThenIngestElsewhere_KeepsTheBibliographicFields()
    {
        using var source = new IngestHarness();
        await source.IngestFileAsync(FixturePath("arxiv-snapshot.jsonl"));
        using var export = new StringWriter();
        await PaperJsonLinesWriter.WriteAsync(export, source.Data.Store.ReadAllAsync(), CancellationToken.None);
        using var target = new IngestHarness();

        var report = await target.IngestTextAsync("export.jsonl", export.ToString());

        Assert.Equal("jsonl", report.Files[0].Format);
        Assert.Equal(4, report.Added);
        await foreach (var original in source.Data.Store.ReadAllAsync())
        {
            var copy = (await target.Data.Store.GetAsync(original.Id))!;
            Assert.Equal(original.JournalRef, copy.JournalRef);
            Assert.Equal(original.Comments, copy.Comments);
            Assert.Equal(original.ReportNumber, copy.ReportNumber);
            Assert.Equal(original.License, copy.License);
            Assert.Equal(original.Doi, copy.Doi);
            Assert.Equal(original.Authors, copy.Authors);
        }
        Assert.Equal("ANL-HEP-PR-07-12", (await target.Data.Store.GetAsync("0704.0001"))!.ReportNumber);
    }

    /// <summary>A snapshot line as the Kaggle file writes it, with a two-version history.</summary>
    internal static string SnapshotLine(string id, string title, string? journalRef = "Phys. Lett. B 1 (2024) 1", string? comments = "10 pages") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["submitter"] = "Ada Lovelace",
            ["authors"] = "Ada Lovelace and Charles Babbage",
            ["title"] = title,
            ["comments"] = comments,
            ["journal-ref"] = journalRef,
            ["doi"] = null,
            ["report-no"] = null,
            ["categories"] = "cs.LG stat.ML",
            ["license"] = "http://creativecommons.org/licenses/by/4.0/",
            ["abstract"] = "  An abstract of a paper in the snapshot, long enough to look like one: it describes a method, the data and the\nresults, and wraps its lines as the snapshot does.\n",
            ["versions"] = new[] { new { version = "v1", created = "Mon, 8 Jan 2024 10:00:00 GMT" }, new { version = "v2", created = "Tue, 6 Feb 2024 11:00:00 GMT" } },
            ["update_date"] = "2024-02-07",
            ["authors_parsed"] = new[] { new[] { "Lovelace", "Ada", "" }, new[] { "Babbage", "Charles", "" } },
        });
}
