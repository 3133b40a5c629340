using System.Diagnostics;
using Digest.Core.Configuration;
using Digest.Core.Indexing;
using Digest.Core.Search;
using Digest.Core.Topics;
using Digest.Web.Browsing;
using Digest.Web.Feeds;
using Digest.Web.OpenSearch;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Digest.Benchmarks;

/// <summary>
/// The feed benchmark: the search benchmark's index (100k generated papers by default), then feed requests answered
/// by the app's own handlers (<see cref="FeedEndpoints"/>) for every view of the search workload, as a feed: first
/// unconditional (200: search and Atom written), then with the ETag of that answer (304: validators only). Then address-bar
/// suggestions (<see cref="OpenSearchEndpoints"/>) for prefixes of titles, author names and topics. The handlers run on a
/// bare HttpContext, so the figures leave out Kestrel and routing (the same for every request) and keep everything Digest does.
/// </summary>
public static class FeedBenchmark
{
    private const string Command = "dotnet run -c Release --project benchmarks/Digest.Benchmarks -- feeds";

    public static int Run(string[] args)
    {
        var options = SearchBenchmark.Options.Parse(args);
        Console.WriteLine($"# Digest feed and suggestion benchmark: {Command} {string.Join(' ', args)}");
        Console.WriteLine($"# papers={options.Papers} data={options.DataPath} rounds={options.Rounds} cores={Environment.ProcessorCount} load={Load()}");

        var indexPath = options.IndexPath ?? Path.Combine(Path.GetTempPath(), "digest-bench-" + Guid.NewGuid().ToString("N"));
        var taxonomyPath = Path.Combine(Path.GetTempPath(), "digest-bench-taxonomy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(taxonomyPath);
        try
        {
            using var index = new PaperIndex(indexPath, NullLogger<PaperIndex>.Instance);
            if (index.ChangeSeq == 0 || index.DocumentCount != options.Papers) SearchBenchmark.BuildIndex(index, options);
            var search = new SearchService(index, NullLogger<SearchService>.Instance);
            search.Warm();
            var taxonomies = new TaxonomyProvider(taxonomyPath, NullLogger<TaxonomyProvider>.Instance);
            var publicUrls = new PublicUrls(Options.Create(new DigestOptions { PublicBaseUrl = "https://papers.example.org" }));
            var feeds = new FeedResponder(search, taxonomies, publicUrls, new FeedVersion(index, TimeProvider.System));
            using var services = new ServiceCollection().AddLogging().BuildServiceProvider();

            var urls = FeedUrlsToRequest(search);
            Console.WriteLine($"# feed URLs per round={urls.Count}");
            // Warm-up: tiered compilation settles (its background recompiles would count as request CPU).
            var etags = new Dictionary<string, string>();
            for (var round = 0; round < 3; round++) Measure(urls, url => Feed(services, feeds, url, null, etags), report: null);
            Measure(Repeat(urls, options.Rounds), url => Feed(services, feeds, url, null, etags), report: "feed 200 (search + Atom, default limit 50)");
            Measure(Repeat(urls, options.Rounds), url => Feed(services, feeds, url, etags[url], null), report: "feed 304 (If-None-Match: validators only)");

            var prefixes = Prefixes(search, taxonomies.Current);
            Console.WriteLine($"# suggestion prefixes per round={prefixes.Count}");
            for (var round = 0; round < 3; round++) Measure(prefixes, prefix => Suggest(services, search, taxonomies, publicUrls, prefix), report: null);
            Measure(Repeat(prefixes, options.Rounds), prefix => Suggest(services, search, taxonomies, publicUrls, prefix), report: "suggest (/api/suggest, up to 10 completions)");
            PrintSample(services, search, taxonomies, publicUrls);
        }
        finally
        {
            if (options.IndexPath is null) Directory.Delete(indexPath, recursive: true);
            Directory.Delete(taxonomyPath, recursive: true);
        }
        return 0;
    }

    /// <summary>Every view of the search workload as its feed, plus topic, day and digest-days feeds.</summary>
    private static List<string> FeedUrlsToRequest(SearchService search)
    {
        var searchUrls = new SearchUrls();
        var urls = SearchWorkload.Build().Select(w => FeedUrls.For(searchUrls, w.Request)).Distinct(StringComparer.Ordinal).ToList();
        urls.AddRange(["/feeds/topics/llm", "/feeds/topics/computer-vision", "/feeds/topics/llm?q=agents", "/feeds/digests", "/feeds/search?limit=200"]);
        urls.AddRange(search.ListDigestDays().TakeLast(3).Select(d => FeedUrls.For(PaperUrls.Day(d.Day))));
        return urls;
    }

    /// <summary>What people type: the first 1-12 characters of titles and names, topic labels, and a few short common starts.</summary>
    private static List<string> Prefixes(SearchService search, Taxonomy taxonomy)
    {
        var random = new Random(13);
        var sample = search.Search(new SearchRequest { PageSize = SearchRequest.MaxPageSize, Page = 7, IncludeSnippets = false }).Results;
        var prefixes = new List<string> { "a", "de", "lang", "graph n", "diffusion", "zhang", "wang w", "li", "zzz" };
        foreach (var result in sample.Take(60))
        {
            prefixes.Add(result.Title[..Math.Min(result.Title.Length, random.Next(1, 13))]);
            if (result.Authors.Count > 0)
            {
                var name = result.Authors[random.Next(result.Authors.Count)];
                var surname = name.Split(' ')[^1];
                prefixes.Add(surname[..Math.Min(surname.Length, random.Next(2, 7))]);
            }
        }
        prefixes.AddRange(taxonomy.Topics.Take(20).Select(t => t.Label[..Math.Min(t.Label.Length, 4)]));
        return prefixes;
    }

    private static int Feed(IServiceProvider services, FeedResponder feeds, string url, string? ifNoneMatch, Dictionary<string, string>? etags)
    {
        var context = Context(services, url);
        if (ifNoneMatch is not null) context.Request.Headers.IfNoneMatch = ifNoneMatch;
        var path = context.Request.Path.Value!;
        var result = path switch
        {
            "/feeds/search" => FeedEndpoints.Search(context, feeds),
            "/feeds/digests" => FeedEndpoints.Days(context, feeds),
            _ when path.StartsWith("/feeds/topics/", StringComparison.Ordinal) => FeedEndpoints.Topic(path["/feeds/topics/".Length..], context, feeds),
            _ => FeedEndpoints.Day(path["/feeds/digests/".Length..], context, feeds),
        };
        result.ExecuteAsync(context).GetAwaiter().GetResult();
        if (etags is not null) etags[url] = context.Response.Headers.ETag.ToString();
        var expected = ifNoneMatch is null ? StatusCodes.Status200OK : StatusCodes.Status304NotModified;
        if (context.Response.StatusCode != expected) throw new InvalidOperationException($"{url} answered {context.Response.StatusCode}, expected {expected}");
        return (int)context.Response.Body.Length;
    }

    private static int Suggest(IServiceProvider services, SearchService search, TaxonomyProvider taxonomies, PublicUrls urls, string prefix)
    {
        var context = Context(services, OpenSearchEndpoints.SuggestPath + "?q=" + Uri.EscapeDataString(prefix));
        OpenSearchEndpoints.Suggest(context, search, taxonomies, urls).ExecuteAsync(context).GetAwaiter().GetResult();
        return (int)context.Response.Body.Length;
    }

    private static DefaultHttpContext Context(IServiceProvider services, string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("papers.example.org");
        context.Request.Path = query < 0 ? url : url[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(url[query..]);
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static List<string> Repeat(List<string> items, int rounds) => [.. Enumerable.Repeat(items, rounds).SelectMany(i => i)];

    private static void Measure(List<string> items, Func<string, int> run, string? report)
    {
        var wall = new List<(string, double)>(items.Count);
        var cpu = new List<(string, double)>(items.Count);
        long bytes = 0;
        var processCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var elapsed = Stopwatch.StartNew();
        foreach (var item in items)
        {
            var cpuStart = ThreadCpuClock.NowMilliseconds();
            var start = Stopwatch.GetTimestamp();
            bytes += run(item);
            wall.Add((report ?? "", Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            cpu.Add((report ?? "", ThreadCpuClock.NowMilliseconds() - cpuStart));
        }
        elapsed.Stop();
        processCpu = Process.GetCurrentProcess().TotalProcessorTime - processCpu;
        if (report is null) return;
        Console.WriteLine();
        Console.WriteLine($"## {report}: {items.Count} requests in {elapsed.Elapsed.TotalSeconds:F2} s, {bytes / Math.Max(1, items.Count):N0} bytes each on average, load={Load()}");
        Console.WriteLine($"process CPU per request (all threads): {processCpu.TotalMilliseconds / items.Count:F3} ms = {items.Count / Math.Max(processCpu.TotalSeconds, 1e-9):F0} requests per CPU-second");
        Console.WriteLine(SearchBenchmark.Line("wall clock", wall.Select(w => w.Item2)));
        if (ThreadCpuClock.IsSupported) Console.WriteLine(SearchBenchmark.Line("thread CPU", cpu.Select(c => c.Item2)));
    }

    private static void PrintSample(IServiceProvider services, SearchService search, TaxonomyProvider taxonomies, PublicUrls urls)
    {
        foreach (var prefix in new[] { "diffu", "wang", "graph neural" })
        {
            var context = Context(services, OpenSearchEndpoints.SuggestPath + "?q=" + Uri.EscapeDataString(prefix));
            OpenSearchEndpoints.Suggest(context, search, taxonomies, urls).ExecuteAsync(context).GetAwaiter().GetResult();
            var body = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
            Console.WriteLine($"sample: /api/suggest?q={prefix}: {(body.Length > 300 ? body[..300] + "…" : body)}");
        }
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
