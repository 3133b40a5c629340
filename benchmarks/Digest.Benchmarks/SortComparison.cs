using System.Diagnostics;
using Digest.Core.Search;

namespace Digest.Benchmarks;

/// <summary>
/// The cost of <c>sort=trending</c> beside the default order (relevance with a query, newest without) and newest, on
/// the same requests in the same run: each request is searched in every order one after another, so a busy moment of
/// the machine falls on all of them alike. Also the trending views' own requests: a day, a week and a month of papers,
/// and the front page's five. Single thread; wall clock and thread CPU per search.
/// </summary>
internal static class SortComparison
{
    private static readonly (string Name, SearchSort? Sort)[] Orders = [("default", null), ("newest", SearchSort.Newest), ("trending", SearchSort.Trending)];

    public static void Run(SearchService service, List<(string Kind, SearchRequest Request)> workload, int rounds)
    {
        var wall = Orders.ToDictionary(o => o.Name, _ => new List<(string Kind, double Ms)>());
        var cpu = Orders.ToDictionary(o => o.Name, _ => new List<(string Kind, double Ms)>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (kind, request) in workload)
            {
                var group = kind.StartsWith("browse", StringComparison.Ordinal) ? "browse" : "query";
                foreach (var (name, sort) in Orders) Time(service, request with { Sort = sort }, group, wall[name], cpu[name]);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"## sort A/B (1 thread, {rounds} rounds of {workload.Count} requests per order, load {MachineLoad.Averages()})");
        foreach (var (name, _) in Orders) Print(name, wall[name], cpu[name]);
        Views(service, rounds);
    }

    /// <summary>What <c>/trending</c> and the front page ask for, around the corpus's latest day.</summary>
    private static void Views(SearchService service, int rounds)
    {
        var latest = service.Search(new SearchRequest { PageSize = 1, IncludeSnippets = false }).Results[0].Published!.Value;
        (string Name, SearchRequest Request)[] views =
        [
            ("front page top 5", new SearchRequest { Sort = SearchSort.Trending, PageSize = 5, IncludeSnippets = false }),
            ("day view", Window(latest, latest)),
            ("week view", Window(latest.AddDays(-6), latest)),
            ("month view", Window(latest.AddDays(-29), latest)),
        ];
        Console.WriteLine($"## trending views ({rounds * 20} searches each, load {MachineLoad.Averages()})");
        foreach (var (name, request) in views)
        {
            var wall = new List<(string Kind, double Ms)>();
            var cpu = new List<(string Kind, double Ms)>();
            for (var i = 0; i < rounds * 20; i++) Time(service, request, name, wall, cpu);
            var hits = service.Search(request).TotalHits;
            Print($"{name} ({hits} hits)", wall, cpu);
        }
    }

    private static SearchRequest Window(DateOnly first, DateOnly last) => new()
    {
        Sort = SearchSort.Trending, AppearedFrom = first, AppearedTo = last, PageSize = 50, IncludeSnippets = false,
        TrendingAt = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
    };

    private static void Time(SearchService service, SearchRequest request, string kind, List<(string Kind, double Ms)> wall, List<(string Kind, double Ms)> cpu)
    {
        var cpuStart = ThreadCpuClock.NowMilliseconds();
        var start = Stopwatch.GetTimestamp();
        service.Search(request);
        wall.Add((kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
        cpu.Add((kind, ThreadCpuClock.NowMilliseconds() - cpuStart));
    }

    private static void Print(string name, List<(string Kind, double Ms)> wall, List<(string Kind, double Ms)> cpu)
    {
        Console.WriteLine($"{name}:");
        foreach (var group in wall.GroupBy(w => w.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(SearchBenchmark.Line("wall " + group.Key, group.Select(w => w.Ms)));
            if (ThreadCpuClock.IsSupported) Console.WriteLine(SearchBenchmark.Line("cpu  " + group.Key, cpu.Where(c => c.Kind == group.Key).Select(c => c.Ms)));
        }
    }
}
