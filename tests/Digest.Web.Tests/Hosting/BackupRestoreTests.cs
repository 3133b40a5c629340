using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Storage;
using Digest.Web.CommandLine;
using Digest.Web.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Digest.Web.Tests.Hosting;

public class BackupRestoreTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(ICliCommand command, TestDataHost host, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var arguments = CliArguments.Parse([command.Verb, .. args], command.ValueOptions);
        var exit = await command.RunAsync(arguments, host.Services, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<int> IngestSampleAsync(TestDataHost host) =>
        (await host.Get<IngestService>().IngestAsync(
            [new IngestSource(SampleDigest.FileName, SampleDigest.Open)],
            new IngestRequest { Format = SourceFormat.DigestText, Year = 2024, Origin = "test" })).Added;

    private static string Lines(int from, int count) => string.Concat(Enumerable.Range(from, count).Select(i =>
        $$"""{"arxiv_id": "2507.{{i:00000}}", "title": "Concurrent paper number {{i}}", "abstract": "An abstract about concurrency number {{i}} that is long enough to be a real abstract.", "authors": ["W. Riter"], "published": "2025-07-01"}""" + "\n"));

    [Fact]
    public async Task Backup_WhileAnotherConnectionWrites_IsConsistent_AndRestoresIntoAnEmptyDataDirectory()
    {
        await using var source = await TestDataHost.StartAsync();
        var sampleCount = await IngestSampleAsync(source);
        var outDir = Path.Combine(source.DataDirectory, "backups");

        // A second writer (as the running app would be) keeps committing batches while the backup runs.
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var ingest = source.Get<IngestService>();
            for (var round = 0; !stop.IsCancellationRequested && round < 200; round++)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(Lines(round * 50, 50));
                await ingest.IngestAsync([new IngestSource($"w{round}", () => new MemoryStream(bytes))], new IngestRequest { Origin = "writer" });
            }
        });
        await Task.Delay(50);
        var (exit, output, error) = await RunAsync(new BackupCommand(), source, "--out", outDir);
        stop.Cancel();
        await writer;

        Assert.True(exit == 0, error);
        var db = Assert.Single(Directory.GetFiles(outDir, "digest-*.db"));
        Assert.Matches(@"digest-\d{8}-\d{6}\.db$", db);
        var jsonl = Path.ChangeExtension(db, ".jsonl");
        Assert.True(File.Exists(jsonl));
        Assert.Empty(Directory.GetFiles(outDir, "*.part"));
        var backedUp = await new PaperStore(new SqliteDatabase(db)).CountAsync();
        Assert.True(backedUp >= sampleCount);
        // Whole batches only: the writer commits 50 papers at a time.
        Assert.Equal(0, (backedUp - sampleCount) % 50);
        Assert.Equal(backedUp, File.ReadLines(jsonl).Count());
        Assert.Contains($"Backed up {backedUp:N0} papers", output);

        await using var restored = await TestDataHost.StartAsync();
        var (restoreExit, restoreOutput, restoreError) = await RunAsync(new RestoreCommand(), restored, db);

        Assert.True(restoreExit == 0, restoreError);
        Assert.Contains("index rebuilt", restoreOutput);
        Assert.Equal(backedUp, await restored.Get<PaperStore>().CountAsync());
        var index = restored.Get<PaperIndex>();
        Assert.Equal(backedUp, index.DocumentCount);
        Assert.Equal(await restored.Get<PaperStore>().LatestChangeSeqAsync(), index.ChangeSeq);
        var paper = await restored.Get<PaperStore>().ReadAllAsync().FirstAsync();
        Assert.Equal(1, index.Search(s => s.Search(new TermQuery(new Term(PaperFields.Id, paper.Id)), 10).TotalHits));
        var word = paper.Title.Split(' ').Where(w => w.All(char.IsLetter)).MaxBy(w => w.Length)!;
        var query = new QueryParser(PaperAnalyzer.Version, PaperFields.Title, index.Analyzer).Parse(word);
        Assert.True(index.Search(s => s.Search(query, 10).TotalHits) >= 1, $"no hit for '{word}'");
    }

    [Fact]
    public async Task Restore_FromJsonLinesExport_IngestsEveryPaper()
    {
        await using var source = await TestDataHost.StartAsync();
        var count = await IngestSampleAsync(source);
        var export = Path.Combine(source.DataDirectory, "export.jsonl");
        Assert.Equal(0, (await RunAsync(new ExportCommand(), source, "--out", export)).ExitCode);

        await using var restored = await TestDataHost.StartAsync();
        var (exit, _, error) = await RunAsync(new RestoreCommand(), restored, export);

        Assert.True(exit == 0, error);
        Assert.Equal(count, await restored.Get<PaperStore>().CountAsync());
        Assert.Equal(count, restored.Get<PaperIndex>().DocumentCount);
    }

    [Fact]
    public async Task Restore_DatabaseWhileTheAppHoldsTheIndex_IsRefused_AndChangesNothing()
    {
        await using var source = await TestDataHost.StartAsync();
        await IngestSampleAsync(source);
        var outDir = Path.Combine(source.DataDirectory, "backups");
        await RunAsync(new BackupCommand(), source, "--out", outDir);
        var db = Directory.GetFiles(outDir, "*.db").Single();

        await using var app = await TestDataHost.StartAsync();
        // A second process on the same data directory: the first one (the "app") owns the index lock.
        await using var beside = await TestDataHost.StartAsync(dataDirectory: app.DataDirectory, ownIndex: false);
        var (exit, _, error) = await RunAsync(new RestoreCommand(), beside, db);

        Assert.Equal(2, exit);
        Assert.Contains("the app is running", error);
        Assert.Equal(0, await app.Get<PaperStore>().CountAsync());
    }

    [Fact]
    public async Task Restore_NotADigestBackup_IsRefused()
    {
        await using var host = await TestDataHost.StartAsync();
        var junk = Path.Combine(host.DataDirectory, "junk.db");
        await File.WriteAllTextAsync(junk, "this is not SQLite");

        var (exit, _, error) = await RunAsync(new RestoreCommand(), host, junk);

        Assert.Equal(2, exit);
        Assert.Contains("junk.db", error);
    }
}
