using System.Diagnostics;
using System.Globalization;
using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Ingestion;
using Digest.Core.Readers;
using Digest.Core.Search;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Benchmarks;

/// <summary>
/// What a reader's vote costs at scale and when trending sees it: votes through the real <see cref="PaperVotes"/> on a
/// store and index of <c>--papers</c> papers (the store transaction, the recount and the index catch-up with its commit
/// and refresh), each followed by a trending search that must already rank by the new count. Wall clock per vote, and
/// process CPU per vote over the run (the vote's work hops threads, so a thread clock would miss part of it).
/// </summary>
public static class VoteBenchmark
{
    public const string Command = "dotnet run -c Release --project benchmarks/Digest.Benchmarks -- votes [--papers 100000] [--votes 500] [--dir DIR]";

    public static async Task<int> RunAsync(string[] args)
    {
        var papers = Option(args, "--papers", 100_000);
        var votes = Option(args, "--votes", 500);
        var directory = OptionText(args, "--dir") ?? Path.Combine(Path.GetTempPath(), $"digest-bench-votes-{papers}");
        Console.WriteLine($"# votes: {Command}");
        Console.WriteLine($"# {papers:N0} papers, {votes} votes, {Environment.ProcessorCount} cores, load {MachineLoad.Averages()}");
        var options = Options.Create(new DigestOptions { DataDirectory = directory });
        var database = new SqliteDatabase(options);
        await new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        var store = new PaperStore(database);
        using var index = new PaperIndex(options.Value.IndexPath, NullLogger<PaperIndex>.Instance);
        var synchronizer = new IndexSynchronizer(store, index, NullLogger<IndexSynchronizer>.Instance);
        if (await store.CountAsync() < papers) await FillAsync(store, index, options, papers);
        await synchronizer.CatchUpAsync();

        var clock = TimeProvider.System;
        var readers = new ReaderStore(database);
        var paperVotes = new PaperVotes(database, store, new OwnedIndex(index, synchronizer), clock);
        var search = new SearchService(index, NullLogger<SearchService>.Instance, new SearchLimits());
        var voters = new List<Reader>();
        for (var i = 0; i < votes; i++) voters.Add(await readers.EnsureAsync($"voter{i}@bench.example", admin: false, clock.GetUtcNow()));

        // The 21st to the 100th of the trending order: each vote goes to a paper that more votes visibly move.
        var trending = new SearchRequest { Sort = SearchSort.Trending, PageSize = 100, IncludeSnippets = false };
        var targets = search.Search(trending).Results.Skip(20).Select(r => r.Id).ToList();
        var wall = new List<double>(votes);
        var checks = new List<double>(votes);
        var visible = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = Stopwatch.StartNew();
        for (var i = 0; i < votes; i++)
        {
            var paper = targets[i % targets.Count];
            var started = Stopwatch.GetTimestamp();
            var outcome = (await paperVotes.SetAsync(voters[i].Id, paper, up: true))!;
            wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            // Read-your-write: the next trending search already has the new count (no waiting, no retry).
            started = Stopwatch.GetTimestamp();
            var seen = search.Search(new SearchRequest { WithinPapers = [paper], Sort = SearchSort.Trending, IncludeSnippets = false });
            checks.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (seen.Results.FirstOrDefault(r => r.Id == paper)?.Votes == outcome.Votes) visible++;
        }
        var elapsed = run.Elapsed.TotalMilliseconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        wall.Sort();
        checks.Sort();
        Console.WriteLine($"vote (store + recount + index catch-up, commit, refresh): p50 {Percentile(wall, 0.50):0.0} ms, p99 {Percentile(wall, 0.99):0.0} ms, max {wall[^1]:0.0} ms wall");
        Console.WriteLine($"the trending search after it (the first on the refreshed index): p50 {Percentile(checks, 0.50):0.0} ms, p99 {Percentile(checks, 0.99):0.0} ms wall");
        Console.WriteLine($"process CPU per vote and check: {cpu / votes:0.0} ms (wall {elapsed / votes:0.0} ms)");
        Console.WriteLine($"votes the next trending search already ranked by: {visible} of {votes}");
        var after = search.Search(trending).Results.Take(10).Select(r => $"{r.Id} ({r.Votes})");
        Console.WriteLine("trending top 10 after the votes: " + string.Join(", ", after));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return visible == votes ? 0 : 1;
    }

    private static async Task FillAsync(PaperStore store, PaperIndex index, IOptions<DigestOptions> options, int papers)
    {
        var generated = CorpusGenerator.Generate(SharedData.Find("papers-dev.jsonl"), papers);
        var ingest = BenchmarkServices.CreateIngestService(store, index, options);
        var stopwatch = Stopwatch.StartNew();
        var report = await ingest.IngestPapersAsync("generated", SourceFormat.JsonLines, generated, new IngestRequest { Origin = "bench" });
        Console.WriteLine($"ingested {report.Added:N0} papers in {stopwatch.Elapsed.TotalSeconds:F0} s (kept in the data directory for the next run)");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
