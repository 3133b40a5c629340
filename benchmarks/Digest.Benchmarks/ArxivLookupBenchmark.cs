using System.Diagnostics;
using Dapper;
using Digest.Core.Arxiv;
using Digest.Core.Configuration;
using Digest.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Benchmarks;

/// <summary>
/// The store-side costs the arXiv features add: the title lookup's "which papers are due" query (one per round) over a
/// store where half the papers are title-only and most of those were looked up already, and the digest-day removals
/// read every ingest batch does (4,000 ids: a full batch's incoming and stored ids), with and without removals recorded.
/// </summary>
public static class ArxivLookupBenchmark
{
    public const string Command = "dotnet run -c Release --project benchmarks/Digest.Benchmarks -- arxiv [--papers 100000] [--rounds 50]";

    public static async Task<int> RunAsync(string[] args)
    {
        var papers = Option(args, "--papers", 100_000);
        var rounds = Option(args, "--rounds", 50);
        var directory = Path.Combine(Path.GetTempPath(), "digest-arxiv-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"# arXiv store costs: {Command}");
        Console.WriteLine($"# {papers:N0} papers (half title-only, 80% of those looked up), {rounds} rounds, {Environment.ProcessorCount} cores, load {MachineLoad.Averages()}");
        try
        {
            var database = new SqliteDatabase(Options.Create(new DigestOptions { DataDirectory = directory }));
            await new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
            await FillAsync(database, papers);

            var lookups = new TitleLookupStore(database);
            var now = DateTimeOffset.Parse("2026-12-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            var due = await MeasureAsync(rounds, () => lookups.FindDueAsync(now, 20, CancellationToken.None));
            Console.WriteLine($"due query (20 of {papers / 10:N0} due): p50 {due.P50:0.0} ms, p99 {due.P99:0.0} ms");

            var store = new PaperStore(database);
            var ids = Enumerable.Range(0, 4_000).Select(i => ArxivId(i * 2 + 1)).ToList();
            var empty = await MeasureAsync(rounds, () => ReadRemovalsAsync(store, ids));
            Console.WriteLine($"removals read per batch (4,000 ids, none recorded): p50 {empty.P50:0.00} ms, p99 {empty.P99:0.00} ms");
            await using (var connection = await database.OpenAsync())
            {
                await connection.ExecuteAsync("INSERT INTO digest_day_removals VALUES (@id, '2024-03-11', '2026-12-01T00:00:00.000Z')",
                    Enumerable.Range(0, 10_000).Select(i => new { id = ArxivId(i * 2 + 1) }));
            }
            var full = await MeasureAsync(rounds, () => ReadRemovalsAsync(store, ids));
            Console.WriteLine($"removals read per batch (4,000 ids, 10,000 recorded): p50 {full.P50:0.00} ms, p99 {full.P99:0.00} ms");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string ArxivId(int i) => $"24{i / 100_000 % 10:0}1.{i % 100_000:00000}";

    private static async Task<int> ReadRemovalsAsync(PaperStore store, IReadOnlyCollection<string> ids)
    {
        await using var batch = await store.BeginBatchAsync();
        return (await batch.FindDigestDayRemovalsAsync(ids)).Count;
    }

    private const string InsertSql = """
        INSERT INTO papers (id, arxiv_id, title, title_key, abstract, authors, digest_days, categories, keywords, code_urls,
                            topics, sources, first_seen, updated_at, change_seq)
        VALUES (@id, @arxivId, @title, @titleKey, 'An abstract.', '[]', '["2024-03-11"]', '[]', '[]', '[]', '[]', '[]', @firstSeen, @firstSeen, 1)
        """;

    private static async Task FillAsync(SqliteDatabase database, int papers)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = Enumerable.Range(0, papers).Select(i => new
        {
            id = i % 2 == 0 ? $"t-{i:x16}" : ArxivId(i),
            arxivId = i % 2 == 0 ? null : ArxivId(i),
            title = $"Paper number {i}",
            titleKey = $"papernumber{i}",
            firstSeen = $"2024-03-{1 + i % 28:00}T00:00:00.000Z",
        });
        await connection.ExecuteAsync(InsertSql, rows, transaction);
        var looked = Enumerable.Range(0, papers).Where(i => i % 2 == 0 && i < papers * 8 / 10).Select(i => new { id = $"t-{i:x16}" });
        await connection.ExecuteAsync("INSERT INTO arxiv_title_lookups VALUES (@id, '2026-12-01T00:00:00.000Z', 'not-found', '2026-12-31T00:00:00.000Z')", looked, transaction);
        await transaction.CommitAsync();
    }

    private static async Task<(double P50, double P99)> MeasureAsync<T>(int rounds, Func<Task<T>> run)
    {
        await run();
        var times = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)]);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
