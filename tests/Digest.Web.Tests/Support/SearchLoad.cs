using System.Collections.Concurrent;
using System.Diagnostics;

namespace Digest.Web.Tests.Support;

/// <summary>
/// A few clients searching as fast as the app answers, each cycling through a handful of queries, until a time limit
/// or until <c>stop</c> completes. Any non-2xx answer or exception counts as an error.
/// </summary>
public static class SearchLoad
{
    private const int MaxListedErrors = 5;

    public static readonly string[] Queries =
    [
        .. GeneratedPapers.QueryWords,
        "language models",
        "\"graph networks\"",
        "diffusion -video",
        "retrieval OR reasoning",
        "category:cs.CL transformer",
    ];

    public static async Task<SearchLoadResult> RunAsync(HttpClient client, int clients, TimeSpan limit, Task? stop = null)
    {
        var latencies = new ConcurrentBag<TimeSpan>();
        var errors = new ConcurrentQueue<string>();
        var errorCount = 0;
        using var done = new CancellationTokenSource(limit);
        var clock = Stopwatch.StartNew();

        async Task ClientAsync(int number)
        {
            for (var i = number; !done.IsCancellationRequested && stop?.IsCompleted != true; i++)
            {
                var query = Queries[i % Queries.Length];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    // Not cancelled by the limit: a search in flight is finished and counted.
                    using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.IsSuccessStatusCode) latencies.Add(Stopwatch.GetElapsedTime(started));
                    else Fail($"{(int)response.StatusCode} for q={query}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Fail($"{e.GetType().Name} for q={query}: {e.Message}");
                }
            }
        }

        void Fail(string reason)
        {
            Interlocked.Increment(ref errorCount);
            if (errors.Count < MaxListedErrors) errors.Enqueue(reason);
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(ClientAsync));
        return new SearchLoadResult([.. latencies], errorCount, [.. errors], clock.Elapsed);
    }
}
