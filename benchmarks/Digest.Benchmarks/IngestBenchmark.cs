using System.Diagnostics;
using System.Text;
using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Benchmarks;

/// <summary>
/// End-to-end ingest throughput: the real ingest service (parse, validate, merge, topics, SQLite, Lucene) into a
/// temporary data directory, three runs: into an empty store, the same file again (nothing changes), and a second
/// set of as many new papers into the now full store.
/// </summary>
public static class IngestBenchmark
{
    public const string Command = "dotnet run -c Release --project benchmarks/Digest.Benchmarks -- ingest [PATH-TO-papers-dev.jsonl]";

    public static async Task<int> RunAsync(string[] args)
    {
        var source = args.Length > 0 ? args[0] : SharedData.Find("papers-dev.jsonl");
        var directory = Path.Combine(Path.GetTempPath(), "digest-ingest-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"# Ingest benchmark: {Command}");
        Console.WriteLine($"# source {source} ({new FileInfo(source).Length / 1024.0 / 1024.0:0.0} MB), data in {directory}, {Environment.ProcessorCount} cores");

        var variant = Path.Combine(Path.GetTempPath(), $"digest-variant-{Guid.NewGuid():N}.jsonl");
        await WriteVariantAsync(source, variant);
        try
        {
            var options = Options.Create(new DigestOptions { DataDirectory = directory, SeedSampleDigest = false });
            var database = new SqliteDatabase(options);
            await new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
            var store = new PaperStore(database);
            using var index = new PaperIndex(options.Value.IndexPath, NullLogger<PaperIndex>.Instance);
            var ingest = BenchmarkServices.CreateIngestService(store, index, options);

            await MeasureAsync("empty store", ingest, source);
            await MeasureAsync("same file again (idempotent)", ingest, source);
            await MeasureAsync("new papers into full store", ingest, variant);

            Console.WriteLine($"papers stored: {await store.CountAsync():N0}, index documents: {index.DocumentCount:N0}");
            Console.WriteLine($"store size: {Megabytes(new FileInfo(options.Value.DatabasePath).Length)}, index size: {Megabytes(new DirectoryInfo(options.Value.IndexPath).EnumerateFiles().Sum(f => f.Length))}");
            Console.WriteLine($"peak working set: {Megabytes(Process.GetCurrentProcess().PeakWorkingSet64)}");
        }
        finally
        {
            File.Delete(variant);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        return 0;
    }

    private static async Task MeasureAsync(string label, IngestService ingest, string path)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var report = await ingest.IngestAsync([IngestSource.FromFile(path)], new IngestRequest { Origin = "benchmark" });
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        // On a shared machine the wall clock mostly measures waiting for a core; CPU seconds say what the work costs.
        Console.WriteLine($"{label,-32} {report.Seen,7:N0} records ({report.Added:N0} added, {report.Updated:N0} updated, {report.Unchanged:N0} unchanged) in {clock.Elapsed.TotalSeconds,6:0.00} s wall = {report.Seen / clock.Elapsed.TotalSeconds,7:N0} papers/s; {cpu,6:0.00} CPU s = {report.Seen / cpu,7:N0} papers per CPU-second (load {MachineLoad.Averages(1)})");
        Console.WriteLine($"{"",-32} stages: {report.Stages}");
    }

    /// <summary>The same papers under other ids and titles: as many new papers, with the same text statistics.</summary>
    private static async Task WriteVariantAsync(string source, string target)
    {
        await using var writer = new StreamWriter(target, false, new UTF8Encoding(false));
        foreach (var line in File.ReadLines(source))
        {
            if (line.Length == 0) continue;
            // New-style ids have 4 digits, a dot, 5 digits: moving the year to 19xx makes a distinct, still valid id.
            var changed = line.Replace("\"arxiv_id\": \"2", "\"arxiv_id\": \"1", StringComparison.Ordinal)
                .Replace("\"title\": \"", "\"title\": \"Revisited: ", StringComparison.Ordinal);
            await writer.WriteLineAsync(changed);
        }
    }


    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";
}
