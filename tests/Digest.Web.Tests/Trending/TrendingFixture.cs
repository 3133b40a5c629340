using Digest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Digest.Web.Tests.Trending;

/// <summary>
/// An app with papers of known votes and digest days, and a clock stopped at Monday 10 March 2025, 03:00 UTC.
/// Trending order then (score = (votes + 3 × appearances) / (age + 2)^1.2): hot 0.404, old 0.312, quiet 0.053,
/// twice 0.049, last-month 0.036, unlisted 0. The week of 3 March, ranked at its end (10 March 00:00): hot, quiet, twice, unlisted.
/// </summary>
public sealed class TrendingFixture : IAsyncLifetime
{
    public const string Hot = "2503.00001";
    public const string Old = "2503.00002";
    public const string Quiet = "2503.00003";
    public const string Unlisted = "2503.00004";
    public const string Twice = "2503.00005";
    public const string LastMonth = "2502.00006";

    public static readonly DateTimeOffset Now = new(2025, 3, 10, 3, 0, 0, TimeSpan.Zero);

    public DigestAppFactory App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new DigestAppFactory(configureServices: services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        Client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await App.IngestAsync("papers.jsonl", string.Join('\n',
            Line(Hot, "Hot paper", "2025-03-08", ["2025-03-09"], 20),
            Line(Old, "Old popular paper", "2025-03-01", ["2025-03-01"], 200),
            Line(Quiet, "Quiet paper", "2025-03-08", ["2025-03-09"], null),
            Line(Unlisted, "Unlisted paper", "2025-03-08", [], null),
            Line(Twice, "Twice listed paper", "2025-03-04", ["2025-03-05", "2025-03-08"], 10),
            Line(LastMonth, "Last month paper", "2025-02-19", ["2025-02-20"], 50)));
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }

    private static string Line(string id, string title, string published, string[] days, int? upvotes)
    {
        var dayList = string.Join(", ", days.Select(d => $"\"{d}\""));
        var votes = upvotes is null ? "" : $", \"upvotes\": {upvotes}";
        return $$"""{"arxiv_id": "{{id}}", "title": "{{title}}", "abstract": "An abstract about learning, long enough to look like a real one.", "authors": ["A. Author"], "published": "{{published}}", "digest_days": [{{dayList}}], "categories": ["cs.LG"]{{votes}}}""";
    }
}
