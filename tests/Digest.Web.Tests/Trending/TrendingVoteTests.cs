using System.Diagnostics;
using System.Text.Json;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;
using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Trending;

public class TrendingVoteTests
{
    [Fact]
    public async Task ReaderVotes_ReachTheTrendingOrder_WithinASecond()
    {
        using var app = new DigestAppFactory();
        using var client = app.CreateClient();
        await app.IngestAsync("papers.jsonl", string.Join('\n',
            """{"arxiv_id": "2503.00011", "title": "First paper", "abstract": "An abstract about learning, long enough to look real.", "published": "2025-03-09", "digest_days": ["2025-03-09"], "upvotes": 30}""",
            """{"arxiv_id": "2503.00012", "title": "Second paper", "abstract": "An abstract about learning, long enough to look real.", "published": "2025-03-09", "digest_days": ["2025-03-09"], "upvotes": 5}"""));
        Assert.Equal(["2503.00011", "2503.00012"], await IdsAsync(client));

        // As the vote code will: the count on the paper and a new change number; the app's index sync picks it up.
        await ReaderVotesSetter.SetAsync(app.Services.GetRequiredService<SqliteDatabase>(), "2503.00012", 40);
        var clock = Stopwatch.StartNew();
        while ((await IdsAsync(client))[0] != "2503.00012" && clock.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(20);

        Assert.Equal(["2503.00012", "2503.00011"], await IdsAsync(client));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The vote took {clock.Elapsed.TotalMilliseconds:F0} ms to reach the order.");
    }

    private static async Task<List<string>> IdsAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?sort=trending"));
        return [.. json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
    }
}
