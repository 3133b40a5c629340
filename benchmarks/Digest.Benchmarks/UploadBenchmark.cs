using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Digest.Core.Ingestion;
using Digest.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Benchmarks;

/// <summary>
/// What one large multipart upload costs the running app, and what it does to searches meanwhile: the real web host
/// (Kestrel on 127.0.0.1, real SQLite store and Lucene index in a temp folder) with a corpus ingested first, then
/// simple searches alone, one upload of many small parts alone, and the same upload with the searches running.
/// Client and server share the process, so CPU seconds include the client's (small) share.
/// </summary>
public static class UploadBenchmark
{
    public const string Command = "dotnet run -c Release --project benchmarks/Digest.Benchmarks -- uploads [--parts 1000] [--papers 20000] [--seconds 5]";

    private const string Key = "benchmark-key-0123456789";

    private static readonly string[] Words = ["transformer", "diffusion", "graph", "robot", "language", "quantum", "agents", "retrieval", "speech", "reasoning"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var directory = Path.Combine(Path.GetTempPath(), "digest-upload-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"# Upload benchmark: {Command}");
        Console.WriteLine($"# parts={options.Parts} papers={options.Papers} searches for {options.Seconds} s; data in {directory}, {Environment.ProcessorCount} cores, load {MachineLoad.Averages(1)}");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:DataDirectory"] = directory,
            ["Digest:SeedSampleDigest"] = "false",
            ["Digest:WatchInbox"] = "false",
            ["Digest:IngestApiKey"] = Key,
            // The benchmark measures the cost of a form of --parts parts, so the app's cap must let it in.
            ["Digest:Limits:MaxUploadParts"] = Math.Max(options.Parts, 20).ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Urls"] = "http://127.0.0.1:0",
        });
        builder.AddDigest();
        var app = builder.Build();
        app.UseDigest();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
            client.DefaultRequestHeaders.Add("X-Api-Key", Key);

            var corpus = SharedData.Find("papers-dev.jsonl");
            var lines = File.ReadLines(corpus).Take(options.Papers).ToArray();
            var seeded = await app.Services.GetRequiredService<IngestService>().IngestAsync(
                [new IngestSource("corpus", () => new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))))],
                new IngestRequest { Origin = "benchmark" });
            Console.WriteLine($"corpus: {seeded.Added:N0} papers from {corpus}");

            // Warm-up: the JIT compiles the search and upload paths before anything is timed.
            await SearchForAsync(client, TimeSpan.FromSeconds(2), CancellationToken.None);
            await UploadAsync(client, Body(20, run: 0));

            var alone = await SearchForAsync(client, TimeSpan.FromSeconds(options.Seconds), CancellationToken.None);
            Console.WriteLine(Line("searches alone", alone));

            var (status, wall, cpu) = await UploadAsync(client, Body(options.Parts, run: 1));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"upload alone: {options.Parts} parts -> {status} in {wall:F2} s wall, {cpu:F2} CPU s = {wall * 1000 / options.Parts:F2} ms wall and {cpu * 1000 / options.Parts:F2} ms CPU per part (load {MachineLoad.Averages(1)})"));

            using var stop = new CancellationTokenSource();
            var searches = SearchForAsync(client, TimeSpan.FromMinutes(10), stop.Token);
            var during = await UploadAsync(client, Body(options.Parts, run: 2));
            await stop.CancelAsync();
            var concurrent = await searches;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"upload with searches: {options.Parts} parts -> {during.Status} in {during.Wall:F2} s wall, {during.Cpu:F2} CPU s (load {MachineLoad.Averages(1)})"));
            Console.WriteLine(Line("searches during upload", concurrent));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        return 0;
    }

    /// <summary>One paper per part, ids and titles unique to the run, so every part adds a paper.</summary>
    private static MultipartFormDataContent Body(int parts, int run)
    {
        var content = new MultipartFormDataContent();
        for (var i = 0; i < parts; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"2509.{run * 20_000 + i + 50_000:00000}");
            var line = $$"""{"arxiv_id": "{{id}}", "title": "Upload benchmark paper {{run}} number {{i}} on robots", "abstract": "An abstract about uploading paper {{i}} of run {{run}}, long enough to be a real abstract of a paper.", "authors": ["U. Ploader"], "published": "2025-09-01", "categories": ["cs.RO"]}""";
            var part = new StringContent(line + "\n", Encoding.UTF8);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            content.Add(part, "files", $"part-{i}.jsonl");
        }
        return content;
    }

    private static async Task<(int Status, double Wall, double Cpu)> UploadAsync(HttpClient client, HttpContent body)
    {
        using (body)
        {
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync("/api/ingest", body);
            await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            process.Refresh();
            // On a shared machine the wall clock mostly measures waiting for a core; CPU seconds say what the work costs.
            return ((int)response.StatusCode, clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }
    }

    /// <summary>One search at a time, as a person paging through results would, until the time is up or stopped.</summary>
    private static async Task<List<double>> SearchForAsync(HttpClient client, TimeSpan duration, CancellationToken stop)
    {
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration && !stop.IsCancellationRequested; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync("/api/search?q=" + Words[i % Words.Length], CancellationToken.None);
            await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return latencies;
    }

    private static string Line(string label, List<double> milliseconds)
    {
        if (milliseconds.Count == 0) return $"{label}: no searches completed";
        var sorted = milliseconds.Order().ToArray();
        double P(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{label,-24} n={sorted.Length,5}  p50={P(0.50),7:F2} ms  p99={P(0.99),7:F2} ms  max={sorted[^1],8:F2} ms");
    }


    private sealed record Options(int Parts, int Papers, int Seconds)
    {
        public static Options Parse(string[] args)
        {
            var options = new Options(1_000, 20_000, 5);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                options = args[i] switch
                {
                    "--parts" => options with { Parts = value },
                    "--papers" => options with { Papers = value },
                    "--seconds" => options with { Seconds = value },
                    _ => throw new ArgumentException($"Unknown option {args[i]}"),
                };
            }
            return options;
        }
    }
}
