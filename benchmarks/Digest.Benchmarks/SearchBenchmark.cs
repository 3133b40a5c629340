using System.Diagnostics;
using System.Globalization;
using Digest.Core.Indexing;
using Digest.Core.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Benchmarks;

/// <summary>
/// The search benchmark: builds a synthetic corpus, indexes it into a temp folder with the real <see cref="PaperIndex"/>,
/// then times <see cref="SearchService.Search"/> (top 20 + every facet + snippets) over a realistic query mix,
/// single-threaded and with two threads. Not a test: run it on a quiet machine and read the figures.
/// </summary>
public static class SearchBenchmark
{
    private const string Command = "dotnet run -c Release --project benchmarks/Digest.Benchmarks -- search";

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        Console.WriteLine($"# Digest search benchmark: {Command} {string.Join(' ', args)}");
        Console.WriteLine($"# papers={options.Papers} data={options.DataPath} rounds={options.Rounds} cores={Environment.ProcessorCount}");

        var indexPath = options.IndexPath ?? Path.Combine(Path.GetTempPath(), "digest-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var index = new PaperIndex(indexPath, NullLogger<PaperIndex>.Instance);
            // No checkpoint: new, or of an older index schema (its documents lack fields queries use).
            if (index.ChangeSeq == 0 || index.DocumentCount != options.Papers) BuildIndex(index, options);
            using var semantic = options.Semantic ? SemanticStandIn.Create(index) : null;
            var service = new SearchService(index, NullLogger<SearchService>.Instance, new SearchLimits(), semantic?.Neighbours);
            var workload = SearchWorkload.Build();
            Console.WriteLine($"# queries per round={workload.Count}");

            var first = Stopwatch.StartNew();
            service.Search(new SearchRequest());
            Console.WriteLine($"first search (builds facet ordinals for the reader): {first.Elapsed.TotalMilliseconds:F0} ms");
            // Three rounds: tiered compilation has settled by then (its background recompiles would count as search CPU).
            Measure(service, workload, threads: 1, rounds: 3, label: "warm-up", report: false);
            if (options.Sorts)
            {
                SortComparison.Run(service, workload, options.Rounds);
                return 0;
            }
            Measure(service, workload, threads: 1, rounds: options.Rounds, label: "1 thread", report: true);
            Measure(service, workload, threads: 2, rounds: options.Rounds, label: "2 threads", report: true);
            var withoutSnippets = workload.Select(w => (w.Kind, w.Request with { IncludeSnippets = false })).ToList();
            Measure(service, withoutSnippets, threads: 1, rounds: 1, label: "1 thread, without snippets (their cost)", report: true);
            PrintSample(service);
        }
        finally
        {
            if (options.IndexPath is null) Directory.Delete(indexPath, recursive: true);
        }
        return 0;
    }

    /// <summary>Generates the corpus and indexes it (also the feed benchmark's index).</summary>
    internal static void BuildIndex(PaperIndex index, Options options)
    {
        var stopwatch = Stopwatch.StartNew();
        var papers = CorpusGenerator.Generate(options.DataPath, options.Papers);
        Console.WriteLine($"generated {papers.Count} papers in {stopwatch.Elapsed.TotalSeconds:F1} s");
        stopwatch.Restart();
        index.Clear();
        foreach (var batch in papers.Chunk(5_000)) index.Apply(batch, [], 1);
        index.Commit();
        index.Refresh();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"indexed {index.DocumentCount} papers in {seconds:F1} s ({papers.Count / seconds:F0} papers/s)");
    }

    private static void Measure(SearchService service, List<(string Kind, SearchRequest Request)> workload, int threads, int rounds, string label, bool report)
    {
        var latencies = new List<(string Kind, double Ms)>[threads];
        var cpu = new List<(string Kind, double Ms)>[threads];
        var processCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            var mine = latencies[thread] = [];
            var mineCpu = cpu[thread] = [];
            for (var round = 0; round < rounds; round++)
            {
                // Each thread walks the workload from a different start so the two do not run the same query in lockstep.
                for (var k = 0; k < workload.Count; k++)
                {
                    var (kind, request) = workload[(k + thread * workload.Count / 2) % workload.Count];
                    var cpuStart = ThreadCpuClock.NowMilliseconds();
                    var start = Stopwatch.GetTimestamp();
                    service.Search(request);
                    mine.Add((kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
                    mineCpu.Add((kind, ThreadCpuClock.NowMilliseconds() - cpuStart));
                }
            }
        });
        wall.Stop();
        processCpu = Process.GetCurrentProcess().TotalProcessorTime - processCpu;
        if (!report) return;

        var all = latencies.SelectMany(l => l).ToList();
        Console.WriteLine();
        Console.WriteLine($"## {label}: {all.Count} searches in {wall.Elapsed.TotalSeconds:F2} s = {all.Count / wall.Elapsed.TotalSeconds:F0} queries/s");
        // Every thread of the process (GC, JIT) over the searches: what a search costs the machine on average.
        Console.WriteLine($"process CPU per search (all threads): {processCpu.TotalMilliseconds / all.Count:F2} ms = {all.Count / processCpu.TotalSeconds:F0} searches per CPU-second");
        Console.WriteLine("wall-clock latency per search:");
        Print(all);
        if (!ThreadCpuClock.IsSupported) return;
        var cpuTimes = cpu.SelectMany(c => c).ToList();
        Console.WriteLine($"CPU time per search (thread CPU; {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F0} s process total):");
        Print(cpuTimes);
    }

    private static void Print(List<(string Kind, double Ms)> measurements)
    {
        Console.WriteLine(Line("all", measurements.Select(l => l.Ms)));
        foreach (var group in measurements.GroupBy(l => l.Kind.Split(" + ")[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Line(group.Key + " (all filters)", group.Select(l => l.Ms)));
        }
    }

    internal static string Line(string kind, IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double P(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"  {kind,-22} n={sorted.Length,5}  p50={P(0.50),6:F2} ms  p90={P(0.90),6:F2} ms  p99={P(0.99),6:F2} ms  max={sorted[^1],7:F2} ms");
    }

    private static void PrintSample(SearchService service)
    {
        var response = service.Search(new SearchRequest { Query = "fine-tuning large language", Topics = ["llm"] });
        Console.WriteLine();
        Console.WriteLine($"sample: \"fine-tuning large language\" + topic llm: {response.TotalHits} hits in {response.Elapsed.TotalMilliseconds:F2} ms");
        foreach (var facet in response.Facets)
        {
            Console.WriteLine($"  {facet.Name}: {string.Join(", ", facet.Values.Take(5).Select(v => $"{v.Value} ({v.Count})"))}");
        }
        var misspelled = service.Search(new SearchRequest { Query = "transfromer" });
        Console.WriteLine($"sample: \"transfromer\": {misspelled.TotalHits} hits, suggestions: {string.Join("; ", misspelled.Suggestions.Select(s => $"{s.Text} ({s.Count})"))}");
    }

    /// <summary>The verb's options; <c>Sorts</c> (<c>--sorts</c>) runs the sort A/B (<see cref="SortComparison"/>) instead of the latency figures.</summary>
    internal sealed record Options(int Papers, string DataPath, int Rounds, string? IndexPath, bool Semantic = false, bool Sorts = false)
    {
        public static Options Parse(string[] args)
        {
            var options = new Options(100_000, "/work/shared/data/papers-dev.jsonl", 3, null, args.Contains("--semantic"), args.Contains("--sorts"));
            args = [.. args.Where(a => a is not ("--semantic" or "--sorts"))];
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                options = args[i] switch
                {
                    "--papers" => options with { Papers = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                    "--data" => options with { DataPath = args[i + 1] },
                    "--rounds" => options with { Rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                    "--index" => options with { IndexPath = args[i + 1] },
                    _ => throw new ArgumentException($"Unknown option {args[i]}"),
                };
            }
            return options;
        }
    }
}
