using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Digest.Core.Search;

namespace Digest.Benchmarks;

/// <summary>
/// Normal searches while one client floods the real web app with its most expensive query. Starts the app
/// (<see cref="WebAppProcess"/>) on 127.0.0.1 over papers-dev, measures normal searches from 16 reader addresses (the search benchmark's query mix
/// as <c>/search</c> pages) unloaded, then again while <c>--connections</c> connections from another loopback address
/// (127.0.0.2, a different client to the app) send the flood query back to back for <c>--seconds</c>. Prints latency
/// percentiles, the app's CPU time beside wall time, and how the flood was answered. Only ever talks to loopback addresses.
/// </summary>
public static class FloodBenchmark
{
    private const string Command = "dotnet run -c Release --project benchmarks/Digest.Benchmarks -- flood";

    /// <summary>The worst query found: a hundred fuzzy terms (0.9 s of CPU each before the query limits).</summary>
    public static readonly string FuzzyFlood = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"ab{i}~"));

    // Normal searches come from many readers, each asking now and then, as on a real instance: 16 addresses take turns
    // (127.0.1.1–16), so the per-client limits meet each at its real share and measure the flood's effect alone.
    private const int NormalReaders = 16;
    private static readonly IPAddress FloodClient = IPAddress.Parse("127.0.0.2");

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        Console.WriteLine($"# Digest flood benchmark: {Command} {string.Join(' ', args)}");
        Console.WriteLine($"# app={options.AppDll} data={options.DataDirectory} connections={options.Connections} seconds={options.Seconds} cores={Environment.ProcessorCount} load={MachineLoad.Averages()}");
        WebAppProcess.EnsureData(options.AppDll, options.DataDirectory, options.Papers);
        using var app = await WebAppProcess.StartAsync(options.AppDll, options.DataDirectory, options.Port, options.Settings);
        var normal = Enumerable.Range(1, NormalReaders)
            .Select(i => Client(app.Address, IPAddress.Parse($"127.0.1.{i}"), connections: 1, TimeSpan.FromSeconds(30)))
            .ToList();
        using var flood = Client(app.Address, FloodClient, options.Connections, TimeSpan.FromSeconds(10));
        var normalUrls = SearchWorkload.Build().Select(w => (w.Kind.Split(" + ")[0], Url(w.Request))).ToList();
        var floodUrl = "/search?q=" + Uri.EscapeDataString(options.FloodQuery);
        Console.WriteLine($"# flood query ({options.FloodQuery.Length} chars): {Shorten(options.FloodQuery)}");

        // Warm-up: JIT tiers and the facet caches settle; not counted.
        await NormalSearchesAsync(normal, normalUrls, TimeSpan.FromSeconds(Math.Min(10, options.Seconds)));

        var cpu = app.CpuTime;
        var one = Stopwatch.StartNew();
        const int Sequential = 10;
        for (var i = 0; i < Sequential; i++) await flood.GetAsync(new Uri(floodUrl, UriKind.Relative));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"flood query alone: {one.Elapsed.TotalMilliseconds / Sequential:F0} ms wall, {(app.CpuTime - cpu).TotalMilliseconds / Sequential:F0} ms app CPU per request ({Sequential} in a row)"));

        var unloaded = await MeasureAsync("unloaded", app, normal, normalUrls, TimeSpan.FromSeconds(options.Seconds), floodTask: null);
        using var stop = new CancellationTokenSource();
        var counts = new FloodCounts();
        var flooding = Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => FloodAsync(flood, floodUrl, counts, stop.Token)));
        var loaded = await MeasureAsync($"during a flood of {options.Connections} connections", app, normal, normalUrls, TimeSpan.FromSeconds(options.Seconds), flooding);
        await stop.CancelAsync();
        await flooding;
        Console.WriteLine($"flood answers: {counts}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"normal search p99 during the flood / unloaded: {loaded / unloaded:F2}x (target at most 2x); load={MachineLoad.Averages()}"));
        foreach (var reader in normal) reader.Dispose();
        return 0;
    }

    /// <summary>Normal searches back to back for <paramref name="duration"/>, then their percentiles; returns the p99 in ms.</summary>
    private static async Task<double> MeasureAsync(
        string label, WebAppProcess app, IReadOnlyList<HttpClient> normal, List<(string Kind, string Url)> urls, TimeSpan duration, Task? floodTask)
    {
        var cpu = app.CpuTime;
        var wall = Stopwatch.StartNew();
        var (searches, health) = await NormalSearchesAsync(normal, urls, duration);
        var cpuUsed = app.CpuTime - cpu;
        var seconds = wall.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"## {label}: {searches.Count} normal searches in {seconds:F1} s; app CPU {cpuUsed.TotalSeconds:F1} s over {seconds:F1} s wall = {cpuUsed.TotalSeconds / seconds:F2} cores"));
        Console.WriteLine(Line("normal searches", searches.Select(s => s.Ms)));
        foreach (var group in searches.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)) Console.WriteLine(Line("  " + group.Key, group.Select(s => s.Ms)));
        Console.WriteLine(Line("/healthz", health));
        var failed = searches.Count(s => s.Status != 200);
        if (failed > 0) Console.WriteLine($"normal searches not answered 200: {failed}");
        if (floodTask is { IsFaulted: true }) Console.WriteLine($"flood failed: {floodTask.Exception?.GetBaseException().Message}");
        return Percentile([.. searches.Select(s => s.Ms)], 0.99);
    }

    private static async Task<(List<(string Kind, double Ms, int Status)> Searches, List<double> Health)> NormalSearchesAsync(
        IReadOnlyList<HttpClient> readers, List<(string Kind, string Url)> urls, TimeSpan duration)
    {
        var searches = new List<(string, double, int)>();
        var health = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var (kind, url) = urls[i % urls.Count];
            var client = readers[i % readers.Count];
            var start = Stopwatch.GetTimestamp();
            using (var response = await client.GetAsync(new Uri(url, UriKind.Relative)))
            {
                await response.Content.LoadIntoBufferAsync();
                searches.Add((kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds, (int)response.StatusCode));
            }
            if (i % 10 != 0) continue;
            start = Stopwatch.GetTimestamp();
            using (await client.GetAsync(new Uri("/healthz", UriKind.Relative))) health.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return (searches, health);
    }

    /// <summary>One flooding connection: the flood query back to back, never waiting for a <c>Retry-After</c>, as an attacker would.</summary>
    private static async Task FloodAsync(HttpClient client, string url, FloodCounts counts, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative), stop);
                await response.Content.LoadIntoBufferAsync(stop);
                counts.Add((int)response.StatusCode);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (TaskCanceledException)
            {
                counts.AddTimeout();
            }
            catch (HttpRequestException)
            {
                counts.AddError();
            }
        }
    }

    /// <summary>An HTTP client whose connections leave from <paramref name="local"/>: the app sees a separate client per loopback address.</summary>
    private static HttpClient Client(Uri address, IPAddress local, int connections, TimeSpan timeout) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = address, Timeout = timeout };

    private static string Url(SearchRequest request)
    {
        var parameters = new List<string>();
        if (request.Query is { } q) parameters.Add("q=" + Uri.EscapeDataString(q));
        parameters.AddRange(request.Topics.Select(t => "topic=" + Uri.EscapeDataString(t)));
        parameters.AddRange(request.ExcludedTopics.Select(t => "xtopic=" + Uri.EscapeDataString(t)));
        parameters.AddRange(request.Categories.Select(c => "category=" + Uri.EscapeDataString(c)));
        parameters.AddRange(request.Years.Select(y => "year=" + y.ToString(CultureInfo.InvariantCulture)));
        if (request.HasCode is { } code) parameters.Add("code=" + (code ? "1" : "0"));
        if (request.From is { } from) parameters.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (request.To is { } to) parameters.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (request.Sort is { } sort) parameters.Add("sort=" + sort.ToString().ToLowerInvariant());
        if (request.Page > 1) parameters.Add("page=" + request.Page.ToString(CultureInfo.InvariantCulture));
        return "/search?" + string.Join('&', parameters);
    }

    private static string Line(string kind, IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0) return $"  {kind,-22} n=0";
        return string.Create(CultureInfo.InvariantCulture,
            $"  {kind,-22} n={sorted.Length,5}  p50={Percentile(sorted, 0.50),7:F1} ms  p90={Percentile(sorted, 0.90),7:F1} ms  p99={Percentile(sorted, 0.99),7:F1} ms  max={sorted[^1],7:F1} ms");
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }


    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private sealed record Options(string AppDll, string DataDirectory, string Papers, int Connections, int Seconds, int Port, string FloodQuery, Dictionary<string, string> Settings)
    {
        public static Options Parse(string[] args)
        {
            var options = new Options(
                DefaultApp(), Path.Combine(Path.GetTempPath(), "digest-flood-data"), "/work/shared/data/papers-dev.jsonl",
                16, 20, 5097, FuzzyFlood, []);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                var value = args[i + 1];
                options = args[i] switch
                {
                    "--app" => options with { AppDll = Path.GetFullPath(value) },
                    "--data" => options with { DataDirectory = Path.GetFullPath(value) },
                    "--papers" => options with { Papers = Path.GetFullPath(value) },
                    "--connections" => options with { Connections = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 1, 64) },
                    "--seconds" => options with { Seconds = Math.Clamp(int.Parse(value, CultureInfo.InvariantCulture), 5, 30) },
                    "--port" => options with { Port = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--query" => options with { FloodQuery = value },
                    // An app setting, e.g. --set Digest__Search__MaxConcurrentPerClient=2.
                    "--set" => options with { Settings = new Dictionary<string, string>(options.Settings) { [value.Split('=')[0]] = value[(value.IndexOf('=') + 1)..] } },
                    _ => throw new ArgumentException($"Unknown option {args[i]}"),
                };
            }
            return options;
        }

        /// <summary>The web app built in Release beside this repository's benchmarks (<c>dotnet build -c Release src/Digest.Web</c>).</summary>
        private static string DefaultApp()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "src", "Digest.Web", "bin", "Release", "net10.0", "Digest.Web.dll");
                if (File.Exists(candidate)) return candidate;
            }
            return "src/Digest.Web/bin/Release/net10.0/Digest.Web.dll";
        }
    }
}
